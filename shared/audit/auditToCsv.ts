/**
 * The audit trail as CSV for a spreadsheet: one row per changed field, headers and words in
 * the chosen language; Dutch uses `;` (what Dutch Excel splits on), English `,`. Every cell
 * is text passed through `neutraliseCell`, so no name or value can run as a formula. Once
 * rows record who acted as a guest or a signed-in user (issue 18), a column before the
 * person says which; a trail without such rows keeps the columns it always had.
 */
import Papa from 'papaparse'
import type { AuditEntry } from '../protocol/accessApi'
import type { LabelLocale } from '../labels/modelLabels'
import { neutraliseCell } from '../exchange/neutraliseCell'
import { auditIdentityLabel, auditRoleLabel, describeAuditEntry } from './describeAuditEntry'

const HEADERS: Readonly<Record<LabelLocale, readonly string[]>> = {
  en: [
    'Started',
    'Last change',
    'Person',
    'Role',
    'Stakeholder',
    'Stakeholder id',
    'Field',
    'Old value',
    'New value or change',
  ],
  nl: [
    'Begonnen',
    'Laatste wijziging',
    'Persoon',
    'Rol',
    'Stakeholder',
    'Stakeholder-id',
    'Veld',
    'Oude waarde',
    'Nieuwe waarde of wijziging',
  ],
}

/** Header of the identity kind column, see the module comment. */
const KIND_HEADER: Readonly<Record<LabelLocale, string>> = {
  en: 'Guest or user',
  nl: 'Gast of gebruiker',
}

/** Options of {@link auditToCsv}. */
export interface AuditCsvOptions {
  locale: LabelLocale
  /** Stakeholder names by id (a removed stakeholder is shown by its id only). */
  names: ReadonlyMap<string, string>
}

/** The audit entries (newest first, as listed) as CSV with a byte order mark and CRLF. */
export function auditToCsv(entries: readonly AuditEntry[], options: AuditCsvOptions): string {
  const { locale, names } = options
  const withKind = entries.some((entry) => entry.participant.kind !== undefined)
  const headers = [...HEADERS[locale]]
  if (withKind) headers.splice(2, 0, KIND_HEADER[locale])
  const rows: string[][] = [headers]
  for (const entry of entries) {
    const kind = withKind ? [auditIdentityLabel(entry.participant, locale) ?? ''] : []
    for (const line of describeAuditEntry(entry, locale)) {
      rows.push([
        entry.firstAt,
        entry.lastAt,
        ...kind,
        entry.participant.name,
        auditRoleLabel(entry.participant.role, locale),
        names.get(entry.stakeholderId) ?? '',
        entry.stakeholderId,
        line.field,
        line.from ?? '',
        line.to,
      ])
    }
  }
  const body = Papa.unparse(
    rows.map((row) => row.map((cell) => neutraliseCell(cell))),
    {
      delimiter: locale === 'nl' ? ';' : ',',
      newline: '\r\n',
      quotes: false,
      quoteChar: '"',
      escapeFormulae: false,
    },
  )
  return `\uFEFF${body}\r\n`
}
