/**
 * Whether a promise is overdue: its due date has passed and it is neither done nor dropped.
 * Dates are ISO calendar dates, compared as text (which orders them); `today` is the
 * reader's calendar date, so the card and the register agree for one reader.
 */
import type { Commitment } from './Commitment'

/** True when `commitment` is open or in progress and was due before `today` (`YYYY-MM-DD`). */
export function isOverdue(
  commitment: Pick<Commitment, 'status' | 'dueDate'>,
  today: string,
): boolean {
  if (commitment.status === 'done' || commitment.status === 'dropped') return false
  return commitment.dueDate !== null && commitment.dueDate < today
}
