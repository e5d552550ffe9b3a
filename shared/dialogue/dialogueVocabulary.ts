/**
 * The closed vocabularies, limits and schema versions of the dialogue records (dialogue
 * plan, commitment, dialogue evaluation). As for stakeholders, every vocabulary is an
 * exported `const` array of stable kebab-case English codes; the words, in English and
 * Dutch, are in `shared/labels/dialogueLabels.ts`.
 */

/** Schema version of dialogue plans written by this code (see `migrateDialogueRecords`). */
export const DIALOGUE_PLAN_SCHEMA_VERSION = 1
/** Schema version of commitments written by this code. */
export const COMMITMENT_SCHEMA_VERSION = 1
/** Schema version of dialogue evaluations written by this code. */
export const DIALOGUE_EVALUATION_SCHEMA_VERSION = 1

/** Where a dialogue plan stands: only `planned` and `held` count as a planned dialogue. */
export const DIALOGUE_PLAN_STATUSES = ['draft', 'planned', 'held', 'cancelled'] as const
/** See {@link DIALOGUE_PLAN_STATUSES}. */
export type DialoguePlanStatus = (typeof DIALOGUE_PLAN_STATUSES)[number]

/** How a dialogue takes place. */
export const DIALOGUE_FORMATS = [
  'meeting',
  'site-visit',
  'focus-group',
  'survey',
  'grievance-channel',
  'online',
] as const
/** See {@link DIALOGUE_FORMATS}. */
export type DialogueFormat = (typeof DIALOGUE_FORMATS)[number]

/**
 * The stages at which CSDDD art. 13 (Directive (EU) 2024/1760, as adopted) asks for
 * meaningful engagement. Only the default: the EU text was being amended (Omnibus I), so
 * a plan stores a stage as a code of a configurable list, not as one of these.
 */
export const DEFAULT_ENGAGEMENT_STAGES = [
  'identify-assess-prioritise',
  'action-plans',
  'suspend-or-end-relationship',
  'remediation',
  'monitoring-indicators',
] as const
/** See {@link DEFAULT_ENGAGEMENT_STAGES}. */
export type DefaultEngagementStage = (typeof DEFAULT_ENGAGEMENT_STAGES)[number]

/** Barriers to taking part in a dialogue (OECD meaningful engagement; CSDDD art. 13). */
export const BARRIER_KINDS = [
  'travel',
  'literacy',
  'language',
  'gender',
  'fear-of-retaliation',
  'digital-access',
  'time-and-cost',
  'other',
] as const
/** See {@link BARRIER_KINDS}. */
export type BarrierKind = (typeof BARRIER_KINDS)[number]

/** Where a promise made in a dialogue stands; `dropped` needs a reason. */
export const COMMITMENT_STATUSES = ['open', 'in-progress', 'done', 'dropped'] as const
/** See {@link COMMITMENT_STATUSES}. */
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number]

/**
 * The nine elements of the SER model of meaningful stakeholder dialogue, in the model's
 * order (see docs/dialogues.md for what is verified SER material).
 */
export const DIALOGUE_ELEMENTS = [
  'motivation',
  'commitment',
  'inclusion',
  'transparency',
  'personal-contact',
  'organising-the-conversation',
  'internal-processes',
  'collaboration',
  'knowledge',
] as const
/** See {@link DIALOGUE_ELEMENTS}. */
export type DialogueElement = (typeof DIALOGUE_ELEMENTS)[number]

/** Bounds enforced by the dialogue records' validation. */
export const DIALOGUE_LIMITS = {
  /** Stakeholders invited to one dialogue. */
  invited: 200,
  /** Barriers listed in one plan. */
  barriers: 50,
} as const
