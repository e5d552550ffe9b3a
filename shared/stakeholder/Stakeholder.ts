/**
 * The stakeholder record: what a company knows about one stakeholder, kept as a
 * due-diligence record for years. Derived values (salience class, grid quadrant,
 * priority) are never stored here; `shared/scoring/` computes them when needed, so two
 * clients can never disagree about them.
 *
 * The record is defined once, as the valibot schema below; its TypeScript types are inferred
 * from it, and `validateStakeholder` runs it. Each rule names its problem with a code (see
 * `validationError.ts`), never with words, so a UI can say it in the user's language.
 * Adding a field: the schema here, a row of the field table (`stakeholderFields.ts`), its
 * name in each language, and a migration step (`migrateStakeholder.ts`).
 *
 * The closed vocabularies and limits live in `stakeholderVocabulary.ts` and are re-exported.
 */
import * as v from 'valibot'
import type { ValidationErrorCode, ValidationParams } from './validationError'
import { isIsoDate, isIsoTimestamp } from './isIsoDate'
import {
  ATTITUDES,
  CONFIDENTIALITY_LEVELS,
  CURRENT_SCHEMA_VERSION,
  DUE_DILIGENCE_STEPS,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_STATUSES,
  IMPACT_ACTUALITIES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_ID_PATTERN,
  STAKEHOLDER_KINDS,
  STAKEHOLDER_LIMITS,
  VALUE_CHAIN_POSITIONS,
} from './stakeholderVocabulary'

export * from './stakeholderVocabulary'

const LIMITS = STAKEHOLDER_LIMITS
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+$/

/**
 * A rule's message: the problem as JSON of its code and params, which `validateStakeholder`
 * reads back. Words are added later, in English for logs or by the client in its language.
 */
function says(code: ValidationErrorCode, params: ValidationParams = {}): () => string {
  const problem = JSON.stringify({ code, params })
  return () => problem
}

/** A string of at most `max` characters; `format` (if any) is checked within that length. */
function text(
  max: number,
  format?: { test: (value: string) => boolean; code: ValidationErrorCode },
) {
  const test = format?.test ?? (() => true)
  return v.pipe(
    v.string(says('not-a-string')),
    v.maxLength(max, says('too-long', { max })),
    // A string over the limit was reported already; the format check is linear in its length.
    v.check((value) => value.length > max || test(value), says(format?.code ?? 'not-a-string')),
  )
}

const idSchema = text(LIMITS.idLength, {
  test: (value) => STAKEHOLDER_ID_PATTERN.test(value),
  code: 'invalid-id',
})
const shortText = () => text(LIMITS.shortText)
const longText = () => text(LIMITS.longText)
const timestamp = () => text(30, { test: isIsoTimestamp, code: 'invalid-timestamp' })

/** One of a closed vocabulary. */
function oneOf<const T extends readonly string[]>(values: T) {
  return v.picklist(values, says('not-one-of', { options: values.join(', ') }))
}

/** One of a closed vocabulary, or null while not decided. */
function oneOfOrNull<const T extends readonly string[]>(values: T) {
  return v.nullable(
    v.picklist(values, says('not-one-of', { options: `${values.join(', ')} or null` })),
  )
}

/** A {@link Score}: 1–5 (whole numbers only for `wholeNumber`), or null when not assessed. */
function score(wholeNumber: boolean) {
  const { scoreMin: min, scoreMax: max } = LIMITS
  return v.nullable(
    v.custom<number>(
      (value) =>
        typeof value === 'number' &&
        Number.isFinite(value) &&
        value >= min &&
        value <= max &&
        (!wholeNumber || Number.isInteger(value)),
      says('score-out-of-range', { min, max, wholeNumber }),
    ),
  )
}

const yesNo = () => v.boolean(says('not-yes-no'))

/** An object with exactly these fields, each required (unknown keys are not kept). */
function record<const E extends v.ObjectEntries>(entries: E) {
  const notAnObject = JSON.stringify({ code: 'not-an-object', params: {} })
  const required = JSON.stringify({ code: 'required', params: {} })
  // valibot reports a missing key with the object's message, and a path to the key.
  return v.object(entries, (issue) => (issue.path === undefined ? notAnObject : required))
}

type WithId = { readonly id?: unknown }

/** Reports an id that occurs twice in a list, at `list[index].id`. */
function uniqueIds<T extends WithId>() {
  return v.rawCheck<T[]>(({ dataset, addIssue }) => {
    const items: unknown = dataset.value
    if (!Array.isArray(items)) return
    const seen = new Set<string>()
    items.forEach((item: unknown, index) => {
      if (typeof item !== 'object' || item === null) return
      const id = (item as WithId).id
      // An invalid id is reported where it is; only valid ones can be duplicates.
      if (typeof id !== 'string' || !STAKEHOLDER_ID_PATTERN.test(id)) return
      if (seen.has(id)) {
        addIssue({
          message: says('duplicate-id', { id }),
          path: [
            { type: 'array', origin: 'value', input: items, key: index, value: item },
            {
              type: 'object',
              origin: 'value',
              input: item as Record<string, unknown>,
              key: 'id',
              value: id,
            },
          ],
        })
      }
      seen.add(id)
    })
  })
}

/** A list of at most `max` items, ids unique when `withIds`. */
function list<T extends v.GenericSchema>(item: T, max: number) {
  return v.pipe(
    v.array(item, says('not-an-array')),
    v.maxLength(max, says('too-many-items', { max })),
  )
}
function listWithIds<T extends v.GenericSchema<unknown, WithId>>(item: T, max: number) {
  return v.pipe(
    v.array(item, says('not-an-array')),
    v.maxLength(max, says('too-many-items', { max })),
    uniqueIds<v.InferOutput<T>>(),
  )
}

/**
 * An adverse impact of the company on this stakeholder. Severity (OECD) is made of scale
 * (how grave), scope (how many are affected) and irremediability (how hard to undo);
 * likelihood matters for potential impacts only.
 */
export const adverseImpactSchema = record({
  id: idSchema,
  description: longText(),
  /** Short free-text topic, e.g. "living wage", "land rights". */
  topic: shortText(),
  actuality: oneOf(IMPACT_ACTUALITIES),
  scale: score(true),
  scope: score(true),
  irremediability: score(true),
  /** Ignored for ranking when the impact is actual (it then counts as certain). */
  likelihood: score(true),
})
/** See {@link adverseImpactSchema}. */
export type AdverseImpact = v.InferOutput<typeof adverseImpactSchema>

/** One engagement with the stakeholder, as a company should be able to show it (CSDDD art. 13). */
export const engagementEntrySchema = record({
  id: idSchema,
  /** ISO calendar date `YYYY-MM-DD`. */
  date: text(10, { test: isIsoDate, code: 'invalid-date' }),
  step: oneOf(DUE_DILIGENCE_STEPS),
  /** Free text, e.g. "site visit with interpreter", "online survey". */
  method: shortText(),
  informationShared: longText(),
  inputReceived: longText(),
  /** How the input was used: the responsiveness that makes engagement meaningful. */
  howInputWasUsed: longText(),
  followUp: longText(),
  /** Barriers to engagement that were met (language, fear of retaliation, distance...). */
  barriers: longText(),
  /** How those barriers were lowered. */
  barrierMeasures: longText(),
  confidentiality: oneOf(CONFIDENTIALITY_LEVELS),
})
/** See {@link engagementEntrySchema}. */
export type EngagementEntry = v.InferOutput<typeof engagementEntrySchema>

/** How the company engages the stakeholder. */
export const engagementSchema = record({
  status: oneOf(ENGAGEMENT_STATUSES),
  /** `null` while not decided. */
  intendedLevel: oneOfOrNull(ENGAGEMENT_LEVELS),
  log: listWithIds(engagementEntrySchema, LIMITS.engagementLog),
})
/** See {@link engagementSchema}. */
export type Engagement = v.InferOutput<typeof engagementSchema>

/**
 * A contact person. CONFIDENTIAL: this is personal data (GDPR). It lives only in the
 * top-level `contacts` array so it can be stripped with `withoutContacts` before
 * sharing or exporting; never copy it into other fields.
 */
export const contactSchema = record({
  id: idSchema,
  name: shortText(),
  role: shortText(),
  organisation: shortText(),
  /** Empty string when unknown. */
  email: text(LIMITS.email, {
    test: (value) => value === '' || EMAIL_PATTERN.test(value),
    code: 'invalid-email',
  }),
  /** Empty string when unknown. */
  phone: text(LIMITS.phone),
  notes: longText(),
})
/** See {@link contactSchema}. */
export type Contact = v.InferOutput<typeof contactSchema>

/** Older records go to `migrateStakeholder`; newer ones are refused (see there). */
const schemaVersionSchema = v.custom<typeof CURRENT_SCHEMA_VERSION>(
  (value) => value === CURRENT_SCHEMA_VERSION,
  (issue) => {
    const version = issue.input
    const supported = CURRENT_SCHEMA_VERSION
    const newer = typeof version === 'number' && Number.isInteger(version) && version > supported
    return newer
      ? says('newer-version', { version, supported })()
      : says('older-version', { supported })()
  },
)

/** A stakeholder cannot represent itself, nor anyone twice (checked on the whole record). */
function representsCheck<T extends { id: string; represents: string[] }>() {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    const record: unknown = dataset.value
    if (typeof record !== 'object' || record === null) return
    const { id, represents } = record as { id?: unknown; represents?: unknown }
    if (!Array.isArray(represents)) return
    const isId = (value: unknown): value is string =>
      typeof value === 'string' && STAKEHOLDER_ID_PATTERN.test(value)
    const seen = new Set<string>()
    represents.forEach((other: unknown, index) => {
      if (!isId(other)) return
      const path: [v.ObjectPathItem, v.ArrayPathItem] = [
        {
          type: 'object',
          origin: 'value',
          input: record as Record<string, unknown>,
          key: 'represents',
          value: represents,
        },
        { type: 'array', origin: 'value', input: represents, key: index, value: other },
      ]
      if (isId(id) && other === id) addIssue({ message: says('represents-itself'), path })
      if (seen.has(other)) addIssue({ message: says('duplicate-id', { id: other }), path })
      seen.add(other)
    })
  })
}

/** The fields of a stakeholder record; see {@link stakeholderSchema}. */
const stakeholderRecordSchema = record({
  schemaVersion: schemaVersionSchema,
  id: idSchema,
  name: v.pipe(
    shortText(),
    v.check((value) => value.length > LIMITS.shortText || value.trim() !== '', says('empty')),
  ),
  kind: oneOf(STAKEHOLDER_KINDS),
  category: oneOf(STAKEHOLDER_CATEGORIES),
  /** `null` when not known. */
  valueChainPosition: oneOfOrNull(VALUE_CHAIN_POSITIONS),
  /** Free text: a country, a region, or a place. */
  countryOrRegion: shortText(),
  /**
   * True for an affected stakeholder (rightsholder): its rights or interests are or
   * could be affected by the company. False for other relevant stakeholders (NGOs,
   * unions speaking for others, investors, experts).
   */
  affected: yesNo(),
  /** Vulnerable or marginalised: barriers to engagement must be removed (OECD). */
  vulnerable: yesNo(),
  /** Why the stakeholder is vulnerable and what that means for engagement. */
  vulnerabilityNote: longText(),
  /** Ids of stakeholders this one represents or advocates for. */
  represents: list(idSchema, LIMITS.represents),
  /** Salience attributes (Mitchell, Agle & Wood 1997), whole numbers 1–5 or null. */
  power: score(true),
  legitimacy: score(true),
  urgency: score(true),
  /** The stakeholder's influence on the company, 1–5 (fractional allowed) or null. */
  influence: score(false),
  /** The company's impact on the stakeholder, 1–5 (fractional allowed) or null. */
  impact: score(false),
  attitude: oneOf(ATTITUDES),
  interests: longText(),
  concerns: longText(),
  impacts: listWithIds(adverseImpactSchema, LIMITS.impacts),
  engagement: engagementSchema,
  /** CONFIDENTIAL personal data, see {@link Contact}. */
  contacts: listWithIds(contactSchema, LIMITS.contacts),
  notes: longText(),
  /** ISO 8601 UTC timestamps, e.g. `2025-03-01T09:30:00.000Z`. */
  createdAt: timestamp(),
  updatedAt: timestamp(),
})

/** A stakeholder record, schema version {@link CURRENT_SCHEMA_VERSION}. */
export const stakeholderSchema = v.pipe(
  stakeholderRecordSchema,
  representsCheck<v.InferOutput<typeof stakeholderRecordSchema>>(),
)
/** A stakeholder record, schema version {@link CURRENT_SCHEMA_VERSION}. */
export type Stakeholder = v.InferOutput<typeof stakeholderSchema>

/** Every key of a current record, in the schema's order. */
export const STAKEHOLDER_KEYS = Object.keys(
  stakeholderSchema.entries,
) as readonly (keyof Stakeholder)[]

/** A stakeholder without personal data. */
export type StakeholderWithoutContacts = Omit<Stakeholder, 'contacts'>
