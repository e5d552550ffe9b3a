/**
 * The stakeholder record: what a company knows about one stakeholder, kept as a
 * due-diligence record for years. Derived values (salience class, grid quadrant,
 * priority) are never stored here; `shared/scoring/` computes them when needed, so two
 * clients can never disagree about them.
 *
 * Every closed vocabulary is a string-literal union with an exported `const` array of
 * stable kebab-case English ids; the UI lists the options from the array and translates
 * the ids in its own i18n.
 */

/** Schema version written by this code. Older records go through `migrateStakeholder`. */
export const CURRENT_SCHEMA_VERSION = 1

/** What kind of actor a stakeholder is. */
export const STAKEHOLDER_KINDS = ['organisation', 'group', 'person-role'] as const
/** See {@link STAKEHOLDER_KINDS}. */
export type StakeholderKind = (typeof STAKEHOLDER_KINDS)[number]

/**
 * Stakeholder categories, following the groups named in the OECD guidance and ESRS 1
 * (nature is the "silent stakeholder").
 */
export const STAKEHOLDER_CATEGORIES = [
  'employees',
  'trade-unions',
  'value-chain-workers',
  'suppliers-business-partners',
  'local-communities',
  'indigenous-peoples',
  'customers-consumers',
  'ngos-civil-society',
  'government-regulators',
  'investors-financiers',
  'industry-peers',
  'media',
  'experts-academia',
  'nature-environment',
  'other',
] as const
/** See {@link STAKEHOLDER_CATEGORIES}. `employees` includes their representatives. */
export type StakeholderCategory = (typeof STAKEHOLDER_CATEGORIES)[number]

/** Where in the company's value chain the stakeholder sits. */
export const VALUE_CHAIN_POSITIONS = ['own-operations', 'upstream', 'downstream'] as const
/** See {@link VALUE_CHAIN_POSITIONS}. */
export type ValueChainPosition = (typeof VALUE_CHAIN_POSITIONS)[number]

/** The stakeholder's stance towards the company or the issue at hand. */
export const ATTITUDES = ['supportive', 'neutral', 'critical', 'opposed', 'unknown'] as const
/** See {@link ATTITUDES}. */
export type Attitude = (typeof ATTITUDES)[number]

/** Whether an adverse impact has happened or could happen (OECD). */
export const IMPACT_ACTUALITIES = ['actual', 'potential'] as const
/** See {@link IMPACT_ACTUALITIES}. */
export type ImpactActuality = (typeof IMPACT_ACTUALITIES)[number]

/** Where the company stands in engaging this stakeholder. */
export const ENGAGEMENT_STATUSES = [
  'not-started',
  'planned',
  'ongoing',
  'paused',
  'concluded',
] as const
/** See {@link ENGAGEMENT_STATUSES}. */
export type EngagementStatus = (typeof ENGAGEMENT_STATUSES)[number]

/** Intended depth of engagement, from one-way information to shared decisions (IAP2). */
export const ENGAGEMENT_LEVELS = ['inform', 'consult', 'involve', 'collaborate', 'empower'] as const
/** See {@link ENGAGEMENT_LEVELS}. */
export type EngagementLevel = (typeof ENGAGEMENT_LEVELS)[number]

/** The six steps of the OECD Due Diligence Guidance for Responsible Business Conduct. */
export const DUE_DILIGENCE_STEPS = [
  'embed',
  'identify-assess',
  'cease-prevent-mitigate',
  'track',
  'communicate',
  'remediate',
] as const
/** See {@link DUE_DILIGENCE_STEPS}. */
export type DueDiligenceStep = (typeof DUE_DILIGENCE_STEPS)[number]

/** Who may see an engagement log entry (CSDDD asks for confidentiality where needed). */
export const CONFIDENTIALITY_LEVELS = ['public', 'internal', 'confidential'] as const
/** See {@link CONFIDENTIALITY_LEVELS}. */
export type Confidentiality = (typeof CONFIDENTIALITY_LEVELS)[number]

/**
 * A score on the 1–5 scale, or `null` when not assessed. Power, legitimacy, urgency and
 * the impact severity dimensions are whole numbers; influence and impact may be
 * fractional because they come from a position on the canvas.
 */
export type Score = number | null

/** Bounds enforced by `validateStakeholder`; they keep one record from exhausting memory. */
export const STAKEHOLDER_LIMITS = {
  /** Length of ids (stakeholder, impact, log entry, contact). */
  idLength: 100,
  /** Length of names and other one-line fields (topic, method, role, region, ...). */
  shortText: 200,
  /** Length of free-text fields (notes, interests, input received, ...). */
  longText: 10_000,
  /** Length of an e-mail address (RFC 5321 path limit). */
  email: 320,
  /** Length of a phone number. */
  phone: 50,
  /** Number of adverse impacts per stakeholder. */
  impacts: 100,
  /** Number of engagement log entries per stakeholder. */
  engagementLog: 1_000,
  /** Number of contacts per stakeholder. */
  contacts: 100,
  /** Number of "represents / advocates for" links per stakeholder. */
  represents: 200,
  /** Lowest valid score. */
  scoreMin: 1,
  /** Highest valid score. */
  scoreMax: 5,
} as const

/**
 * Ids: letters, digits and `_ : . -`. Wide enough for nanoid, UUIDs and tldraw-style
 * `shape:abc` ids; narrow enough to be safe in URLs and storage keys.
 */
export const STAKEHOLDER_ID_PATTERN = /^[A-Za-z0-9_:.-]{1,100}$/

/**
 * An adverse impact of the company on this stakeholder. Severity (OECD) is made of scale
 * (how grave), scope (how many are affected) and irremediability (how hard to undo);
 * likelihood matters for potential impacts only.
 */
export interface AdverseImpact {
  id: string
  description: string
  /** Short free-text topic, e.g. "living wage", "land rights". */
  topic: string
  actuality: ImpactActuality
  scale: Score
  scope: Score
  irremediability: Score
  /** Ignored for ranking when the impact is actual (it then counts as certain). */
  likelihood: Score
}

/** One engagement with the stakeholder, as a company should be able to show it (CSDDD art. 13). */
export interface EngagementEntry {
  id: string
  /** ISO calendar date `YYYY-MM-DD`. */
  date: string
  step: DueDiligenceStep
  /** Free text, e.g. "site visit with interpreter", "online survey". */
  method: string
  informationShared: string
  inputReceived: string
  /** How the input was used: the responsiveness that makes engagement meaningful. */
  howInputWasUsed: string
  followUp: string
  /** Barriers to engagement that were met (language, fear of retaliation, distance...). */
  barriers: string
  /** How those barriers were lowered. */
  barrierMeasures: string
  confidentiality: Confidentiality
}

/** How the company engages the stakeholder. */
export interface Engagement {
  status: EngagementStatus
  /** `null` while not decided. */
  intendedLevel: EngagementLevel | null
  log: EngagementEntry[]
}

/**
 * A contact person. CONFIDENTIAL: this is personal data (GDPR). It lives only in the
 * top-level `contacts` array so it can be stripped with `withoutContacts` before
 * sharing or exporting; never copy it into other fields.
 */
export interface Contact {
  id: string
  name: string
  role: string
  organisation: string
  /** Empty string when unknown. */
  email: string
  /** Empty string when unknown. */
  phone: string
  notes: string
}

/** A stakeholder record, schema version {@link CURRENT_SCHEMA_VERSION}. */
export interface Stakeholder {
  schemaVersion: typeof CURRENT_SCHEMA_VERSION
  id: string
  name: string
  kind: StakeholderKind
  category: StakeholderCategory
  /** `null` when not known. */
  valueChainPosition: ValueChainPosition | null
  /** Free text: a country, a region, or a place. */
  countryOrRegion: string
  /**
   * True for an affected stakeholder (rightsholder): its rights or interests are or
   * could be affected by the company. False for other relevant stakeholders (NGOs,
   * unions speaking for others, investors, experts).
   */
  affected: boolean
  /** Vulnerable or marginalised: barriers to engagement must be removed (OECD). */
  vulnerable: boolean
  /** Why the stakeholder is vulnerable and what that means for engagement. */
  vulnerabilityNote: string
  /** Ids of stakeholders this one represents or advocates for. */
  represents: string[]
  /** Salience attributes (Mitchell, Agle & Wood 1997), whole numbers 1–5 or null. */
  power: Score
  legitimacy: Score
  urgency: Score
  /** The stakeholder's influence on the company, 1–5 (fractional allowed) or null. */
  influence: Score
  /** The company's impact on the stakeholder, 1–5 (fractional allowed) or null. */
  impact: Score
  attitude: Attitude
  interests: string
  concerns: string
  impacts: AdverseImpact[]
  engagement: Engagement
  /** CONFIDENTIAL personal data, see {@link Contact}. */
  contacts: Contact[]
  notes: string
  /** ISO 8601 UTC timestamps, e.g. `2025-03-01T09:30:00.000Z`. */
  createdAt: string
  updatedAt: string
}

/** A stakeholder without personal data. */
export type StakeholderWithoutContacts = Omit<Stakeholder, 'contacts'>
