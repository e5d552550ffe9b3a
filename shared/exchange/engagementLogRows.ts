/**
 * The workbook's engagement log sheet: one row per log entry, stakeholders in engagement order
 * and each one's entries by date, linked to the register by the stakeholder's rank, id and
 * name. An entry marked confidential is only written out when asked for; otherwise its row
 * keeps the date and says it was withheld, so the count matches the register's.
 */
import { ENGAGEMENT_ENTRY_FIELD_LABELS } from '../labels/fieldLabels'
import type { EngagementEntryField } from '../labels/fieldLabels'
import { CONFIDENTIALITY_LABELS, DUE_DILIGENCE_STEP_LABELS } from '../labels/modelLabels'
import type { RegisterLocale } from './registerLabels'
import type { RankedRecord, RegisterCell } from './registerRows'
import { WORKBOOK_LABELS } from './workbookLabels'
import type { WorkbookSheet } from './writeXlsx'

const FIELDS: readonly EngagementEntryField[] = [
  'date',
  'step',
  'method',
  'informationShared',
  'inputReceived',
  'howInputWasUsed',
  'followUp',
  'barriers',
  'barrierMeasures',
  'confidentiality',
]

/** The cells of a withheld entry: only its date, confidentiality and a note are shown. */
const WITHHELD: Readonly<Record<EngagementEntryField, RegisterCell>> = Object.fromEntries(
  FIELDS.map((field) => [field, null]),
) as Record<EngagementEntryField, RegisterCell>

/** Options for {@link engagementLogRows}. */
export interface EngagementLogOptions {
  locale: RegisterLocale
  /** Write out entries marked confidential. Default false: they are withheld. */
  includeConfidential?: boolean
}

/** The engagement log sheet of `ranked` (already in engagement order). */
export function engagementLogRows(
  ranked: readonly RankedRecord[],
  options: EngagementLogOptions,
): WorkbookSheet {
  const { locale } = options
  const words = WORKBOOK_LABELS[locale]
  const rows = ranked.flatMap(({ rank, stakeholder }) =>
    // Stable: entries of one day keep the order they were logged in.
    [...stakeholder.engagement.log]
      .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
      .map((entry): RegisterCell[] => {
        const withheld = entry.confidentiality === 'confidential' && !options.includeConfidential
        const cells: Record<EngagementEntryField, RegisterCell> = withheld
          ? { ...WITHHELD, date: entry.date, method: words.withheld }
          : {
              ...entry,
              step: DUE_DILIGENCE_STEP_LABELS[locale][entry.step],
            }
        cells.confidentiality = CONFIDENTIALITY_LABELS[locale][entry.confidentiality]
        return [rank, stakeholder.id, stakeholder.name, ...FIELDS.map((field) => cells[field])]
      }),
  )
  return {
    name: words.sheets.engagementLog,
    header: [
      words.rank,
      words.stakeholderId,
      words.stakeholderName,
      ...FIELDS.map((field) => ENGAGEMENT_ENTRY_FIELD_LABELS[locale][field]),
    ],
    rows,
  }
}
