/**
 * The follow-up board's steps after a dialogue as pre-filled (shared/workshop/followUpSteps.ts):
 * our own wording of the SER manual's phase 4, not SER material; trainers may reword them.
 */
import type { FollowUpStep } from '../workshop/followUpSteps'
import type { LabelLocale } from './modelLabels'

/** The pre-filled text of each step. */
export const FOLLOW_UP_STEP_TEXTS: Readonly<
  Record<LabelLocale, Readonly<Record<FollowUpStep, string>>>
> = {
  en: {
    feedback: 'Feedback to the stakeholders: what we heard, and what we will do with it',
    updateMap: 'Update the map: scores and impacts of the stakeholders we spoke with',
    recordDialogue: 'Record the dialogue in the engagement logs (Dialogues tab: “Held”)',
    commitmentOwners: 'Every commitment has an owner and a due date',
    evaluate: 'Evaluate the dialogue, and ask the stakeholders how it went for them',
    dueDiligenceRecord: 'Into the due-diligence record: plan, log entries, commitments, evaluation',
  },
  nl: {
    feedback: 'Terugkoppeling aan de stakeholders: wat we hoorden, en wat we ermee doen',
    updateMap: 'De kaart bijwerken: scores en impacts van de stakeholders met wie we spraken',
    recordDialogue: 'De dialoog vastleggen in de logboeken (tabblad Dialogen: “Gehouden”)',
    commitmentOwners: 'Elke toezegging heeft een eigenaar en een uiterste datum',
    evaluate: 'De dialoog evalueren, en de stakeholders vragen hoe het voor hen ging',
    dueDiligenceRecord: 'In het due-diligencedossier: plan, logboek, toezeggingen, evaluatie',
  },
}
