import { describe, expect, it } from 'vitest'
import {
  MAX_ANSWER_TEXT,
  checkAnswerForm,
  confirmationSummaryOf,
} from '../../../shared/confirmation/stakeholderAnswer'
import {
  confirmationLinkExpiry,
  confirmationLinkState,
} from '../../../shared/protocol/confirmationLinks'
import { createEngagementEntry } from '../../../shared/stakeholder/createStakeholder'

describe("a stakeholder's answer", () => {
  it('a correction needs words; a confirmation needs none; texts are trimmed and bounded', () => {
    expect(checkAnswerForm({ verdict: 'confirmed' })).toEqual({
      ok: true,
      verdict: 'confirmed',
      corrections: '',
      comments: '',
    })
    expect(checkAnswerForm({ verdict: 'corrected', corrections: '  \r\n ' })).toEqual({
      ok: false,
      problem: 'corrections-missing',
    })
    expect(checkAnswerForm({ verdict: 'corrected', comments: ' Not June \r\n' })).toMatchObject({
      ok: true,
      comments: 'Not June',
    })
    expect(checkAnswerForm({ corrections: 'x' })).toEqual({ ok: false, problem: 'no-verdict' })
    expect(
      checkAnswerForm({ verdict: 'corrected', corrections: 'x'.repeat(MAX_ANSWER_TEXT + 1) }),
    ).toEqual({ ok: false, problem: 'too-long' })
  })

  it("the summary leaves out the company's notes on barriers and the confidentiality", () => {
    const entry = {
      ...createEngagementEntry('log-1', '2026-05-12'),
      followUp: 'Premium reviewed by June',
      barriers: 'Fear of retaliation',
      barrierMeasures: 'Met off site',
    }
    const summary = confirmationSummaryOf('Farmers union', entry)
    expect(summary.followUp).toBe('Premium reviewed by June')
    expect(JSON.stringify(summary)).not.toMatch(/retaliation|off site|confidential|internal/)
  })

  it('a link waits until it expires or is withdrawn; an answer stays an answer', () => {
    const now = new Date('2026-05-12T10:00:00Z')
    const link = { expiresAt: '2026-06-11T10:00:00Z', revokedAt: null, answer: null }
    expect(confirmationLinkState(link, now)).toBe('waiting')
    expect(confirmationLinkState(link, new Date('2026-06-11T10:00:00Z'))).toBe('expired')
    expect(confirmationLinkState({ ...link, revokedAt: '2026-05-13T00:00:00Z' }, now)).toBe(
      'revoked',
    )
    const answered = { ...link, answer: {} as never }
    expect(confirmationLinkState(answered, new Date('2027-01-01T00:00:00Z'))).toBe('answered')
  })

  it('a link lasts 30 days unless 1 to 90 whole days are asked for', () => {
    const now = new Date('2026-05-12T10:00:00Z')
    const expiry = confirmationLinkExpiry(undefined, now)
    expect(expiry.ok && expiry.expiresAt.toISOString()).toBe('2026-06-11T10:00:00.000Z')
    expect(confirmationLinkExpiry(90, now).ok).toBe(true)
    for (const wrong of [0, 91, 2.5, '30'])
      expect(confirmationLinkExpiry(wrong, now).ok).toBe(false)
  })
})
