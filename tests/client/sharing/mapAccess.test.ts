import { describe, expect, it } from 'vitest'
import { readTokenFromLocation, shareLink } from '../../../client/sharing/mapAccess'

describe('share links', () => {
  it('put the token in the fragment and read it back', () => {
    const token = 'abcDEF0123456789_-xyzXYZ01234567'
    const link = shareLink('https://canvas.example', 'MAP_id-123456', token)
    expect(link).toBe(`https://canvas.example/m/MAP_id-123456#t=${token}`)
    expect(readTokenFromLocation({ hash: new URL(link).hash })).toBe(token)
  })

  it('ignores fragments without a plausible token', () => {
    expect(readTokenFromLocation({ hash: '' })).toBeNull()
    expect(readTokenFromLocation({ hash: '#t=short' })).toBeNull()
    expect(readTokenFromLocation({ hash: '#t=<script>alert(1)</script>xxxxxxxx' })).toBeNull()
  })
})
