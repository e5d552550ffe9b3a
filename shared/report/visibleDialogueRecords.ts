/**
 * Which dialogue records the report prints, and in which chapter. A plan marked
 * `confidential` is left out unless the caller asks for confidential records, as confidential
 * log entries are; so is what belongs to it (the commitments made in it and its evaluations),
 * since they would say what the dialogue was about and who took part. What is left out is
 * counted, so each chapter can say that something was withheld.
 *
 * Plans whose status is `held` go to the held-dialogue chapter, the others (drafts, planned,
 * cancelled) to the plan chapter; both by date, undated last.
 */
import type { Commitment } from '../dialogue/Commitment'
import type { DialogueEvaluation } from '../dialogue/DialogueEvaluation'
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import type { LabelLocale } from '../labels/modelLabels'
import { sortDialoguePlans } from '../register/sortDialogueRecords'

/** The map's dialogue records, as `readMapDialogues` gives them. */
export interface ReportDialogueRecords {
  plans: readonly DialoguePlan[]
  commitments: readonly Commitment[]
  evaluations: readonly DialogueEvaluation[]
}

/** The records the report prints, and how many were withheld from each chapter. */
export interface VisibleDialogueRecords {
  /** Plans not held yet (drafts, planned, cancelled), by date. */
  plans: DialoguePlan[]
  /** Held dialogues, by date. */
  held: DialoguePlan[]
  /** In the order given; the commitment chapter sorts them (overdue first). */
  commitments: Commitment[]
  /** By date, undated last, then id. */
  evaluations: DialogueEvaluation[]
  /** Plan titles by id, trimmed, of the plans printed. */
  planTitles: ReadonlyMap<string, string>
  withheld: { plans: number; held: number; commitments: number; evaluations: number }
}

function byDateThenId(a: DialogueEvaluation, b: DialogueEvaluation): number {
  const [dateA, dateB] = [a.date ?? '9999', b.date ?? '9999']
  if (dateA !== dateB) return dateA < dateB ? -1 : 1
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** The records to print; confidential plans and their records only with `includeConfidential`. */
export function visibleDialogueRecords(
  records: ReportDialogueRecords,
  options: { includeConfidential: boolean; locale: LabelLocale },
): VisibleDialogueRecords {
  const hidden = (plan: DialoguePlan) =>
    plan.confidentiality === 'confidential' && !options.includeConfidential
  const hiddenIds = new Set(records.plans.filter(hidden).map((plan) => plan.id))
  const ofHidden = (dialogueId: string | null) => dialogueId !== null && hiddenIds.has(dialogueId)
  const shown = sortDialoguePlans(
    records.plans.filter((plan) => !hidden(plan)),
    'date',
    'ascending',
    options.locale,
  )
  const commitments = records.commitments.filter((c) => !ofHidden(c.dialogueId))
  const evaluations = records.evaluations.filter((e) => !ofHidden(e.dialogueId))
  const hiddenHeld = records.plans.filter((plan) => hidden(plan) && plan.status === 'held').length
  return {
    plans: shown.filter((plan) => plan.status !== 'held'),
    held: shown.filter((plan) => plan.status === 'held'),
    commitments,
    evaluations: [...evaluations].sort(byDateThenId),
    planTitles: new Map(shown.map((plan) => [plan.id, plan.title.trim()])),
    withheld: {
      plans: hiddenIds.size - hiddenHeld,
      held: hiddenHeld,
      commitments: records.commitments.length - commitments.length,
      evaluations: records.evaluations.length - evaluations.length,
    },
  }
}
