import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  SALIENCE_ATTRIBUTES,
  classifySalience,
  isSalienceAssessed,
  salienceAssessment,
  salienceAssessmentGroupLabel,
  salienceAssessmentLabel,
} from '../../../shared/index'
import type { SalienceAssessment, SalienceAttributes } from '../../../shared/index'

// Not assessed and assessed as absent are different facts; the table keeps them apart.
const TABLE: [string, SalienceAttributes, SalienceAssessment, string, string][] = [
  [
    'nothing scored',
    { power: null, legitimacy: null, urgency: null },
    { status: 'not-assessed', absent: [], missing: ['power', 'legitimacy', 'urgency'] },
    'Salience not assessed',
    'Saillantie niet beoordeeld',
  ],
  [
    'all three scored below the threshold',
    { power: 1, legitimacy: 2, urgency: 1 },
    { status: 'assessed', salienceClass: 'non-stakeholder', missing: [] },
    'Non-stakeholder (assessed as absent)',
    'Geen stakeholder (beoordeeld als afwezig)',
  ],
  [
    'one attribute judged absent, two unscored',
    { power: 2, legitimacy: null, urgency: null },
    { status: 'not-assessed', absent: ['power'], missing: ['legitimacy', 'urgency'] },
    'Salience partly assessed (legitimacy and urgency not assessed)',
    'Saillantie deels beoordeeld (legitimiteit en urgentie niet beoordeeld)',
  ],
  [
    'one attribute present, two unscored',
    { power: 4, legitimacy: null, urgency: null },
    { status: 'assessed', salienceClass: 'dormant', missing: ['legitimacy', 'urgency'] },
    'Dormant (legitimacy and urgency not assessed)',
    'Slapend (legitimiteit en urgentie niet beoordeeld)',
  ],
  [
    'two present, one unscored',
    { power: 4, legitimacy: 5, urgency: null },
    { status: 'assessed', salienceClass: 'dominant', missing: ['urgency'] },
    'Dominant (urgency not assessed)',
    'Dominant (urgentie niet beoordeeld)',
  ],
  [
    'fully scored',
    { power: 2, legitimacy: 4, urgency: 4 },
    { status: 'assessed', salienceClass: 'dependent', missing: [] },
    'Dependent',
    'Afhankelijk',
  ],
]

describe('salienceAssessment', () => {
  it.each(TABLE)('%s', (_label, attributes, expected, en, nl) => {
    const assessment = salienceAssessment(attributes)
    expect(assessment).toEqual(expected)
    expect(salienceAssessmentLabel('en', assessment)).toBe(en)
    expect(salienceAssessmentLabel('nl', assessment)).toBe(nl)
  })

  it('counts NaN and Infinity as not scored, like every scoring function', () => {
    expect(salienceAssessment({ power: Number.NaN, legitimacy: Infinity }).status).toBe(
      'not-assessed',
    )
  })

  it('names the group of a record without a class "not assessed", in both languages', () => {
    const unscored = salienceAssessment({})
    expect(salienceAssessmentGroupLabel('en', unscored)).toBe('Not assessed')
    expect(salienceAssessmentGroupLabel('nl', unscored)).toBe('Niet beoordeeld')
    const absent = salienceAssessment({ power: 1, legitimacy: 1, urgency: 1 })
    expect(salienceAssessmentGroupLabel('nl', absent)).toBe('Geen')
  })

  it('claims a class only as far as the scores establish it (property)', () => {
    const score = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })
    fc.assert(
      fc.property(score, score, score, (power, legitimacy, urgency) => {
        const attributes = { power, legitimacy, urgency }
        const assessment = salienceAssessment(attributes)
        const scored = SALIENCE_ATTRIBUTES.filter((a) => attributes[a] !== null)
        const present = SALIENCE_ATTRIBUTES.filter((a) => (attributes[a] ?? 0) >= 3)
        // A non-stakeholder is only ever one with all three attributes judged absent.
        const nonStakeholder =
          assessment.status === 'assessed' && assessment.salienceClass === 'non-stakeholder'
        expect(nonStakeholder).toBe(scored.length === 3 && present.length === 0)
        expect(isSalienceAssessed(attributes)).toBe(present.length > 0 || scored.length === 3)
        if (assessment.status === 'assessed') {
          expect(assessment.salienceClass).toBe(classifySalience(attributes))
        }
        // The label never says "non-stakeholder" without saying it was assessed as absent.
        for (const locale of ['en', 'nl'] as const) {
          const label = salienceAssessmentLabel(locale, assessment)
          if (/non-stakeholder|geen stakeholder/i.test(label)) {
            expect(nonStakeholder).toBe(true)
            expect(label).toMatch(/assessed as absent|beoordeeld als afwezig/)
          }
        }
      }),
      { seed: 16_2, numRuns: 300 },
    )
  })
})
