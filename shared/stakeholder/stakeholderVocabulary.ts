/**
 * The closed vocabularies, limits and id format of the stakeholder record (see
 * `Stakeholder.ts`, which re-exports them). Every vocabulary is a string-literal union with
 * an exported `const` array of stable kebab-case English ids; the UI lists the options from
 * the array and translates the ids in its own i18n.
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
