import { describe, expect, it } from 'vitest'
import { aggregateElementRatings } from '../../../shared/dialogue/aggregateElementRatings'
import { isOverdue } from '../../../shared/dialogue/isOverdue'
import {
  migrateCommitment,
  migrateDialogueEvaluation,
  migrateDialoguePlan,
} from '../../../shared/dialogue/migrateDialogueRecords'
import {
  validateCommitment,
  validateDialogueEvaluation,
  validateDialoguePlan,
} from '../../../shared/dialogue/validateDialogueRecords'
import { commitment, evaluation, plan } from './dialogueFixtures'

function errorsOf(result: { ok: boolean; errors?: { path: string; code: string }[] }) {
  return result.ok ? [] : (result.errors ?? []).map(({ path, code }) => `${path}: ${code}`)
}

describe('dialogue plan validation', () => {
  it('accepts a filled-in plan and keeps it as it is', () => {
    const result = validateDialoguePlan(plan())
    expect(result).toEqual({ ok: true, value: plan(), ignoredKeys: [] })
  })

  it('names every problem with its path and code', () => {
    const broken = {
      ...plan(),
      status: 'maybe',
      date: '2026-02-30',
      format: 'carrier-pigeon',
      invited: [
        { stakeholderId: 'sh-farmers', representedBy: null },
        { stakeholderId: 'sh-farmers', representedBy: 'has space' },
      ],
      barriers: [{ kind: 'travel', description: 'x' }],
      goal: 'x'.repeat(10_001),
    }
    expect(errorsOf(validateDialoguePlan(broken))).toEqual([
      'status: not-one-of',
      'goal: too-long',
      'invited[1].representedBy: invalid-id',
      'invited[1].stakeholderId: duplicate-id',
      'format: not-one-of',
      'date: invalid-date',
      'barriers[0].howLowered: required',
    ])
  })

  it('leaves unknown keys out and lists them', () => {
    const result = validateDialoguePlan({ ...plan(), __proto__: { x: 1 }, colour: 'red' })
    expect(result.ok && result.ignoredKeys).toEqual(['colour'])
    expect(result.ok && 'colour' in result.value).toBe(false)
  })
})

describe('commitment validation', () => {
  it('needs a reason when a promise is dropped', () => {
    const dropped = { ...commitment(), status: 'dropped', droppedReason: '  ' }
    expect(errorsOf(validateCommitment(dropped))).toEqual(['droppedReason: empty'])
    const explained = { ...dropped, droppedReason: 'Cooperative dissolved' }
    expect(validateCommitment(explained).ok).toBe(true)
  })

  it('takes due dates as calendar dates only', () => {
    const late = { ...commitment(), dueDate: '1 May 2026' }
    expect(errorsOf(validateCommitment(late))).toEqual(['dueDate: invalid-date'])
  })
})

describe('dialogue evaluation validation', () => {
  it('needs all nine elements and results on the 1–5 scale', () => {
    const valid = evaluation()
    expect(validateDialogueEvaluation(valid).ok).toBe(true)
    const { knowledge: _knowledge, ...eight } = valid.elements
    const broken = {
      ...valid,
      elements: {
        ...eight,
        motivation: {
          ...valid.elements.motivation,
          result: { ...valid.elements.motivation.result, median: 7 },
        },
      },
    }
    expect(errorsOf(validateDialogueEvaluation(broken))).toEqual([
      'elements.motivation.result.median: score-out-of-range',
      'elements.knowledge: required',
    ])
  })
})

describe('migration entry points', () => {
  it.each([
    ['plan', plan, migrateDialoguePlan],
    ['commitment', commitment, migrateCommitment],
    ['evaluation', evaluation, migrateDialogueEvaluation],
  ] as const)('pass a current %s through and refuse a newer one', (_name, make, migrate) => {
    expect(migrate(make()).ok).toBe(true)
    const newer = migrate({ ...make(), schemaVersion: 2 })
    expect(newer.ok ? [] : newer.errors.map((e) => [e.path, e.code])).toEqual([
      ['schemaVersion', 'newer-version'],
    ])
    const older = migrate({ ...make(), schemaVersion: 0 })
    expect(older.ok ? '' : older.errors[0]?.message).toMatch(/use migrate\w+ for older records/)
  })

  it('never throws on a hostile input', () => {
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor() {
          throw new Error('trap')
        },
      },
    )
    expect(migrateDialoguePlan(hostile).ok).toBe(false)
    expect(migrateCommitment(null).ok).toBe(false)
  })
})

describe('isOverdue', () => {
  it('flags open and in-progress promises past their date, not done or dropped ones', () => {
    const base = commitment() // due 2026-05-01
    expect(isOverdue(base, '2026-05-01')).toBe(false)
    expect(isOverdue(base, '2026-05-02')).toBe(true)
    expect(isOverdue({ ...base, status: 'in-progress' }, '2026-06-01')).toBe(true)
    expect(isOverdue({ ...base, status: 'done' }, '2026-06-01')).toBe(false)
    expect(isOverdue({ ...base, status: 'dropped' }, '2026-06-01')).toBe(false)
    expect(isOverdue({ ...base, dueDate: null }, '2099-01-01')).toBe(false)
  })
})

describe('aggregateElementRatings', () => {
  it('gives median and spread per element as a scoring round does', () => {
    const results = aggregateElementRatings([
      { motivation: 4, inclusion: 2 },
      { motivation: 5, inclusion: 5 },
      { motivation: 4, knowledge: null },
    ])
    expect(results.motivation).toEqual({ count: 3, median: 4, min: 4, max: 5, disagreement: false })
    expect(results.inclusion).toEqual({ count: 2, median: 3.5, min: 2, max: 5, disagreement: true })
    expect(results.knowledge).toEqual({
      count: 0,
      median: null,
      min: null,
      max: null,
      disagreement: false,
    })
  })
})
