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
import {
  idSchema,
  isoDate,
  list,
  listWithIds,
  longText,
  nonBlankShortText,
  oneOf,
  oneOfOrNull,
  record,
  says,
  schemaVersion,
  score,
  shortText,
  text,
  timestamp,
  yesNo,
} from './recordSchemaRules'
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
  date: isoDate(),
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

/** Older records go to `migrateStakeholder`; newer ones are refused. */
const schemaVersionSchema = schemaVersion(CURRENT_SCHEMA_VERSION, 'migrateStakeholder')

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
  name: nonBlankShortText(),
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
