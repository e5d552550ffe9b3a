import type { SalienceClass } from '../../../shared/scoring/classifySalience'
import type { SalienceAssessment } from '../../../shared/scoring/salienceAssessment'

/**
 * Colour of each salience class on cards and in the register: strongest for definitive,
 * warm for the expectant classes, cool for the latent ones, grey for none. Every colour
 * keeps white text above 4.5:1 contrast, so labels stay readable on a projector.
 */
export const SALIENCE_COLOURS: Record<SalienceClass, string> = {
  definitive: '#a8201a',
  dominant: '#b4430b',
  dangerous: '#9d1b8e',
  dependent: '#0b5e8e',
  dormant: '#4b6b0f',
  discretionary: '#0f6b63',
  demanding: '#7a4a0a',
  'non-stakeholder': '#5f6670',
}

/**
 * Outline colour for a stakeholder nobody has scored yet: not a "non-stakeholder", just
 * unknown. Only for borders and icons (3:1 is enough there); text on it would be too pale.
 */
export const UNASSESSED_COLOUR = '#8c959f'

/** Text and background of a salience badge (the register's and the editor's pill). */
export interface BadgeColours {
  color: string
  background: string
}

/**
 * The "not assessed" badge: dark ink on the pale grey of the card's unassessed stripe, so it
 * reads as "unknown" and not as one more class colour, at over 4.5:1 contrast.
 */
export const UNASSESSED_BADGE: BadgeColours = { color: '#1b1f24', background: '#eef1f4' }

/** The colour of an assessment: its class's, or the "unknown" grey when not assessed. */
export function salienceColour(assessment: SalienceAssessment): string {
  return assessment.status === 'assessed'
    ? SALIENCE_COLOURS[assessment.salienceClass]
    : UNASSESSED_COLOUR
}

/** The badge of an assessment: white on its class's colour, or the pale "not assessed" one. */
export function salienceBadgeColours(assessment: SalienceAssessment): BadgeColours {
  return assessment.status === 'assessed'
    ? { color: '#ffffff', background: SALIENCE_COLOURS[assessment.salienceClass] }
    : UNASSESSED_BADGE
}
