/**
 * The order of the dialogue-plan and commitment registers when a user sorts them by a
 * column, with the same habits as the stakeholder register (sortRegister.ts): what is not
 * set (no date, no stakeholder name) comes last in either direction, and ties keep a fixed
 * order. Commitments that are overdue come first whatever the column, as the issue asks of
 * the register ("overdue ones first"), then by due date.
 */
import type { Commitment } from '../dialogue/Commitment'
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import { COMMITMENT_STATUSES, DIALOGUE_PLAN_STATUSES } from '../dialogue/dialogueVocabulary'
import { isOverdue } from '../dialogue/isOverdue'
import type { LabelLocale } from '../labels/modelLabels'
import type { SortDirection } from './sortRegister'

/** Columns of the dialogue-plan register. */
export const PLAN_SORT_COLUMNS = ['date', 'title', 'status', 'invited'] as const
/** See {@link PLAN_SORT_COLUMNS}. */
export type PlanSortColumn = (typeof PLAN_SORT_COLUMNS)[number]

/** Columns of the commitment register. */
export const COMMITMENT_SORT_COLUMNS = ['due', 'stakeholder', 'owner', 'status'] as const
/** See {@link COMMITMENT_SORT_COLUMNS}. */
export type CommitmentSortColumn = (typeof COMMITMENT_SORT_COLUMNS)[number]

type Value = number | string | null

function sorted<T>(
  items: readonly T[],
  valueOf: (item: T) => Value,
  direction: SortDirection,
  locale: LabelLocale,
  tie: (a: T, b: T) => number,
  first: (item: T) => boolean = () => false,
): T[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true })
  const sign = direction === 'ascending' ? 1 : -1
  return items
    .map((item) => ({ item, value: valueOf(item), first: first(item) }))
    .sort((a, b) => {
      if (a.first !== b.first) return a.first ? -1 : 1
      if (a.value === null || b.value === null) {
        if (a.value !== b.value) return a.value === null ? 1 : -1
      } else {
        const order =
          typeof a.value === 'string' && typeof b.value === 'string'
            ? collator.compare(a.value, b.value)
            : Number(a.value) - Number(b.value)
        if (order !== 0) return sign * order
      }
      return tie(a.item, b.item)
    })
    .map(({ item }) => item)
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Plans sorted by `column` (a new array); ties by date, then id. */
export function sortDialoguePlans(
  plans: readonly DialoguePlan[],
  column: PlanSortColumn,
  direction: SortDirection,
  locale: LabelLocale,
): DialoguePlan[] {
  const valueOf = (plan: DialoguePlan): Value => {
    switch (column) {
      case 'date':
        return plan.date
      case 'title':
        return plan.title.trim() === '' ? null : plan.title
      case 'status':
        return DIALOGUE_PLAN_STATUSES.indexOf(plan.status)
      case 'invited':
        return plan.invited.length
    }
  }
  const tie = (a: DialoguePlan, b: DialoguePlan) =>
    (a.date ?? '9999') < (b.date ?? '9999')
      ? -1
      : (a.date ?? '9999') > (b.date ?? '9999')
        ? 1
        : byId(a, b)
  return sorted(plans, valueOf, direction, locale, tie)
}

/** What sorting commitments needs besides the records. */
export interface CommitmentSortContext {
  /** The reader's calendar date, `YYYY-MM-DD` (see `isOverdue`). */
  today: string
  locale: LabelLocale
  /** Stakeholder names by id; a commitment to an unknown id sorts last by stakeholder. */
  stakeholderNames: ReadonlyMap<string, string>
}

/** Commitments sorted by `column`, overdue ones first (a new array); ties by due date, id. */
export function sortCommitments(
  commitments: readonly Commitment[],
  column: CommitmentSortColumn,
  direction: SortDirection,
  context: CommitmentSortContext,
): Commitment[] {
  const valueOf = (commitment: Commitment): Value => {
    switch (column) {
      case 'due':
        return commitment.dueDate
      case 'stakeholder':
        return context.stakeholderNames.get(commitment.stakeholderId) ?? null
      case 'owner':
        return commitment.owner.trim() === '' ? null : commitment.owner
      case 'status':
        return COMMITMENT_STATUSES.indexOf(commitment.status)
    }
  }
  const tie = (a: Commitment, b: Commitment) =>
    (a.dueDate ?? '9999') < (b.dueDate ?? '9999')
      ? -1
      : (a.dueDate ?? '9999') > (b.dueDate ?? '9999')
        ? 1
        : byId(a, b)
  return sorted(commitments, valueOf, direction, context.locale, tie, (commitment) =>
    isOverdue(commitment, context.today),
  )
}
