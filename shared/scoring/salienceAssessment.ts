/**
 * What a stakeholder record says about its salience, keeping two facts apart that
 * `classifySalience` alone cannot: "nobody has scored this yet" (not assessed) and "the
 * group judged that no attribute is present" (the class `non-stakeholder`, assessed as
 * absent). A due-diligence record must never file the first as the second.
 *
 * The rule for a partly scored record (see docs/scoring.md): a class is claimed only as far
 * as the scores establish it. An attribute scored at or above the threshold is present;
 * one scored below it is absent; one without a score is not assessed.
 * - No attribute scored → `not-assessed`.
 * - At least one attribute present → `assessed` with the class of the present attributes;
 *   `missing` lists the attributes still unscored (the class is provisional: a missing one
 *   could still add to it).
 * - None present and all three scored → `assessed` as `non-stakeholder`.
 * - None present and some unscored → `not-assessed`, with `absent` and `missing`: being
 *   absent on one attribute does not make a stakeholder a non-stakeholder.
 */
import { SALIENCE_ATTRIBUTES, classifySalience, isAttributePresent } from './classifySalience'
import type {
  SalienceAttribute,
  SalienceAttributes,
  SalienceClass,
  SalienceOptions,
} from './classifySalience'
import { scoreValue } from './scoreValue'

/** The salience a record establishes: a class, or not (yet) assessed. */
export type SalienceAssessment =
  | {
      status: 'not-assessed'
      /** Attributes scored below the threshold. */
      absent: SalienceAttribute[]
      /** Attributes without a score. */
      missing: SalienceAttribute[]
    }
  | {
      status: 'assessed'
      salienceClass: SalienceClass
      /** Attributes without a score; non-empty means the class is provisional. */
      missing: SalienceAttribute[]
    }

/** The salience assessment of a record; see the module comment for the rule. */
export function salienceAssessment(
  attributes: SalienceAttributes,
  options: SalienceOptions = {},
): SalienceAssessment {
  const missing = SALIENCE_ATTRIBUTES.filter(
    (attribute) => scoreValue(attributes[attribute]) === null,
  )
  const present = SALIENCE_ATTRIBUTES.filter((attribute) =>
    isAttributePresent(attributes[attribute], options),
  )
  if (present.length === 0 && missing.length > 0) {
    const absent = SALIENCE_ATTRIBUTES.filter((attribute) => !missing.includes(attribute))
    return { status: 'not-assessed', absent, missing }
  }
  return { status: 'assessed', salienceClass: classifySalience(attributes, options), missing }
}

/** True when the record establishes a salience class (see {@link salienceAssessment}). */
export function isSalienceAssessed(
  attributes: SalienceAttributes,
  options: SalienceOptions = {},
): boolean {
  return salienceAssessment(attributes, options).status === 'assessed'
}

/**
 * The assessment's class, or null when not assessed: what a figure or filter groups by.
 * `non-stakeholder` here always means assessed as absent.
 */
export function assessedSalienceClass(assessment: SalienceAssessment): SalienceClass | null {
  return assessment.status === 'assessed' ? assessment.salienceClass : null
}
