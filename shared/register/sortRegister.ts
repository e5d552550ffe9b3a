/**
 * The order of the register table when a user sorts it by a column. Rules:
 * - each column has the direction a first click gives: names and categories A→Z, the
 *   engagement order first to last, scores and salience highest first, affected first,
 *   quadrants in the order they are engaged (empower, manage closely, keep satisfied,
 *   monitor), engagement status along its process;
 * - what is not assessed (a missing score, no salience score, no quadrant) comes last in
 *   either direction, so "highest first" never starts with blanks;
 * - ties keep the engagement order (OECD: the most severely affected first).
 */
import { CATEGORY_LABELS } from '../labels/modelLabels'
import type { LabelLocale } from '../labels/modelLabels'
import { SALIENCE_ATTRIBUTES } from '../scoring/classifySalience'
import type { EngagementQuadrant } from '../scoring/engagementQuadrant'
import { salienceScore } from '../scoring/salienceScore'
import { scoreValue } from '../scoring/scoreValue'
import { ENGAGEMENT_STATUSES } from '../stakeholder/Stakeholder'
import type { Stakeholder } from '../stakeholder/Stakeholder'

/** The columns a register can be sorted by. */
export const REGISTER_SORT_COLUMNS = [
  'rank',
  'name',
  'salience',
  'power',
  'legitimacy',
  'urgency',
  'influence',
  'impact',
  'quadrant',
  'affected',
  'category',
  'status',
] as const
/** See {@link REGISTER_SORT_COLUMNS}. */
export type RegisterSortColumn = (typeof REGISTER_SORT_COLUMNS)[number]

/** Ascending runs along a column's own order (see {@link firstSortDirection}). */
export type SortDirection = 'ascending' | 'descending'

/** What a row needs for sorting: the record, its place in the engagement order, its quadrant. */
export interface SortableRegisterRow {
  stakeholder: Stakeholder
  rank: number
  quadrant: EngagementQuadrant
}

/** Quadrants in the order they are engaged; `unassessed` has no place (it sorts last). */
const QUADRANT_ORDER: readonly EngagementQuadrant[] = [
  'empower',
  'manage-closely',
  'keep-satisfied',
  'monitor',
]

const HIGHEST_FIRST: ReadonlySet<RegisterSortColumn> = new Set([
  'salience',
  'power',
  'legitimacy',
  'urgency',
  'influence',
  'impact',
  'affected',
])

/** The direction a column sorts in when a user first picks it. */
export function firstSortDirection(column: RegisterSortColumn): SortDirection {
  return HIGHEST_FIRST.has(column) ? 'descending' : 'ascending'
}

/** A row's value in `column`: a number or a string, or null when not assessed. */
function sortValue(
  row: SortableRegisterRow,
  column: RegisterSortColumn,
  locale: LabelLocale,
): number | string | null {
  const { stakeholder } = row
  switch (column) {
    case 'rank':
      return row.rank
    case 'name':
      return stakeholder.name
    case 'salience':
      return SALIENCE_ATTRIBUTES.some((a) => scoreValue(stakeholder[a]) !== null)
        ? salienceScore(stakeholder)
        : null
    case 'power':
    case 'legitimacy':
    case 'urgency':
    case 'influence':
    case 'impact':
      return scoreValue(stakeholder[column])
    case 'quadrant': {
      const index = QUADRANT_ORDER.indexOf(row.quadrant)
      return index < 0 ? null : index
    }
    case 'affected':
      return stakeholder.affected ? 1 : 0
    case 'category':
      return CATEGORY_LABELS[locale][stakeholder.category]
    case 'status':
      return ENGAGEMENT_STATUSES.indexOf(stakeholder.engagement.status)
  }
}

/** `rows` sorted by `column` in `direction` (a new array; ties in engagement order). */
export function sortRegister<Row extends SortableRegisterRow>(
  rows: readonly Row[],
  column: RegisterSortColumn,
  direction: SortDirection,
  locale: LabelLocale,
): Row[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  const sign = direction === 'ascending' ? 1 : -1
  return rows
    .map((row) => ({ row, value: sortValue(row, column, locale) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1
      } else {
        const order =
          typeof a.value === 'string' && typeof b.value === 'string'
            ? collator.compare(a.value, b.value)
            : Number(a.value) - Number(b.value)
        if (order !== 0) return sign * order
      }
      return a.row.rank - b.row.rank
    })
    .map(({ row }) => row)
}
