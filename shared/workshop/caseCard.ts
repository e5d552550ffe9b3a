/**
 * The case card of phase 2 (issue 21): the fictitious case the groups prepare a dialogue
 * for, as the trainers adapt it to the participants' sector. The SER manual names what they
 * adapt: topic and risks, sector, chain, country, circumstances, kinds of counterparts and
 * their challenges (seed manual, "Workshop toespitsen op eigen content").
 *
 * Where it lives: the map document's `caseCard` root (mapDocumentLayout.ts), one key per
 * field, each a plain string, so two trainers editing different fields keep both edits. The
 * root is one of FACILITATOR_ONLY_ROOTS: the server refuses a change to it from an editor or
 * viewer (1008), and its shape allows only the keys below (documentShape.ts).
 *
 * Validated at the edges: {@link validateCaseCardField} before a write, {@link readCaseCard}
 * reads whatever a peer stored as a card (a field that is not a string of the allowed
 * length reads as empty).
 */
import * as v from 'valibot'
import type * as Y from 'yjs'
import { CASE_CARD_MAP } from '../document/mapDocumentLayout'
import { longText, shortText } from '../stakeholder/recordSchemaRules'
import { recordValidator } from '../stakeholder/recordValidator'

/** The case card's fields, in the order the card shows them. */
export const CASE_CARD_FIELDS = [
  'title',
  'sector',
  'topic',
  'risks',
  'chain',
  'country',
  'circumstances',
  'counterparts',
  'challenges',
] as const
/** One field of the case card. */
export type CaseCardField = (typeof CASE_CARD_FIELDS)[number]

/** One-line fields; the others are free texts. */
export const CASE_CARD_ONE_LINE: readonly CaseCardField[] = ['title', 'sector', 'country']

/** The case card's schema: every field a text, one-line ones short. */
export const caseCardSchema = v.object(
  Object.fromEntries(
    CASE_CARD_FIELDS.map((field) => [
      field,
      CASE_CARD_ONE_LINE.includes(field) ? shortText() : longText(),
    ]),
  ) as Record<CaseCardField, ReturnType<typeof longText>>,
)

/** The case card, every field a string ('' when not filled in). */
export type CaseCard = Record<CaseCardField, string>

/** A card with nothing filled in. */
export const EMPTY_CASE_CARD: CaseCard = Object.fromEntries(
  CASE_CARD_FIELDS.map((field) => [field, '']),
) as CaseCard

const validateCard = recordValidator(caseCardSchema)

/** True for a key of the case card. */
export function isCaseCardField(key: string): key is CaseCardField {
  return (CASE_CARD_FIELDS as readonly string[]).includes(key)
}

/**
 * Checks one field's new value before it is written; answers the value to store, or the
 * validation errors (a path of the field's name and a code).
 */
export function validateCaseCardField(field: CaseCardField, value: unknown) {
  const checked = validateCard({ ...EMPTY_CASE_CARD, [field]: value })
  return checked.ok ? { ok: true as const, value: checked.value[field] } : checked
}

/** The stored card, field by field; a field a peer stored malformed reads as empty. */
export function readCaseCard(doc: Y.Doc): CaseCard {
  const map = doc.getMap<unknown>(CASE_CARD_MAP)
  const card = { ...EMPTY_CASE_CARD }
  for (const field of CASE_CARD_FIELDS) {
    const checked = validateCaseCardField(field, map.get(field) ?? '')
    if (checked.ok) card[field] = checked.value
  }
  return card
}

/** True when no field of the card is filled in. */
export function isCaseCardEmpty(card: CaseCard): boolean {
  return CASE_CARD_FIELDS.every((field) => card[field].trim() === '')
}

/**
 * Writes one field (owners and facilitators: the server refuses anyone else); answers the
 * validation errors instead when the value does not fit, and writes nothing then.
 */
export function writeCaseCardField(
  doc: Y.Doc,
  field: CaseCardField,
  value: string,
  origin?: unknown,
) {
  const checked = validateCaseCardField(field, value)
  if (!checked.ok) return checked
  const map = doc.getMap<unknown>(CASE_CARD_MAP)
  if (map.get(field) !== checked.value) doc.transact(() => map.set(field, checked.value), origin)
  return { ok: true as const }
}
