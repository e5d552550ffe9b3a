/**
 * Texts the app pre-fills and trainers may reword (the filled-in example of phase 2, the
 * follow-up board's steps): one rule for what a reader sees, as phaseTitle.ts has for the
 * self-assessment's phase titles. A text nobody has reworded — absent, or still the
 * pre-filled text of either language — is shown in the reader's language; a reworded text is
 * shown as the trainer typed it, to everyone; an emptied one stays empty.
 */
import * as v from 'valibot'
import type * as Y from 'yjs'
import { EXAMPLE_WORKSHEET_MAP, FOLLOW_UP_STEPS_MAP } from '../document/mapDocumentLayout'
import type { LabelLocale } from '../labels/modelLabels'
import { longText } from '../stakeholder/recordSchemaRules'
import { recordValidator } from '../stakeholder/recordValidator'

/** The pre-filled text of one field, per language. */
export type PrefilledText = Readonly<Record<LabelLocale, string>>

/** What a reader of `locale` sees of a field stored as `stored` (any value a peer wrote). */
export function wordingFor(stored: unknown, prefilled: PrefilledText, locale: LabelLocale): string {
  if (typeof stored !== 'string') return prefilled[locale]
  const untouched = Object.values(prefilled).some((text) => text.trim() === stored.trim())
  return untouched ? prefilled[locale] : stored
}

const checkWording = recordValidator(v.object({ text: longText() }))

/** Checks a trainer's wording before it is written: the value to store, or the errors. */
export function validateWording(value: unknown) {
  const checked = checkWording({ text: value })
  return checked.ok ? { ok: true as const, value: checked.value.text } : checked
}

/** The roots of trainers' wording, with the keys each may hold (for the map file). */
export const WORDING_ROOTS = {
  exampleWorksheet: EXAMPLE_WORKSHEET_MAP,
  followUpSteps: FOLLOW_UP_STEPS_MAP,
} as const
/** A set of trainers' wording, named as in the map file. */
export type WordingRoot = keyof typeof WORDING_ROOTS

/** The wording as stored, key → text (only what was reworded; malformed values left out). */
export function readStoredWording(
  doc: Y.Doc,
  root: WordingRoot,
  keys: readonly string[],
): Record<string, string> {
  const map = doc.getMap<unknown>(WORDING_ROOTS[root])
  const stored: Record<string, string> = {}
  for (const key of keys) {
    const checked = map.has(key) ? validateWording(map.get(key)) : null
    if (checked?.ok) stored[key] = checked.value
  }
  return stored
}

/** Writes wording read from a map file, as stored (already validated by the parser). */
export function writeStoredWording(
  doc: Y.Doc,
  root: WordingRoot,
  stored: Readonly<Record<string, string>>,
  origin?: unknown,
) {
  const map = doc.getMap<unknown>(WORDING_ROOTS[root])
  doc.transact(() => {
    for (const [key, text] of Object.entries(stored)) map.set(key, text)
  }, origin)
}
