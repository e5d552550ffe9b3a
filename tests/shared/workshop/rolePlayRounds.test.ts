import { describe, expect, it } from 'vitest'
import {
  NO_ROUNDS,
  currentRound,
  endRound,
  isObserverOf,
  readRolePlayRounds,
  roundTimer,
  startRound,
  withObservers,
} from '../../../shared/workshop/rolePlayRounds'
import { observerHolders, readRoleCard } from '../../../shared/workshop/rolePlay'

describe('role-play rounds', () => {
  it('numbers rounds 1, 2, … and plays one at a time', () => {
    const first = startRound(NO_ROUNDS, ['g_ann'], 10, 1_000)
    expect(currentRound(first)).toMatchObject({ number: 1, observerIds: ['g_ann'], minutes: 10 })
    const between = endRound(first)
    expect(currentRound(between)).toBeNull()
    const second = startRound(between, ['g_bram', 'g_bram'], 12, 2_000)
    expect(second.rounds.map((round) => round.number)).toEqual([1, 2])
    expect(currentRound(second)).toMatchObject({ number: 2, observerIds: ['g_bram'] })
  })

  it('gives two rounds started in the same millisecond two ids', () => {
    const twice = startRound(startRound(NO_ROUNDS, [], 10, 5_000), [], 10, 5_000)
    expect(new Set(twice.rounds.map((round) => round.id)).size).toBe(2)
  })

  it('knows who observes which round; the facilitator may name others', () => {
    const state = startRound(NO_ROUNDS, ['g_ann'], 10, 1_000)
    const id = state.currentId!
    expect(isObserverOf(state, id, 'g_ann')).toBe(true)
    expect(isObserverOf(state, id, 'g_mallory')).toBe(false)
    expect(isObserverOf(state, 'play-other', 'g_ann')).toBe(false)
    const renamed = withObservers(state, id, ['g_chen'])
    expect(isObserverOf(renamed, id, 'g_ann')).toBe(false)
    expect(isObserverOf(renamed, id, 'g_chen')).toBe(true)
  })

  it('reads back what it wrote, and anything malformed as no rounds', () => {
    const state = startRound(NO_ROUNDS, ['g_ann'], 10, 1_000)
    expect(readRolePlayRounds(JSON.parse(JSON.stringify(state)))).toEqual(state)
    expect(readRolePlayRounds(null)).toEqual(NO_ROUNDS)
    expect(readRolePlayRounds({ rounds: 'x' })).toEqual(NO_ROUNDS)
    expect(
      readRolePlayRounds({
        rounds: [{ id: 'evil', number: 1, startedAt: 1 }, state.rounds[0]],
        currentId: 'evil',
      }),
    ).toEqual({ rounds: state.rounds, currentId: null })
    expect(
      readRolePlayRounds({
        rounds: [{ ...state.rounds[0], observerIds: ['g_ann', 42, 'has space'] }],
      }).rounds[0]!.observerIds,
    ).toEqual(['g_ann'])
  })

  it('times a round with the phase-3 block’s countdown', () => {
    const state = startRound(NO_ROUNDS, [], 7, 1_000)
    expect(roundTimer('phase-3', currentRound(state)!)).toEqual({
      blockId: 'phase-3',
      partId: state.currentId,
      startedAt: 1_000,
      durationMs: 7 * 60_000,
      pausedAt: null,
    })
  })

  it('starts a round with the holders of the observer cards', () => {
    const observer = readRoleCard('role-x-observer', { title: 'Observer', holderId: 'g_ann' })!
    const buyer = readRoleCard('role-y-buyer', { title: 'Buyer', holderId: 'g_bram' })!
    const renamed = readRoleCard('role-z', {
      title: 'Watcher',
      holderId: 'g_chen',
      observes: true,
    })!
    const undealt = readRoleCard('role-w', { title: 'Second observer', observes: true })!
    expect(observer.observes).toBe(true)
    expect(buyer.observes).toBe(false)
    expect(observerHolders([observer, buyer, renamed, undealt])).toEqual(['g_ann', 'g_chen'])
  })
})
