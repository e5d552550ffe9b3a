import { describe, expect, it } from 'vitest'
import { ENGAGEMENT_QUADRANTS, engagementQuadrant } from '../../../shared/index'
import type { EngagementQuadrant, GridPosition } from '../../../shared/index'

const TABLE: [string, GridPosition, { midpoint?: number }, EngagementQuadrant][] = [
  ['high influence, high impact', { influence: 5, impact: 5 }, {}, 'manage-closely'],
  ['high influence, low impact', { influence: 4, impact: 2 }, {}, 'keep-satisfied'],
  ['low influence, high impact', { influence: 1, impact: 4.5 }, {}, 'empower'],
  ['low influence, low impact', { influence: 2, impact: 2 }, {}, 'monitor'],
  ['exactly at the midpoint is low', { influence: 3, impact: 3 }, {}, 'monitor'],
  ['just above the midpoint is high', { influence: 3.0001, impact: 3.0001 }, {}, 'manage-closely'],
  ['just below the midpoint is low', { influence: 2.9999, impact: 3.0001 }, {}, 'empower'],
  ['missing influence', { impact: 5 }, {}, 'unassessed'],
  ['missing impact', { influence: 5 }, {}, 'unassessed'],
  ['null influence', { influence: null, impact: 5 }, {}, 'unassessed'],
  ['NaN impact', { influence: 5, impact: Number.NaN }, {}, 'unassessed'],
  [
    'custom midpoint 2: 2.5 is high',
    { influence: 2.5, impact: 2 },
    { midpoint: 2 },
    'keep-satisfied',
  ],
  ['custom midpoint 4: 4 is low', { influence: 4, impact: 4.01 }, { midpoint: 4 }, 'empower'],
]

describe('engagementQuadrant', () => {
  it.each(TABLE)('%s', (_label, position, options, expected) => {
    expect(engagementQuadrant(position, options)).toBe(expected)
  })

  it('every quadrant is reachable', () => {
    expect(new Set(TABLE.map(([, , , expected]) => expected))).toEqual(
      new Set(ENGAGEMENT_QUADRANTS),
    )
  })
})
