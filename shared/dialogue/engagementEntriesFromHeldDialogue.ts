/**
 * A held dialogue, recorded in the engagement log of every stakeholder it involved: one new
 * entry per invited stakeholder, and one per representative who attended for someone not
 * invited in their own right. The evidence the plan already holds is filled in (date, the
 * due-diligence step, the method, what information was shared beforehand, barriers and how
 * they were lowered, confidentiality); what only the dialogue itself can tell (input
 * received, how it was used, follow-up) is left empty, ready to complete.
 *
 * The method is a short free text in the log, so the plan's format is put in words there, in
 * the map's language (`DIALOGUE_FORMAT_LABELS`).
 */
import { BARRIER_KIND_LABELS, DIALOGUE_FORMAT_LABELS } from '../labels/dialogueLabels'
import type { LabelLocale } from '../labels/modelLabels'
import type { DueDiligenceStep, EngagementEntry } from '../stakeholder/Stakeholder'
import { STAKEHOLDER_LIMITS } from '../stakeholder/stakeholderVocabulary'
import type { DialoguePlan } from './DialoguePlan'

/** One new log entry, and the stakeholder whose log it goes in. */
export interface HeldDialogueEntry {
  stakeholderId: string
  entry: EngagementEntry
}

/** Options of {@link engagementEntriesFromHeldDialogue}. */
export interface HeldDialogueOptions {
  /** The language the method and barrier kinds are written in. */
  locale: LabelLocale
  /** The date the dialogue was held; default the plan's date. */
  date?: string
  /** The step to record when the plan names none; default `identify-assess`. */
  fallbackStep?: DueDiligenceStep
  /** The id of the entry for `stakeholderId`; default `<plan id>:<stakeholder id>`. */
  entryId?: (stakeholderId: string) => string
}

/** The result: the entries, or why there are none. */
export type HeldDialogueResult =
  { ok: true; entries: HeldDialogueEntry[] } | { ok: false; code: 'no-date' | 'no-one-invited' }

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max)
}

/** The engagement-log entries a held dialogue adds (see the module comment). */
export function engagementEntriesFromHeldDialogue(
  plan: DialoguePlan,
  options: HeldDialogueOptions,
): HeldDialogueResult {
  const date = options.date ?? plan.date
  if (date === null) return { ok: false, code: 'no-date' }
  if (plan.invited.length === 0) return { ok: false, code: 'no-one-invited' }
  const { locale } = options
  const ids: string[] = []
  for (const invitation of plan.invited) {
    if (!ids.includes(invitation.stakeholderId)) ids.push(invitation.stakeholderId)
  }
  for (const invitation of plan.invited) {
    const representative = invitation.representedBy
    if (representative !== null && !ids.includes(representative)) ids.push(representative)
  }
  const method = [
    plan.format === null ? '' : DIALOGUE_FORMAT_LABELS[locale][plan.format],
    plan.place,
  ]
    .filter((part) => part.trim() !== '')
    .join(', ')
  const information = [plan.informationBeforehand, plan.informationForm]
    .filter((part) => part.trim() !== '')
    .join('\n')
  const barriers = plan.barriers
    .map((barrier) => `${BARRIER_KIND_LABELS[locale][barrier.kind]}: ${barrier.description}`)
    .concat(plan.barrierAssessment.trim() === '' ? [] : [plan.barrierAssessment])
    .join('\n')
  const measures = plan.barriers
    .filter((barrier) => barrier.howLowered.trim() !== '')
    .map((barrier) => `${BARRIER_KIND_LABELS[locale][barrier.kind]}: ${barrier.howLowered}`)
    .join('\n')
  const { shortText, longText } = STAKEHOLDER_LIMITS
  const entries = ids.map((stakeholderId) => ({
    stakeholderId,
    entry: {
      id: options.entryId?.(stakeholderId) ?? `${plan.id}:${stakeholderId}`,
      date,
      step: plan.dueDiligenceStep ?? options.fallbackStep ?? 'identify-assess',
      method: clip(method, shortText),
      informationShared: clip(information, longText),
      inputReceived: '',
      howInputWasUsed: '',
      followUp: '',
      barriers: clip(barriers, longText),
      barrierMeasures: clip(measures, longText),
      confidentiality: plan.confidentiality,
    },
  }))
  return { ok: true, entries }
}
