/**
 * The steps after a dialogue on phase 4's follow-up board (issue 21): feedback to the
 * stakeholders, updating the map's scores and impacts, recording the dialogue, owners and
 * dates of commitments, evaluating, and what goes into the due-diligence record. Each board
 * (plenary or per table) ticks them on its own checklist items; their words are the map's,
 * one set for every board, which the trainers may reword.
 *
 * Where it lives: the map document's `followUpSteps` root, step → text, owners and
 * facilitators only (FACILITATOR_ONLY_ROOTS). A step nobody reworded reads as its pre-filled
 * text in the reader's language (followUpStepLabels.ts, trainerWording.ts).
 */
import type * as Y from 'yjs'
import { FOLLOW_UP_STEPS_MAP } from '../document/mapDocumentLayout'
import { FOLLOW_UP_STEP_TEXTS } from '../labels/followUpStepLabels'
import type { LabelLocale } from '../labels/modelLabels'
import { validateWording, wordingFor } from './trainerWording'

/** The steps, in the order the board lists them. */
export const FOLLOW_UP_STEPS = [
  'feedback',
  'updateMap',
  'recordDialogue',
  'commitmentOwners',
  'evaluate',
  'dueDiligenceRecord',
] as const
/** One step after a dialogue. */
export type FollowUpStep = (typeof FOLLOW_UP_STEPS)[number]

/** The step's text as a reader of `locale` sees it. */
export function followUpStepText(doc: Y.Doc, step: FollowUpStep, locale: LabelLocale): string {
  const prefilled = { en: FOLLOW_UP_STEP_TEXTS.en[step], nl: FOLLOW_UP_STEP_TEXTS.nl[step] }
  return wordingFor(doc.getMap<unknown>(FOLLOW_UP_STEPS_MAP).get(step), prefilled, locale)
}

/** Every step's text for a reader of `locale`. */
export function readFollowUpSteps(doc: Y.Doc, locale: LabelLocale): Record<FollowUpStep, string> {
  return Object.fromEntries(
    FOLLOW_UP_STEPS.map((step) => [step, followUpStepText(doc, step, locale)]),
  ) as Record<FollowUpStep, string>
}

/**
 * Writes the trainers' wording of a step (owners and facilitators: the server refuses anyone
 * else); answers the validation errors instead when the text does not fit.
 */
export function writeFollowUpStep(doc: Y.Doc, step: FollowUpStep, value: string, origin?: unknown) {
  const checked = validateWording(value)
  if (!checked.ok) return checked
  const map = doc.getMap<unknown>(FOLLOW_UP_STEPS_MAP)
  if (map.get(step) !== checked.value) doc.transact(() => map.set(step, checked.value), origin)
  return { ok: true as const }
}
