/**
 * The participants list marks others idle after two minutes without activity, never oneself;
 * while this page is offline it calls itself offline and the others unknown.
 */
import { describe, expect, it } from 'vitest'
import { IDLE_AFTER_MS, participantStatus } from '../../../client/workshop/participantStatus'

const now = 1_000_000_000
const quietSince = now - IDLE_AFTER_MS - 1

describe('participantStatus', () => {
  it('shows someone else idle after two minutes without activity', () => {
    expect(participantStatus({ connected: true, self: false, lastActivity: quietSince }, now)).toBe(
      'idle',
    )
    expect(participantStatus({ connected: true, self: false, lastActivity: now - 1000 }, now)).toBe(
      'active',
    )
  })

  it('never shows you idle to yourself', () => {
    expect(participantStatus({ connected: true, self: true, lastActivity: quietSince }, now)).toBe(
      'active',
    )
  })

  it('shows whoever left as disconnected', () => {
    expect(participantStatus({ connected: false, self: false, lastActivity: now }, now)).toBe(
      'disconnected',
    )
  })

  it('while you are offline, says so and calls the others unknown, not disconnected', () => {
    expect(participantStatus({ connected: true, self: true, lastActivity: now }, now, false)).toBe(
      'offline',
    )
    for (const connected of [true, false]) {
      expect(participantStatus({ connected, self: false, lastActivity: now }, now, false)).toBe(
        'unknown',
      )
    }
  })
})
