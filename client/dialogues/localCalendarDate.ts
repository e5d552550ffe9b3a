/** `date` as `YYYY-MM-DD` in the user's calendar: what is overdue today for this reader. */
export function localCalendarDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}
