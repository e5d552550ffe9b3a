/**
 * Turns the rows of an imported stakeholder list into an import plan, without side effects:
 * the records to create, the rows rejected (with the row number the user sees: the header
 * is row 1) and warnings. The caller shows the plan and calls `applyImport` only when the
 * user confirms; cancelling is simply not applying it.
 */
import { createContact, createStakeholder } from '../stakeholder/createStakeholder'
import type { Contact, Stakeholder } from '../stakeholder/Stakeholder'
import { STAKEHOLDER_LIMITS } from '../stakeholder/Stakeholder'
import { validateStakeholder } from '../stakeholder/validateStakeholder'
import type { CodedValidationError } from '../stakeholder/validateStakeholder'
import { EXCHANGE_LIMITS, exchangeError } from './exchangeLimits'
import type { ExchangeError, SheetCell } from './exchangeLimits'
import type { ColumnMapping, ImportField } from './guessColumnMapping'
import { guessFieldValue } from './guessFieldValue'
import { CONTACT_PARTS, IMPORT_FIELDS } from '../stakeholder/stakeholderFields'
import { STAKEHOLDER_KEYS } from '../stakeholder/Stakeholder'
import { normaliseLabel } from './normaliseLabel'

/** Options for {@link planImport}. */
export interface PlanImportOptions {
  /** Names of the stakeholders already on the map, to warn about duplicates. */
  existingNames?: readonly string[]
  /** Makes a new unique id for a stakeholder or contact (e.g. nanoid). */
  idFactory: () => string
  /** ISO timestamp for `createdAt` and `updatedAt`. */
  now: string
}

/**
 * A problem with one cell of a rejected row, as a code and params the client translates
 * (`message` is English, for logs); `column` is zero-based, null when unknown.
 */
export interface ImportRowError extends CodedValidationError {
  column: number | null
}

/** Codes of import warnings; the client translates them. */
export const IMPORT_WARNING_CODES = [
  'duplicate-name-in-file',
  'duplicate-name-existing',
  'unrecognised-value',
] as const
/** See {@link IMPORT_WARNING_CODES}. */
export type ImportWarningCode = (typeof IMPORT_WARNING_CODES)[number]

/** Something the user should look at before confirming; the row is still imported. */
export interface ImportWarning {
  rowNumber: number
  code: ImportWarningCode
  column: number | null
  params: Readonly<Record<string, string | number>>
  message: string
}

/** The outcome of {@link planImport}. Nothing has been written yet. */
export interface ImportPlan {
  /** Valid records, in file order. */
  toImport: Stakeholder[]
  /** Rows that are not imported, with every error found. */
  rejected: { rowNumber: number; errors: ImportRowError[] }[]
  warnings: ImportWarning[]
  /** File-level errors (too many rows, no name column); when present nothing is imported. */
  errors: ExchangeError[]
  /** Row numbers of the empty rows that were skipped. */
  skippedRows: number[]
}

/**
 * Import fields that are record keys and taken as they are; the name and the notes are
 * built by `planImport`, the engagement settings and contact parts are nested.
 */
const COPIED_FIELDS = IMPORT_FIELDS.filter(
  (field) =>
    (STAKEHOLDER_KEYS as readonly string[]).includes(field) &&
    field !== 'name' &&
    field !== 'notes',
)

/** The field a validation path refers to, to point the user at the column. */
function fieldOfPath(path: string): ImportField | null {
  const contact = /^contacts\[\d+\]\.(\w+)/.exec(path)
  if (contact) {
    const entry = Object.entries(CONTACT_PARTS).find(([, key]) => key === contact[1])
    return entry ? (entry[0] as ImportField) : null
  }
  if (path === 'engagement.status') return 'engagementStatus'
  if (path === 'engagement.intendedLevel') return 'engagementLevel'
  return (/^\w+/.exec(path)?.[0] as ImportField | undefined) ?? null
}

function isEmptyCell(cell: SheetCell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '')
}

/**
 * The import plan for `rows` (row 1 = the header, which `mapping` was made for). Every
 * record is built from the mapped cells and checked with `validateStakeholder`. Empty rows
 * are skipped; duplicate names (in the file, or with `existingNames`) are warnings. Has no
 * side effects apart from calling `idFactory`.
 */
export function planImport(
  rows: readonly (readonly SheetCell[])[],
  mapping: ColumnMapping,
  options: PlanImportOptions,
): ImportPlan {
  const plan: ImportPlan = { toImport: [], rejected: [], warnings: [], errors: [], skippedRows: [] }
  if (rows.length - 1 > EXCHANGE_LIMITS.importRows) {
    plan.errors.push(
      exchangeError('too-many-rows', `at most ${EXCHANGE_LIMITS.importRows} rows can be imported`, {
        limit: EXCHANGE_LIMITS.importRows,
      }),
    )
    return plan
  }
  const columnOf = new Map<ImportField, number>()
  mapping.forEach((field, column) => {
    if (field !== null && !columnOf.has(field)) columnOf.set(field, column)
  })
  if (!columnOf.has('name')) {
    plan.errors.push(exchangeError('no-name-column', 'no column is mapped to the name'))
    return plan
  }
  const header = rows[0] ?? []
  const existing = new Set((options.existingNames ?? []).map(normaliseLabel))
  const seen = new Map<string, number>()

  for (let index = 1; index < rows.length; index++) {
    const row = rows[index] ?? []
    const rowNumber = index + 1
    if (row.every(isEmptyCell)) {
      plan.skippedRows.push(rowNumber)
      continue
    }
    const errors: ImportRowError[] = []
    const warnings: ImportWarning[] = []
    const values: Partial<Record<ImportField, unknown>> = {}
    const unrecognised: string[] = []
    for (const [field, column] of columnOf) {
      const guessed = guessFieldValue(field, row[column] ?? null)
      if (!guessed.ok) {
        const { code, params, message } = guessed
        errors.push({ path: field, code, params, message, column })
        continue
      }
      values[field] = guessed.value
      if (!guessed.recognised) {
        const original = String(row[column]).trim()
        const headerText = String(header[column] ?? '').trim() || field
        unrecognised.push(`${headerText}: ${original}`)
        warnings.push({
          rowNumber,
          code: 'unrecognised-value',
          column,
          params: { field, value: original.slice(0, STAKEHOLDER_LIMITS.shortText) },
          message: `"${original.slice(0, 40)}" is not a known ${field}; kept in the notes`,
        })
      }
    }
    const text = (field: ImportField) => (typeof values[field] === 'string' ? values[field] : '')
    const contact: Contact = createContact('')
    for (const [field, part] of Object.entries(CONTACT_PARTS)) {
      contact[part] = text(field as ImportField)
    }
    const hasContact = Object.keys(CONTACT_PARTS).some((field) => text(field as ImportField))
    // Words the closed lists do not know are not lost: they go to the notes.
    const notes = [text('notes'), ...unrecognised].filter((line) => line !== '').join('\n')
    if (errors.length > 0) {
      plan.rejected.push({ rowNumber, errors })
      continue
    }
    const candidate = createStakeholder(
      {
        id: options.idFactory(),
        name: text('name'),
        ...pick(values, COPIED_FIELDS),
        notes,
        engagement: {
          status: (values.engagementStatus ?? 'not-started') as Stakeholder['engagement']['status'],
          intendedLevel: (values.engagementLevel ??
            null) as Stakeholder['engagement']['intendedLevel'],
          log: [],
        },
        contacts: hasContact ? [{ ...contact, id: options.idFactory() }] : [],
      },
      { now: options.now },
    )
    const validated = validateStakeholder(candidate)
    if (!validated.ok) {
      plan.rejected.push({
        rowNumber,
        errors: validated.errors.map((error) => {
          const field = fieldOfPath(error.path)
          return { ...error, column: field === null ? null : (columnOf.get(field) ?? null) }
        }),
      })
      continue
    }
    const record = validated.value
    const key = normaliseLabel(record.name)
    const nameColumn = columnOf.get('name') ?? null
    const firstRow = seen.get(key)
    if (firstRow !== undefined) {
      warnings.push({
        rowNumber,
        code: 'duplicate-name-in-file',
        column: nameColumn,
        params: { name: record.name, firstRowNumber: firstRow },
        message: `"${record.name}" is also on row ${firstRow}`,
      })
    } else seen.set(key, rowNumber)
    if (existing.has(key)) {
      warnings.push({
        rowNumber,
        code: 'duplicate-name-existing',
        column: nameColumn,
        params: { name: record.name },
        message: `"${record.name}" is already on the map`,
      })
    }
    plan.toImport.push(record)
    plan.warnings.push(...warnings)
  }
  return plan
}

function pick(values: Partial<Record<ImportField, unknown>>, keys: readonly ImportField[]) {
  const picked: Record<string, unknown> = {}
  for (const key of keys) if (values[key] !== undefined) picked[key] = values[key]
  // The values are checked by `validateStakeholder` right after; the type is only a claim.
  return picked as Partial<Stakeholder>
}
