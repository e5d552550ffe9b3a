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

/** Colour for a stakeholder nobody has scored yet: not a "non-stakeholder", just unknown. */
export const UNASSESSED_COLOUR = '#8c959f'

/** The colour of an assessment: its class's, or the "unknown" grey when not assessed. */
export function salienceColour(assessment: SalienceAssessment): string {
  return assessment.status === 'assessed'
    ? SALIENCE_COLOURS[assessment.salienceClass]
    : UNASSESSED_COLOUR
}
