/**
 * Section 1 of the report: the register as it fits a landscape A4 page in readable type.
 * It prints the essentials of each stakeholder (the columns a reader compares across the
 * map: who, affected or vulnerable, the scores and what follows from them, status, alerts);
 * section 4 gives the other fields per stakeholder. The rows are the register's
 * (`registerRows`), so the report says what the CSV and XLSX say.
 */
import type { RegisterColumn } from '../exchange/registerLabels'
import { registerRows } from '../exchange/registerRows'
import type { RegisterInput } from '../exchange/registerRows'
import type { LabelLocale } from '../labels/modelLabels'
import { escapeHtml } from './escapeHtml'
import { cellHtml } from './reportFormat'
import type { ReportText } from './reportText'

/** The register's columns the report prints, in order. */
export const REPORT_REGISTER_COLUMNS: readonly RegisterColumn[] = [
  'rank',
  'name',
  'category',
  'affected',
  'vulnerable',
  'power',
  'legitimacy',
  'urgency',
  'salienceClass',
  'influence',
  'impact',
  'quadrant',
  'topSeverity',
  'engagementStatus',
  'alerts',
]

/** Columns printed right-aligned, as numbers. */
const NUMBER_COLUMNS = new Set<RegisterColumn>([
  'rank',
  'power',
  'legitimacy',
  'urgency',
  'influence',
  'impact',
  'topSeverity',
  'alerts',
])

/** The register section of the report. */
export function registerSection(
  stakeholders: readonly RegisterInput[],
  locale: LabelLocale,
  text: ReportText,
): string {
  const table = registerRows(stakeholders, { locale })
  const columns = REPORT_REGISTER_COLUMNS.map((column) => table.columns.indexOf(column))
  const cell = (row: (typeof table.rows)[number], index: number) => {
    const column = table.columns[index]!
    const value = row[index] ?? null
    // The register has one alert per line; the report counts them here and spells them out
    // in the engagement order.
    const shown =
      column === 'alerts'
        ? String(typeof value === 'string' && value !== '' ? value.split('\n').length : 0)
        : cellHtml(value, locale)
    return NUMBER_COLUMNS.has(column) ? `<td class="number">${shown}</td>` : `<td>${shown}</td>`
  }
  return (
    '<section class="report-section register" id="register">' +
    `<h2>${escapeHtml(text.registerHeading)}</h2>` +
    `<p>${escapeHtml(text.registerIntro)} ${escapeHtml(text.registerAlertsNote)}</p>` +
    (table.rows.length === 0
      ? `<p>${escapeHtml(text.emptyMap)}</p>`
      : '<table><thead><tr>' +
        columns
          .map((index) => `<th scope="col">${escapeHtml(table.header[index]!)}</th>`)
          .join('') +
        '</tr></thead><tbody>' +
        table.rows
          .map((row) => `<tr>${columns.map((index) => cell(row, index)).join('')}</tr>`)
          .join('') +
        '</tbody></table>') +
    '</section>'
  )
}
