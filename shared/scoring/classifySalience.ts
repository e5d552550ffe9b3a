/**
 * Stakeholder salience after Mitchell, Agle & Wood (1997): which of power, legitimacy and
 * urgency are present decides the class. The class is derived, never stored.
 */
import { scoreValue } from './scoreValue'
import type { ScoreInput } from './scoreValue'

/** The three salience attributes, in the order of the model. */
export const SALIENCE_ATTRIBUTES = ['power', 'legitimacy', 'urgency'] as const
/** See {@link SALIENCE_ATTRIBUTES}. */
export type SalienceAttribute = (typeof SALIENCE_ATTRIBUTES)[number]

/** Scores of the three attributes; missing, null or NaN means "not assessed" (absent). */
export type SalienceAttributes = Partial<Record<SalienceAttribute, ScoreInput>>

/** The eight salience classes, most salient first. */
export const SALIENCE_CLASSES = [
  'definitive',
  'dominant',
  'dangerous',
  'dependent',
  'dormant',
  'discretionary',
  'demanding',
  'non-stakeholder',
] as const
/** See {@link SALIENCE_CLASSES}. */
export type SalienceClass = (typeof SALIENCE_CLASSES)[number]

/** The groups of classes: one, two or three attributes present, or none. */
export const SALIENCE_GROUPS = ['definitive', 'expectant', 'latent', 'none'] as const
/** See {@link SALIENCE_GROUPS}. */
export type SalienceGroup = (typeof SALIENCE_GROUPS)[number]

/** Score from which an attribute counts as present, on the 1–5 scale. */
export const DEFAULT_SALIENCE_THRESHOLD = 3

/** Options for salience functions. */
export interface SalienceOptions {
  /** An attribute is present when its score is at least this; default 3. */
  threshold?: number
}

/** True when the attribute's score is assessed and at least the threshold. */
export function isAttributePresent(score: ScoreInput, options: SalienceOptions = {}): boolean {
  const value = scoreValue(score)
  return value !== null && value >= (options.threshold ?? DEFAULT_SALIENCE_THRESHOLD)
}

// Indexed by a bit mask: power = 1, legitimacy = 2, urgency = 4. Written out in full so
// the table can be checked against the paper line by line.
const CLASS_BY_MASK: Readonly<Record<number, SalienceClass>> = {
  0b000: 'non-stakeholder',
  0b001: 'dormant', // power only
  0b010: 'discretionary', // legitimacy only
  0b100: 'demanding', // urgency only
  0b011: 'dominant', // power + legitimacy
  0b101: 'dangerous', // power + urgency
  0b110: 'dependent', // legitimacy + urgency
  0b111: 'definitive', // all three
}

/** The salience class given which attributes reach the threshold. */
export function classifySalience(
  attributes: SalienceAttributes,
  options: SalienceOptions = {},
): SalienceClass {
  const mask =
    (isAttributePresent(attributes.power, options) ? 0b001 : 0) |
    (isAttributePresent(attributes.legitimacy, options) ? 0b010 : 0) |
    (isAttributePresent(attributes.urgency, options) ? 0b100 : 0)
  return CLASS_BY_MASK[mask] ?? 'non-stakeholder'
}

/** The group of a class: definitive (3 attributes), expectant (2), latent (1), none (0). */
export function salienceGroup(salienceClass: SalienceClass): SalienceGroup {
  switch (salienceClass) {
    case 'definitive':
      return 'definitive'
    case 'dominant':
    case 'dangerous':
    case 'dependent':
      return 'expectant'
    case 'dormant':
    case 'discretionary':
    case 'demanding':
      return 'latent'
    case 'non-stakeholder':
      return 'none'
  }
}
