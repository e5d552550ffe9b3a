/**
 * The whole register as a workbook: the register sheet, then impacts and the engagement log
 * (and, when asked for, contacts), each row linked to the register by the stakeholder's
 * rank, id and name; then, when given, the dialogue plans, commitments and evaluations. Takes plain records, so the caller decides where contacts and
 * confidential entries come from (the live document, a confidential document, a version).
 */
import { contactRows } from './contactRows'
import { commitmentSheet, dialoguePlanSheet, evaluationSheet } from './dialogueRecordSheets'
import type { DialogueRecords } from './dialogueRecordSheets'
import { engagementLogRows } from './engagementLogRows'
import { impactRows } from './impactRows'
import { registerRows } from './registerRows'
import { selfAssessmentSheet } from './selfAssessmentSheet'
import type { RankedRecord, RegisterInput, RegisterOptions } from './registerRows'
import { WORKBOOK_LABELS } from './workbookLabels'
import type { WorkbookSheet } from './writeXlsx'

/** Options for {@link registerWorkbook}. */
export interface RegisterWorkbookOptions extends RegisterOptions {
  /** Write out log entries marked confidential. Default: as `includeContacts`. */
  includeConfidential?: boolean
  /** The map's dialogue records: adds their three sheets after the register's. */
  dialogues?: DialogueRecords
  /** The reader's calendar date, `YYYY-MM-DD`, for what is overdue; default: today in UTC. */
  today?: string
}

/** The sheets of the register workbook, in the order they open. */
export function registerWorkbook(
  stakeholders: readonly RegisterInput[],
  options: RegisterWorkbookOptions,
): WorkbookSheet[] {
  const { locale } = options
  const includeContacts = options.includeContacts ?? false
  const register = registerRows(stakeholders, options)
  const byId = new Map(stakeholders.map((stakeholder) => [stakeholder.id, stakeholder]))
  const ranked: RankedRecord[] = register.stakeholderIds.flatMap((id, index) => {
    const stakeholder = byId.get(id)
    return stakeholder ? [{ rank: index + 1, stakeholder }] : []
  })
  const { dialogues } = options
  const dialogueOptions = {
    locale,
    today: options.today ?? new Date().toISOString().slice(0, 10),
    stakeholderNames: new Map(stakeholders.map(({ id, name }) => [id, name])),
  }
  return [
    { name: WORKBOOK_LABELS[locale].sheets.register, header: register.header, rows: register.rows },
    impactRows(ranked, locale),
    engagementLogRows(ranked, {
      locale,
      includeConfidential: options.includeConfidential ?? includeContacts,
    }),
    ...(includeContacts ? [contactRows(ranked, locale)] : []),
    ...(dialogues === undefined
      ? []
      : [
          dialoguePlanSheet(dialogues, dialogueOptions),
          commitmentSheet(dialogues, dialogueOptions),
          evaluationSheet(dialogues, dialogueOptions),
          selfAssessmentSheet(dialogues.selfAssessments ?? [], dialogueOptions),
        ]),
  ]
}
