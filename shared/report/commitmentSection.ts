/**
 * Section 7 of the report: the commitments as one table, overdue ones first and then by due
 * date, as the register and the exports order them (`sortCommitments`). Overdue is decided
 * on the report's own day (`isOverdue`), and an overdue row says so in words in its due-date
 * cell besides its mark in the margin, so it reads in grey print too. A dropped commitment
 * shows why it was dropped.
 */
import type { Commitment } from '../dialogue/Commitment'
import { isOverdue } from '../dialogue/isOverdue'
import { COMMITMENT_COLUMN_LABELS } from '../labels/dialogueFieldLabels'
import type { CommitmentColumn } from '../labels/dialogueFieldLabels'
import { COMMITMENT_STATUS_LABELS } from '../labels/dialogueLabels'
import { formatLabel } from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import { sortCommitments } from '../register/sortDialogueRecords'
import { escapeHtml } from './escapeHtml'
import { formatDate, multiline } from './reportFormat'
import type { ReportText } from './reportText'

/** What the commitment section needs besides the commitments. */
export interface CommitmentSectionOptions {
  locale: LabelLocale
  /** The report's calendar day, `YYYY-MM-DD`: what is overdue on it. */
  today: string
  /** Stakeholder names by id; an unknown id is written as the id. */
  names: ReadonlyMap<string, string>
  /** Titles of the plans printed, by id. */
  planTitles: ReadonlyMap<string, string>
  /** How many commitments were withheld with their confidential dialogue. */
  withheld: number
}

/** The columns of the table, in order. */
const COLUMNS = [
  'stakeholder',
  'what',
  'owner',
  'dueDate',
  'status',
  'evidence',
  'dialogue',
] as const satisfies readonly CommitmentColumn[]
type Column = (typeof COLUMNS)[number]

function cellHtml(
  commitment: Commitment,
  column: Column,
  overdue: boolean,
  options: CommitmentSectionOptions,
  text: ReportText,
): string {
  const { locale } = options
  const labels = COMMITMENT_COLUMN_LABELS[locale]
  switch (column) {
    case 'stakeholder':
      return escapeHtml(options.names.get(commitment.stakeholderId) ?? commitment.stakeholderId)
    case 'dueDate': {
      const date =
        commitment.dueDate === null
          ? escapeHtml(text.none)
          : `<span class="nowrap">${escapeHtml(formatDate(commitment.dueDate, locale, false))}</span>`
      return overdue
        ? `${date}<br><strong class="overdue-mark">${escapeHtml(labels.overdue)}</strong>`
        : date
    }
    case 'status': {
      const status = escapeHtml(COMMITMENT_STATUS_LABELS[locale][commitment.status])
      if (commitment.status !== 'dropped' || commitment.droppedReason.trim() === '') return status
      return `${status}<br><span class="reason">${escapeHtml(labels.droppedReason)}: ${multiline(commitment.droppedReason)}</span>`
    }
    case 'dialogue': {
      if (commitment.dialogueId === null) return escapeHtml(text.noDialogue)
      const title = options.planTitles.get(commitment.dialogueId)
      return escapeHtml(title === undefined ? commitment.dialogueId : title || text.untitledPlan)
    }
    case 'what':
    case 'owner':
    case 'evidence': {
      const value = multiline(commitment[column])
      return value === '' ? escapeHtml(text.none) : value
    }
  }
}

/** Section 7: every commitment printed, overdue ones first. */
export function commitmentSection(
  commitments: readonly Commitment[],
  options: CommitmentSectionOptions,
  text: ReportText,
): string {
  const { locale, today, names } = options
  const labels = COMMITMENT_COLUMN_LABELS[locale]
  const sorted = sortCommitments(commitments, 'due', 'ascending', {
    today,
    locale,
    stakeholderNames: names,
  })
  const rows = sorted.map((commitment) => {
    const overdue = isOverdue(commitment, today)
    const cells = COLUMNS.map(
      (column) => `<td>${cellHtml(commitment, column, overdue, options, text)}</td>`,
    ).join('')
    return overdue ? `<tr class="overdue">${cells}</tr>` : `<tr>${cells}</tr>`
  })
  const intro = formatLabel(locale, text.commitmentsIntro, {
    date: formatDate(today, locale, false),
  })
  return (
    '<section class="report-section commitments" id="commitments">' +
    `<h2>${escapeHtml(text.commitmentsHeading)}</h2><p>${escapeHtml(intro)}</p>` +
    (options.withheld === 0
      ? ''
      : `<p class="withheld">${escapeHtml(formatLabel(locale, text.commitmentsWithheld, { count: options.withheld }))}</p>`) +
    (rows.length === 0
      ? options.withheld === 0
        ? `<p>${escapeHtml(text.noCommitments)}</p>`
        : ''
      : '<table><thead><tr>' +
        COLUMNS.map((column) => `<th scope="col">${escapeHtml(labels[column])}</th>`).join('') +
        `</tr></thead><tbody>${rows.join('')}</tbody></table>`) +
    '</section>'
  )
}
