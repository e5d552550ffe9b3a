import { describe, expect, it } from 'vitest'
import {
  canManageGuestLink,
  guestLinkExpiry,
  isGuestLinkLive,
} from '../../../shared/protocol/guestLinks'

const NOW = new Date('2026-12-03T12:00:00.000Z')
const DAY_MS = 86_400_000

describe('guest link rules', () => {
  it('owners manage every guest link, facilitators editor and viewer links, others none', () => {
    expect(canManageGuestLink('owner', 'facilitator')).toBe(true)
    expect(canManageGuestLink('facilitator', 'facilitator')).toBe(false)
    expect(canManageGuestLink('facilitator', 'editor')).toBe(true)
    expect(canManageGuestLink('facilitator', 'viewer')).toBe(true)
    expect(canManageGuestLink('editor', 'viewer')).toBe(false)
    expect(canManageGuestLink('viewer', 'viewer')).toBe(false)
  })

  it('a link lasts 7 days unless told, 1 to 90 whole days, or until a time within 90 days', () => {
    const at = (request: Parameters<typeof guestLinkExpiry>[0]) => {
      const expiry = guestLinkExpiry(request, NOW)
      return expiry.ok ? expiry.expiresAt.toISOString() : null
    }
    expect(at({})).toBe(new Date(NOW.getTime() + 7 * DAY_MS).toISOString())
    expect(at({ expiresInDays: 1 })).toBe('2026-12-04T12:00:00.000Z')
    expect(at({ expiresInDays: 90 })).toBe(new Date(NOW.getTime() + 90 * DAY_MS).toISOString())
    // A date is the end of that day (UTC).
    expect(at({ expiresAt: '2026-12-10' })).toBe('2026-12-10T23:59:59.999Z')
    expect(at({ expiresAt: '2026-12-03T12:30:00+01:00' })).toBeNull()
    expect(at({ expiresAt: '2026-12-03T12:30:00Z' })).toBe('2026-12-03T12:30:00.000Z')
    for (const refused of [
      { expiresInDays: 0 },
      { expiresInDays: 91 },
      { expiresInDays: 2.5 },
      { expiresInDays: '7' },
      { expiresAt: '2026-12-02' },
      { expiresAt: '2027-03-05' },
      { expiresAt: 'soon' },
      { expiresAt: 20261210 },
      { expiresInDays: 7, expiresAt: '2026-12-10' },
    ]) {
      expect({ refused, at: at(refused) }).toEqual({ refused, at: null })
    }
  })

  it('a link is live until its expiry, and never once revoked', () => {
    const link = { expiresAt: '2026-12-03T12:00:01.000Z', revokedAt: null }
    expect(isGuestLinkLive(link, NOW)).toBe(true)
    expect(isGuestLinkLive(link, new Date('2026-12-03T12:00:01.000Z'))).toBe(false)
    expect(isGuestLinkLive({ ...link, revokedAt: NOW.toISOString() }, NOW)).toBe(false)
  })
})
