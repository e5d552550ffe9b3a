/**
 * Characters that make a spreadsheet run a cell as a formula (OWASP "CSV Injection"), plus
 * their full-width forms, which some East Asian Excel locales also accept.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'])

/**
 * Makes a text cell safe to open in a spreadsheet: a value starting with a formula trigger
 * (`=`, `+`, `-`, `@`, tab, carriage return) gets a leading apostrophe, so Excel and
 * LibreOffice show it as text instead of running it. Apply to text cells only: a number
 * (also a negative one) is written as a number cell and needs no escaping.
 */
export function neutraliseCell(value: string): string {
  const first = value[0]
  return first !== undefined && FORMULA_TRIGGERS.has(first) ? `'${value}` : value
}
