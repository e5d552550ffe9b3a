/**
 * The map JSON export format: a complete, versioned copy of one map (stakeholder records,
 * the tldraw records and schema, the document metadata and, optionally, version history).
 *
 * Version 4:
 * ```
 * { format: 'stakeholder-canvas-map', version: 4, title, exportedAt, contactsIncluded,
 *   stakeholders: [...], dialoguePlans: [...], commitments: [...],
 *   dialogueEvaluations: [...], selfAssessments: [...], engagementStages: {...},
 *   rolePlay: { cards: [...], rounds: [...], currentRoundId, briefs?: {...} },
 *   observerNotes: {...}, exampleShown, caseCard?: {...},
 *   tldraw: { schema, records: [...] }, meta: {...}, history: [...] }
 * ```
 * `engagementStages` (the map's list, code → stored stage, EngagementStage.ts) came later in
 * version 3: a file without it has the default list, and an app that does not know it warns
 * and keeps its default list.
 * Version 1 had no dialogue records; it is still read (as a map without any). Version 2 got
 * a number of its own so that an older app refuses a file with dialogue records instead of
 * dropping them with a warning. Version 3 added the self-assessments, for the same reason;
 * a version 1 or 2 file is read as a map without any. Version 4 added phase 3's role play
 * (cards, rounds and, with the confidential part, the cards' private briefs), the
 * observer sheets and whether phase 2's example is shown; an older file reads as a map
 * without them (example hidden).
 * Keys are sorted at every level, stakeholders and records by id, so the same document
 * always gives the same JSON (dialogue records are sorted by id too). Without contacts, stakeholders have no `contacts` key at all.
 * A new version gets a new number; readers refuse versions newer than they know.
 */
import type { Commitment } from '../dialogue/Commitment'
import type { DialogueEvaluation } from '../dialogue/DialogueEvaluation'
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import type { StoredEngagementStage } from '../dialogue/EngagementStage'
import type { SelfAssessment } from '../selfAssessment/SelfAssessment'
import type { Stakeholder, StakeholderWithoutContacts } from '../stakeholder/Stakeholder'
import type { JsonObject, JsonValue } from './canonicalJson'
import type { CaseCard } from '../workshop/caseCard'
import type { RoleCard } from '../workshop/rolePlay'
import type { RolePlayRound } from '../workshop/rolePlayRounds'

/** Phase 3's role play in a map file (shared/workshop/rolePlay.ts, rolePlayRounds.ts). */
export interface MapJsonRolePlay {
  /** The role cards, in their order, with who held each (a server-known identity). */
  cards: RoleCard[]
  /** The rounds played, in order, with their observers. */
  rounds: RolePlayRound[]
  /** The round being played when the file was made; null between rounds. */
  currentRoundId: string | null
  /**
   * Role id → the card's private brief. Briefs live in the confidential document, so they
   * travel only with the confidential part (`contactsIncluded`), which only owners and
   * facilitators may export; without it the key is absent.
   */
  briefs?: Record<string, string>
}
import type { WordingRoot } from '../workshop/trainerWording'

/** Value of the `format` key. */
export const MAP_JSON_FORMAT = 'stakeholder-canvas-map'
/** Format version written by this code. */
export const MAP_JSON_VERSION = 4

export { TLDRAW_SCHEMA_KEY } from '../document/mapDocumentLayout'

/** A map export, as written (version {@link MAP_JSON_VERSION}). */
export interface MapJson {
  format: typeof MAP_JSON_FORMAT
  version: typeof MAP_JSON_VERSION
  title: string
  /** ISO 8601 UTC timestamp. */
  exportedAt: string
  /** Whether contacts (personal data) are in the file. */
  contactsIncluded: boolean
  /** Sorted by id; `contacts` only when `contactsIncluded`. */
  stakeholders: (Stakeholder | StakeholderWithoutContacts)[]
  /** Sorted by id, as the three below. */
  dialoguePlans: DialoguePlan[]
  commitments: Commitment[]
  dialogueEvaluations: DialogueEvaluation[]
  /** Sorted by id. */
  selfAssessments: SelfAssessment[]
  /** What the map changed of its engagement stages, by code (EngagementStage.ts). */
  engagementStages: Record<string, StoredEngagementStage>
  tldraw: {
    /** The tldraw schema the records were written with (`null` when the map has none yet). */
    schema: JsonValue
    /** Document-scoped tldraw records, sorted by id. */
    records: JsonObject[]
  }
  /** The document metadata other than the tldraw schema. */
  meta: JsonObject
  /** Version-history metadata supplied by the server, as given. */
  history: JsonValue[]
  /** Phase 2's case card (shared/workshop/caseCard.ts); present only when filled in. */
  caseCard?: CaseCard
  rolePlay: MapJsonRolePlay
  /** The observer sheets, `<round>/<observer>/<field>` → text (observerNotes.ts). */
  observerNotes: Record<string, string>
  /** Whether phase 2's filled-in example is shown to everyone (facilitationState.ts). */
  exampleShown: boolean
  /**
   * The trainers' wording of the example and the follow-up steps (trainerWording.ts): only
   * what was reworded, key → text; present only when something was.
   */
  wording?: Partial<Record<WordingRoot, Record<string, string>>>
}

/** A validated map export, ready for `importMapJson`: every record checked and current. */
export interface ParsedMapJson {
  title: string
  exportedAt: string
  contactsIncluded: boolean
  /** Current-version records; `contacts` is `[]` when the file has none. */
  stakeholders: Stakeholder[]
  /** Current-version records; empty for a version 1 file. */
  dialoguePlans: DialoguePlan[]
  commitments: Commitment[]
  dialogueEvaluations: DialogueEvaluation[]
  /** Current-version records; empty for a version 1 or 2 file. */
  selfAssessments: SelfAssessment[]
  /** Current-version stored stages by code; empty when the file has none. */
  engagementStages: Record<string, StoredEngagementStage>
  tldraw: { schema: JsonValue; records: JsonObject[] }
  meta: JsonObject
  history: JsonValue[]
  /** The case card; null when the file has none. */
  caseCard: CaseCard | null
  /** No cards, rounds or briefs for a file before version 4; `briefs` `{}` when absent. */
  rolePlay: Required<MapJsonRolePlay>
  /** Empty for a file before version 4. */
  observerNotes: Record<string, string>
  /** False for a file before version 4. */
  exampleShown: boolean
  /** The trainers' wording, per root; empty when the file has none. */
  wording: Partial<Record<WordingRoot, Record<string, string>>>
}
