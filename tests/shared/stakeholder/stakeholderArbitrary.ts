/**
 * fast-check arbitraries for valid current-version stakeholder records, shared by the
 * stakeholder and scoring tests.
 */
import fc from 'fast-check'
import {
  ATTITUDES,
  CONFIDENTIALITY_LEVELS,
  DUE_DILIGENCE_STEPS,
  ENGAGEMENT_LEVELS,
  ENGAGEMENT_STATUSES,
  IMPACT_ACTUALITIES,
  STAKEHOLDER_CATEGORIES,
  STAKEHOLDER_KINDS,
  VALUE_CHAIN_POSITIONS,
} from '../../../shared/index'
import type { AdverseImpact, Contact, EngagementEntry, Stakeholder } from '../../../shared/index'

/** A valid id. */
export const idArbitrary = fc.stringMatching(/^[A-Za-z0-9_:.-]{1,20}$/)

/** A whole score 1–5 or null. */
export const wholeScoreArbitrary = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })

/** A fractional score in [1, 5] or null. */
export const fractionalScoreArbitrary = fc.option(
  fc.double({ min: 1, max: 5, noNaN: true, noDefaultInfinity: true }),
  { nil: null },
)

const text = fc.string({ maxLength: 40 })
const timestamp = fc
  .date({
    min: new Date('1990-01-01T00:00:00Z'),
    max: new Date('2100-01-01T00:00:00Z'),
    noInvalidDate: true,
  })
  .map((date) => date.toISOString())
const isoDate = timestamp.map((value) => value.slice(0, 10))

/** A valid adverse impact. */
export const impactArbitrary: fc.Arbitrary<AdverseImpact> = fc.record({
  id: idArbitrary,
  description: text,
  topic: text,
  actuality: fc.constantFrom(...IMPACT_ACTUALITIES),
  scale: wholeScoreArbitrary,
  scope: wholeScoreArbitrary,
  irremediability: wholeScoreArbitrary,
  likelihood: wholeScoreArbitrary,
})

const entryArbitrary: fc.Arbitrary<EngagementEntry> = fc.record({
  id: idArbitrary,
  date: isoDate,
  step: fc.constantFrom(...DUE_DILIGENCE_STEPS),
  method: text,
  informationShared: text,
  inputReceived: text,
  howInputWasUsed: text,
  followUp: text,
  barriers: text,
  barrierMeasures: text,
  confidentiality: fc.constantFrom(...CONFIDENTIALITY_LEVELS),
})

const contactArbitrary: fc.Arbitrary<Contact> = fc.record({
  id: idArbitrary,
  name: text,
  role: text,
  organisation: text,
  email: fc.constantFrom('', 'a@example.org', 'contact@ngo.example'),
  phone: fc.constantFrom('', '+31 70 123 4567'),
  notes: text,
})

const uniqueById = <T extends { id: string }>(item: fc.Arbitrary<T>, maxLength: number) =>
  fc.uniqueArray(item, { selector: (value) => value.id, maxLength })

/** A valid stakeholder record. */
export const stakeholderArbitrary: fc.Arbitrary<Stakeholder> = fc
  .record({
    schemaVersion: fc.constant(1 as const),
    id: idArbitrary,
    name: fc.string({ minLength: 1, maxLength: 40 }).filter((name) => name.trim() !== ''),
    kind: fc.constantFrom(...STAKEHOLDER_KINDS),
    category: fc.constantFrom(...STAKEHOLDER_CATEGORIES),
    valueChainPosition: fc.option(fc.constantFrom(...VALUE_CHAIN_POSITIONS), { nil: null }),
    countryOrRegion: text,
    affected: fc.boolean(),
    vulnerable: fc.boolean(),
    vulnerabilityNote: text,
    represents: fc.uniqueArray(idArbitrary, { maxLength: 3 }),
    power: wholeScoreArbitrary,
    legitimacy: wholeScoreArbitrary,
    urgency: wholeScoreArbitrary,
    influence: fractionalScoreArbitrary,
    impact: fractionalScoreArbitrary,
    attitude: fc.constantFrom(...ATTITUDES),
    interests: text,
    concerns: text,
    impacts: uniqueById(impactArbitrary, 4),
    engagement: fc.record({
      status: fc.constantFrom(...ENGAGEMENT_STATUSES),
      intendedLevel: fc.option(fc.constantFrom(...ENGAGEMENT_LEVELS), { nil: null }),
      log: uniqueById(entryArbitrary, 3),
    }),
    contacts: uniqueById(contactArbitrary, 2),
    notes: text,
    createdAt: timestamp,
    updatedAt: timestamp,
  })
  .map((stakeholder) => ({
    ...stakeholder,
    represents: stakeholder.represents.filter((id) => id !== stakeholder.id),
  }))
