/**
 * The field table: every field of a stakeholder a person sees, imports or exports, and
 * where it appears. Import guessing, the register panel, the exported register (CSV, XLSX,
 * report) and the editor's labels take their lists from this one table, so adding a field
 * is: the schema (`Stakeholder.ts`), a row here, a label in each language, a migration step.
 *
 * Keys are the record's keys, or a flattened key where the record nests the value
 * (`engagementStatus` is `engagement.status`; `contactName` is a contact's `name`).
 */
import type { Contact, Stakeholder } from './Stakeholder'

/** One row of {@link STAKEHOLDER_FIELDS}. */
export interface StakeholderFieldSpec {
  /** The field: a record key, or a flattened key (see the module comment). */
  readonly key: string
  /**
   * The key of its name: in `STAKEHOLDER_FIELD_LABELS` (import panel, audit trail) and, as
   * `field.<label>`, in the editor's catalogue (client/i18n).
   */
  readonly label: string
  /** A column of an imported list can fill it. */
  readonly importable: boolean
  /** Its column in the register panel (`REGISTER_SORT_COLUMNS`), or null. */
  readonly registerColumn: string | null
  /** Its column in the exported register (`REGISTER_COLUMNS`: CSV, XLSX, report), or null. */
  readonly exportColumn: string | null
}

// One line per field, so the table reads as a table.
// prettier-ignore
const ROWS = [
  // key                  label                  import register     export
  ['name',                'name',                true,  'name',      'name'],
  ['id',                  'id',                  false, null,        'id'],
  ['kind',                'kind',                true,  null,        'kind'],
  ['category',            'category',            true,  'category',  'category'],
  ['valueChainPosition',  'valueChainPosition',  true,  null,        'valueChainPosition'],
  ['countryOrRegion',     'countryOrRegion',     true,  null,        'countryOrRegion'],
  ['affected',            'affected',            true,  'affected',  'affected'],
  ['vulnerable',          'vulnerable',          true,  null,        'vulnerable'],
  ['vulnerabilityNote',   'vulnerabilityNote',   true,  null,        null],
  ['power',               'power',               true,  'power',     'power'],
  ['legitimacy',          'legitimacy',          true,  'legitimacy', 'legitimacy'],
  ['urgency',             'urgency',             true,  'urgency',   'urgency'],
  ['influence',           'influence',           true,  'influence', 'influence'],
  ['impact',              'impact',              true,  'impact',    'impact'],
  ['attitude',            'attitude',            true,  null,        null],
  ['interests',           'interests',           true,  null,        null],
  ['concerns',            'concerns',            true,  null,        null],
  ['notes',               'notes',               true,  null,        'notes'],
  ['engagementStatus',    'engagementStatus',    true,  'status',    'engagementStatus'],
  ['engagementLevel',     'engagementLevel',     true,  null,        'engagementLevel'],
  ['contactName',         'contactName',         true,  null,        'contactNames'],
  ['contactRole',         'contactRole',         true,  null,        'contactRoles'],
  ['contactOrganisation', 'contactOrganisation', true,  null,        'contactOrganisations'],
  ['contactEmail',        'contactEmail',        true,  null,        'contactEmails'],
  ['contactPhone',        'contactPhone',        true,  null,        'contactPhones'],
] as const

type Row = (typeof ROWS)[number]

/** A field's key. */
export type StakeholderFieldKey = Row[0]

/** The label key of one field (see {@link StakeholderFieldSpec.label}). */
export type StakeholderFieldLabel<Key extends StakeholderFieldKey = StakeholderFieldKey> = Extract<
  Row,
  readonly [Key, ...unknown[]]
>[1]

/** The field table, in the order the import panel offers the fields. */
export const STAKEHOLDER_FIELDS: readonly StakeholderFieldSpec[] = ROWS.map(
  ([key, label, importable, registerColumn, exportColumn]) => ({
    key,
    label,
    importable,
    registerColumn,
    exportColumn,
  }),
)

/** Record fields a column of an imported list can fill. */
export type ImportField = Extract<Row, readonly [string, string, true, ...unknown[]]>[0]

/** {@link ImportField}s in the import panel's order. */
export const IMPORT_FIELDS = STAKEHOLDER_FIELDS.filter((field) => field.importable).map(
  (field) => field.key,
) as readonly ImportField[]

/** An exported register column that shows a field (the derived columns are not fields). */
export type FieldExportColumn = NonNullable<Row[4]>

/** The label key of `field` (see {@link StakeholderFieldSpec.label}). */
export function labelOf<Key extends StakeholderFieldKey>(field: Key): StakeholderFieldLabel<Key> {
  const label = STAKEHOLDER_FIELDS.find((row) => row.key === field)?.label ?? field
  return label as StakeholderFieldLabel<Key>
}

/** The exported register's column for `field`, or `undefined` when it has none. */
export function exportColumnOf(field: StakeholderFieldKey): FieldExportColumn | undefined {
  const column = STAKEHOLDER_FIELDS.find((row) => row.key === field)?.exportColumn
  return (column ?? undefined) as FieldExportColumn | undefined
}

/** The field an exported register column shows, or `null` for a derived or counted column. */
export function fieldOfExportColumn(column: string): StakeholderFieldKey | null {
  const key = STAKEHOLDER_FIELDS.find((row) => row.exportColumn === column)?.key
  return (key ?? null) as StakeholderFieldKey | null
}

/** The contact's field each flattened contact key stands for (`contactEmail` → `email`). */
export const CONTACT_PARTS = {
  contactName: 'name',
  contactRole: 'role',
  contactOrganisation: 'organisation',
  contactEmail: 'email',
  contactPhone: 'phone',
} as const satisfies Partial<Record<StakeholderFieldKey, keyof Contact>>

/** An exported register column with a part of every contact (personal data). */
export type ContactExportColumn = Extract<
  Row,
  readonly [keyof typeof CONTACT_PARTS, ...unknown[]]
>[4]

/** The exported register's contact columns, in the table's order. */
export const CONTACT_EXPORT_COLUMNS = STAKEHOLDER_FIELDS.filter(
  (field) => field.key in CONTACT_PARTS && field.exportColumn !== null,
).map((field) => field.exportColumn) as readonly ContactExportColumn[]

/** Keys of the table that are no key of the record. */
type FlattenedKey = 'engagementStatus' | 'engagementLevel' | keyof typeof CONTACT_PARTS
// Does not compile when a row's key is neither a record key nor a known flattened key.
const keysAreRecordKeys: Exclude<StakeholderFieldKey, FlattenedKey> extends keyof Stakeholder
  ? true
  : never = true
void keysAreRecordKeys
