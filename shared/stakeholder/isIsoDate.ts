/**
 * Strict ISO 8601 checks for the two formats the record stores. `Date.parse` alone is too
 * lenient (it accepts many formats and, in some engines, 30 February), so the shape is
 * matched first and the calendar date is checked by hand.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,3})?Z$/

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  // Day 0 of the next month is the last day of this one.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return day <= daysInMonth
}

/** True for a valid calendar date written `YYYY-MM-DD`. */
export function isIsoDate(value: string): boolean {
  const match = DATE.exec(value)
  if (!match) return false
  return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
}

/** True for a valid UTC timestamp as `Date.prototype.toISOString` writes it (millis optional). */
export function isIsoTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value)
  if (!match) return false
  return isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]))
}
