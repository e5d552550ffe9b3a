/**
 * Dialogue records for the export tests, beside the rich stakeholders (`richMap.ts`): a plan
 * inviting the farmers and, through the union, a stakeholder not on the map; on
 * {@link DIALOGUE_TODAY} one overdue commitment, one done that was due earlier, and one not
 * yet due; and an evaluation with two elements revealed.
 */
import type * as Y from 'yjs'
import { aggregateElementRatings } from '../../../shared/dialogue/aggregateElementRatings'
import {
  createCommitment,
  createDialogueEvaluation,
  createDialoguePlan,
} from '../../../shared/dialogue/createDialogueRecords'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  writeDialogueRecord,
} from '../../../shared/document/dialogueDocument'
import type { DialogueRecords } from '../../../shared/exchange/dialogueRecordSheets'

const NOW = '2026-04-01T09:00:00.000Z'

/** The day the exports are made on in these tests. */
export const DIALOGUE_TODAY = '2026-06-01'

/** Text a spreadsheet would run as a formula. */
export const DIALOGUE_FORMULA = '=HYPERLINK("http://x")'

export function dialogueRecords(): DialogueRecords {
  const plan = createDialoguePlan(
    {
      id: 'plan-soubre',
      title: 'Leefbaar inkomen, coöperatie Soubré',
      status: 'planned',
      goal: 'Horen wat een leefbaar inkomen is',
      invited: [
        { stakeholderId: 'sh-farmers', representedBy: null },
        { stakeholderId: 'sh-pickers', representedBy: 'sh-union' },
      ],
      dueDiligenceStep: 'identify-assess',
      engagementStage: 'identify-assess-prioritise',
      format: 'site-visit',
      place: 'Soubré',
      date: '2026-04-14',
      barriers: [
        { kind: 'travel', description: 'Oogsttijd', howLowered: 'In het dorp, na het werk' },
      ],
      safety: 'Geen namen in het verslag',
      feedback: 'Brief en bezoek binnen twee maanden',
    },
    { now: NOW },
  )
  const overdue = createCommitment(
    {
      id: 'commit-overdue',
      stakeholderId: 'sh-farmers',
      dialogueId: 'plan-soubre',
      what: DIALOGUE_FORMULA,
      owner: 'Inkoper cacao',
      dueDate: '2026-05-01',
      status: 'in-progress',
    },
    { now: NOW },
  )
  const done = createCommitment(
    {
      id: 'commit-done',
      stakeholderId: 'sh-union',
      dialogueId: 'plan-soubre',
      what: 'Verslag delen',
      owner: 'Duurzaamheidsmanager',
      dueDate: '2026-04-20',
      status: 'done',
      evidence: 'Verslag van 18 april',
    },
    { now: NOW },
  )
  const later = createCommitment(
    {
      id: 'commit-later',
      stakeholderId: 'sh-farmers',
      what: 'Vervolgbezoek',
      dueDate: '2026-09-01',
    },
    { now: NOW },
  )
  const results = aggregateElementRatings([
    { motivation: 4, inclusion: 2 },
    { motivation: 5, inclusion: 5 },
    { motivation: 4 },
  ])
  const evaluation = createDialogueEvaluation(
    {
      id: 'eval-1',
      dialogueId: 'plan-soubre',
      date: '2026-04-15',
      elements: {
        motivation: { result: results.motivation, notes: 'Duidelijk waarom we kwamen' },
        inclusion: { result: results.inclusion, notes: 'Vrouwen spraken nauwelijks' },
      },
      notes: 'Rollenspel aan tafel 2',
      stakeholderRemarks: 'Kom terug met cijfers',
    },
    { now: NOW },
  )
  return { plans: [plan], commitments: [later, done, overdue], evaluations: [evaluation] }
}

/** Writes {@link dialogueRecords} into a map document, as editors' clients do. */
export function writeDialogueRecords(doc: Y.Doc): void {
  const { plans, commitments, evaluations } = dialogueRecords()
  const writes = [
    ...plans.map((plan) => writeDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, plan)),
    ...commitments.map((commitment) => writeDialogueRecord(doc, COMMITMENT_LAYOUT, commitment)),
    ...evaluations.map((evaluation) =>
      writeDialogueRecord(doc, DIALOGUE_EVALUATION_LAYOUT, evaluation),
    ),
  ]
  for (const written of writes) if (!written.ok) throw new Error(JSON.stringify(written.errors))
}
