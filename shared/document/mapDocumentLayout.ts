/**
 * Names of the root types of a map's Y.Doc, defined once for client, server and tests.
 *
 * - `tldraw`: tldraw's document-scoped records, keyed by record id (the canvas).
 * - `meta`: document-wide settings, such as the tldraw schema the canvas was written with.
 * - `stakeholders`: the stakeholder records without their confidential parts (see
 *   stakeholderDocument.ts).
 * - `contacts`: where contacts were kept before the confidential document (below) existed.
 *   Kept empty: the server moves old content out when it loads a map, and refuses updates
 *   that add live content to it (deleting there is allowed, so old local copies heal).
 * - `facilitation`: workshop state only owners and facilitators may change (agenda, timer,
 *   locks, table groups, when a vote or a scoring round opens and closes); the server drops
 *   changes to it from other roles.
 * - `workshop`: what every participant contributes during a session (private scores, votes,
 *   each under the participant's own key; and `hands`, the raised-hands queue (an array).
 * - `dialoguePlans`, `commitments`, `dialogueEvaluations`: the dialogue records, record id →
 *   Y.Map of the record's fields (see dialogueDocument.ts). Editors write them, as they write
 *   stakeholders; viewers write nothing. A plan marked `confidential` is never here: it lives
 *   in the confidential document (below), and the server refuses one here; so do the
 *   commitments made in it and its evaluations, which say what it was about.
 * - `selfAssessments`: the SER self-assessments taken before the workshop, record id → Y.Map
 *   of the record's fields, its `elements` a Y.Map keyed by element code (selfAssessmentDocument.ts).
 *   Editors write them, viewers write nothing.
 * - `engagementStages`: the map's list of engagement stages, stage code → what differs from
 *   the defaults (shared/dialogue/EngagementStage.ts); owners and facilitators only.
 * - `rolePlay`: the role cards of phase 3 and who holds each (shared/workshop/rolePlay.ts);
 *   owners and facilitators only. The cards' private briefs are in the confidential document.
 * - `observerNotes`: the observer sheets of the role-play rounds, `<round>/<observer>/<field>`
 *   → text (shared/workshop/observerNotes.ts); only that observer, owners and facilitators
 *   may change a note (server/rooms/checkObserverNotes.ts).
 * - `caseCard`: phase 2's case card, field name → text (shared/workshop/caseCard.ts); owners
 *   and facilitators only.
 * - `exampleWorksheet`: the trainers' wording of phase 2's filled-in example, field → text
 *   (shared/dialogue/exampleWorksheet.ts); a field not there reads as the built-in example in
 *   the reader's language. Owners and facilitators only.
 * - `followUpSteps`: the trainers' wording of the follow-up board's steps, step → text
 *   (shared/workshop/followUpSteps.ts), with the same defaults; owners and facilitators only.
 */
export const TLDRAW_RECORDS_MAP = 'tldraw'
export const META_MAP = 'meta'
export const STAKEHOLDERS_MAP = 'stakeholders'
/** The map document's legacy contacts root; contacts live in the confidential document. */
export const CONTACTS_MAP = 'contacts'
export const FACILITATION_MAP = 'facilitation'
export const WORKSHOP_MAP = 'workshop'
/** The raised-hands queue: a root Y.Array, so hands raised at once are all kept, in order. */
export const HANDS_ARRAY = 'hands'
/** Dialogue plans, by id. */
export const DIALOGUE_PLANS_MAP = 'dialoguePlans'
/** Commitments made in dialogues, by id. */
export const COMMITMENTS_MAP = 'commitments'
/** Dialogue evaluations, by id. */
export const DIALOGUE_EVALUATIONS_MAP = 'dialogueEvaluations'
/** The map's engagement stages, code → stored stage (EngagementStage.ts). */
export const ENGAGEMENT_STAGES_MAP = 'engagementStages'
/** SER self-assessments, by id. */
export const SELF_ASSESSMENTS_MAP = 'selfAssessments'
/** Role cards of the role play, role id → card (rolePlay.ts). */
export const ROLE_PLAY_MAP = 'rolePlay'
/** Observer sheets of the role-play rounds, one text per observer, round and field. */
export const OBSERVER_NOTES_MAP = 'observerNotes'
/** Phase 2's case card, field → text (caseCard.ts); the trainers edit it. */
export const CASE_CARD_MAP = 'caseCard'
/** Phase 2's filled-in example as the trainers worded it, field → text (exampleWorksheet.ts). */
export const EXAMPLE_WORKSHEET_MAP = 'exampleWorksheet'
/** The follow-up board's steps as the trainers worded them, step → text (followUpSteps.ts). */
export const FOLLOW_UP_STEPS_MAP = 'followUpSteps'
/**
 * Stakeholders' answers to confirmation links (stakeholderAnswerDocument.ts), in the map
 * document for entries there and in the confidential document for confidential entries.
 * Written by the server only: it is in neither list of roots clients may change, and not
 * among the roots restores walk.
 */
export const STAKEHOLDER_ANSWERS_MAP = 'stakeholderAnswers'

/** Key in `meta` of the tldraw schema the canvas records were written with. */
export const TLDRAW_SCHEMA_KEY = 'tldrawSchema'

/** The root Y.Maps of a map document (restores and erasure walk these). */
export const MAP_ROOT_NAMES = [
  TLDRAW_RECORDS_MAP,
  META_MAP,
  STAKEHOLDERS_MAP,
  CONTACTS_MAP,
  FACILITATION_MAP,
  WORKSHOP_MAP,
  DIALOGUE_PLANS_MAP,
  COMMITMENTS_MAP,
  DIALOGUE_EVALUATIONS_MAP,
  ROLE_PLAY_MAP,
  SELF_ASSESSMENTS_MAP,
  OBSERVER_NOTES_MAP,
  ENGAGEMENT_STAGES_MAP,
  CASE_CARD_MAP,
  EXAMPLE_WORKSHEET_MAP,
  FOLLOW_UP_STEPS_MAP,
] as const

/** The root Y.Arrays of a map document. */
export const ARRAY_ROOT_NAMES = [HANDS_ARRAY] as const

/** Every root type a map document may have; anything else is refused by the server. */
export const ALLOWED_ROOT_NAMES: readonly string[] = [...MAP_ROOT_NAMES, ...ARRAY_ROOT_NAMES]

/** Root types whose changes need the owner or facilitator role. */
export const FACILITATOR_ONLY_ROOTS: readonly string[] = [
  FACILITATION_MAP,
  ROLE_PLAY_MAP,
  ENGAGEMENT_STAGES_MAP,
  CASE_CARD_MAP,
  EXAMPLE_WORKSHEET_MAP,
  FOLLOW_UP_STEPS_MAP,
]

/**
 * A map's second document: what only roles that may read confidential data receive
 * (`canReadConfidential`). It is synced on its own socket, `/sync/<mapId>/confidential`,
 * stored and versioned apart from the map document, so a viewer's or editor's connection
 * never carries a byte of it.
 *
 * - `contacts`: stakeholder id → Y.Map of contact id → contact (personal data).
 * - `confidentialLog`: stakeholder id → Y.Map of entry id → engagement-log entry whose
 *   confidentiality is `confidential`.
 * - `dialoguePlans`: plan id → Y.Map of the fields of a dialogue plan whose confidentiality
 *   is `confidential`, laid out as the map document's root of the same name
 *   (dialogueDocument.ts): its safety notes and invited rightsholders may put people at risk.
 * - `commitments`, `dialogueEvaluations`: the commitments made in such a plan and its
 *   evaluations (notes, what the stakeholders said, revealed results), laid out as in the map
 *   document: they follow their plan (dialogueDocument.ts).
 * - `roleBriefs`: role id → the private brief of a role card (rolePlay.ts), which only the
 *   card's holder receives, from the server.
 * - `erasures`: the erasure register, `<stakeholder id>/<contact id>` → who erased that
 *   contact and when (never the erased data; shared/document/erasureRegister.ts). Written by
 *   the server only: it is not among {@link CONFIDENTIAL_ROOT_NAMES}, so updates from
 *   clients that touch it are refused, and restores leave it alone.
 */
export const CONFIDENTIAL_DOCUMENT = 'confidential'
/** The map document: what every role receives. */
export const MAP_DOCUMENT = 'map'
/** The two documents of a map, each synced, stored and versioned on its own. */
export const MAP_DOCUMENTS = [MAP_DOCUMENT, CONFIDENTIAL_DOCUMENT] as const
/** One of {@link MAP_DOCUMENTS}. */
export type MapDocumentName = (typeof MAP_DOCUMENTS)[number]
/** Contacts, in the confidential document. */
export const CONFIDENTIAL_CONTACTS_MAP = 'contacts'
/** Confidential engagement-log entries, in the confidential document. */
export const CONFIDENTIAL_LOG_MAP = 'confidentialLog'
/** Confidential dialogue plans, in the confidential document: the map document's root name. */
export const CONFIDENTIAL_DIALOGUE_PLANS_MAP = DIALOGUE_PLANS_MAP
/** Commitments made in confidential plans, in the confidential document. */
export const CONFIDENTIAL_COMMITMENTS_MAP = COMMITMENTS_MAP
/** Evaluations of confidential plans, in the confidential document. */
export const CONFIDENTIAL_DIALOGUE_EVALUATIONS_MAP = DIALOGUE_EVALUATIONS_MAP
/** The erasure register, in the confidential document (server-written). */
export const ERASURES_MAP = 'erasures'
/** Private briefs of the role cards, in the confidential document. */
export const ROLE_BRIEFS_MAP = 'roleBriefs'
/** Every root type clients may change in the confidential document (restores walk these). */
export const CONFIDENTIAL_ROOT_NAMES = [
  CONFIDENTIAL_CONTACTS_MAP,
  CONFIDENTIAL_LOG_MAP,
  CONFIDENTIAL_DIALOGUE_PLANS_MAP,
  CONFIDENTIAL_COMMITMENTS_MAP,
  CONFIDENTIAL_DIALOGUE_EVALUATIONS_MAP,
  ROLE_BRIEFS_MAP,
] as const
