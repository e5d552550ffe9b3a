import { describe, expect, it } from 'vitest'
import {
  SALIENCE_CLASSES,
  SALIENCE_GROUPS,
  classifySalience,
  salienceGroup,
} from '../../../shared/index'
import type { SalienceAttributes, SalienceClass, SalienceGroup } from '../../../shared/index'

// The table from Mitchell, Agle & Wood (1997), written out so a wrong label fails here.
const CLASS_TABLE: [string, SalienceAttributes, SalienceClass, SalienceGroup][] = [
  ['none', { power: 1, legitimacy: 1, urgency: 1 }, 'non-stakeholder', 'none'],
  ['power only', { power: 5, legitimacy: 1, urgency: 1 }, 'dormant', 'latent'],
  ['legitimacy only', { power: 1, legitimacy: 5, urgency: 1 }, 'discretionary', 'latent'],
  ['urgency only', { power: 1, legitimacy: 1, urgency: 5 }, 'demanding', 'latent'],
  ['power + legitimacy', { power: 4, legitimacy: 4, urgency: 2 }, 'dominant', 'expectant'],
  ['power + urgency', { power: 4, legitimacy: 2, urgency: 4 }, 'dangerous', 'expectant'],
  ['legitimacy + urgency', { power: 2, legitimacy: 4, urgency: 4 }, 'dependent', 'expectant'],
  ['all three', { power: 3, legitimacy: 3, urgency: 3 }, 'definitive', 'definitive'],
]

describe('classifySalience', () => {
  it.each(CLASS_TABLE)('%s → %s (%s)', (_label, attributes, expected, group) => {
    expect(classifySalience(attributes)).toBe(expected)
    expect(salienceGroup(expected)).toBe(group)
  })

  it('covers every class exactly once in the table', () => {
    expect(new Set(CLASS_TABLE.map(([, , expected]) => expected))).toEqual(
      new Set(SALIENCE_CLASSES),
    )
  })

  const EDGES: [string, SalienceAttributes, { threshold?: number }, SalienceClass][] = [
    ['exactly at the threshold counts', { power: 3 }, {}, 'dormant'],
    ['just below the threshold does not', { power: 2.9999 }, {}, 'non-stakeholder'],
    ['just above the threshold counts', { legitimacy: 3.0001 }, {}, 'discretionary'],
    ['missing attributes are absent', {}, {}, 'non-stakeholder'],
    ['null is absent', { power: null, legitimacy: 5, urgency: null }, {}, 'discretionary'],
    ['undefined is absent', { power: undefined, urgency: 5 }, {}, 'demanding'],
    ['NaN is absent', { power: Number.NaN, legitimacy: 5, urgency: 5 }, {}, 'dependent'],
    ['Infinity is absent', { power: Number.POSITIVE_INFINITY }, {}, 'non-stakeholder'],
    [
      'custom threshold 4: 3 is absent',
      { power: 3, legitimacy: 4, urgency: 4 },
      { threshold: 4 },
      'dependent',
    ],
    [
      'custom threshold 2: 2 is present',
      { power: 2, legitimacy: 2, urgency: 1 },
      { threshold: 2 },
      'dominant',
    ],
    [
      'fractional at custom threshold',
      { power: 2.5, urgency: 2.5 },
      { threshold: 2.5 },
      'dangerous',
    ],
  ]
  it.each(EDGES)('%s', (_label, attributes, options, expected) => {
    expect(classifySalience(attributes, options)).toBe(expected)
  })
})

describe('salienceGroup', () => {
  it('maps every class to a known group', () => {
    for (const salienceClass of SALIENCE_CLASSES) {
      expect(SALIENCE_GROUPS).toContain(salienceGroup(salienceClass))
    }
  })
})
