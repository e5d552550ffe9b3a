import { describe, expect, it } from 'vitest'
import { formatScoreText, parseScoreText, sameScoreText } from '../../../shared/scoring/scoreText'

describe('scores as people type them', () => {
  it('reads a Dutch decimal comma as the decimal it is, not as 15', () => {
    expect(parseScoreText('1,5')).toEqual({ ok: true, value: 1.5 })
    expect(parseScoreText(' 2.25 ')).toEqual({ ok: true, value: 2.25 })
    expect(parseScoreText('4')).toEqual({ ok: true, value: 4 })
    expect(parseScoreText(',5')).toEqual({ ok: true, value: 0.5 })
  })

  it('reads empty as not assessed and refuses what is no number', () => {
    expect(parseScoreText('')).toEqual({ ok: true, value: null })
    for (const text of ['abc', '1,5,3', '1.000,5', '2 3', '-']) {
      expect(parseScoreText(text)).toEqual({ ok: false })
    }
  })

  it('writes a score the way a Dutch or an English reader expects', () => {
    expect(formatScoreText(2.5, 'nl')).toBe('2,5')
    expect(formatScoreText(2.5, 'en')).toBe('2.5')
    expect(formatScoreText(null, 'nl')).toBe('')
    expect(sameScoreText('2,5', '2.5')).toBe(true)
    expect(sameScoreText('2,5', '2.4')).toBe(false)
  })
})
