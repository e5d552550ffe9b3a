/**
 * Scores as people type and read them: "2,5" in Dutch, "2.5" in English. Both separators
 * are accepted in either language, since a Dutch keyboard in an English UI (or the reverse)
 * is common; a thousands separator makes no sense on a 1–5 scale, so a comma is never one.
 */
import type { LabelLocale } from '../labels/modelLabels'

/** What was typed: a number, empty (not assessed), or text that is no number at all. */
export type ParsedScoreText = { ok: true; value: number | null } | { ok: false }

/** Reads a typed score; the range is the model's to check, not this function's. */
export function parseScoreText(text: string): ParsedScoreText {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: true, value: null }
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(trimmed)) return { ok: false }
  return { ok: true, value: Number(trimmed.replace(',', '.')) }
}

/** A score written the way a reader of `locale` expects it; empty when not assessed. */
export function formatScoreText(value: number | null, locale: LabelLocale): string {
  if (value === null) return ''
  const text = String(value)
  return locale === 'nl' ? text.replace('.', ',') : text
}

/** Whether two typed texts mean the same score ("2,5" and "2.5"; "" and " "). */
export function sameScoreText(a: string, b: string): boolean {
  const left = parseScoreText(a)
  const right = parseScoreText(b)
  return left.ok && right.ok ? left.value === right.value : a === b
}
