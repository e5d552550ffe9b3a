/**
 * What may live where in a map's two documents: for each root, the keys it may hold, and
 * for each key whether its value is a plain value (JSON, as `Y.Map.set` stores it) or a
 * nested Y.Map with a shape of its own. The server checks every update against this before
 * applying it (server/rooms/checkUpdateShape.ts) and refuses the whole update when one
 * struct does not fit, so no client can store a structure the app never writes (a deep
 * nest of maps, a text, a subdocument, keys of megabytes).
 *
 * The shapes follow what the app writes: see mapDocumentLayout.ts, stakeholderDocument.ts,
 * dialogueDocument.ts and shared/workshop. A stakeholder may also be a plain value under its id (the layout of
 * the first versions, which old browser copies can still send).
 *
 * A slot may also refuse some plain values: a dialogue plan's `confidentiality` in the map
 * document takes every level but `confidential`, since such a plan belongs in the
 * confidential document, which only owners and facilitators receive. Every new value of the
 * key is checked, so neither a new plan nor a change of level can put one there.
 */
import { DIALOGUE_ELEMENTS } from '../dialogue/dialogueVocabulary'
import { isEngagementStageCode } from '../dialogue/EngagementStage'
import { migrateEngagementStage } from '../dialogue/migrateDialogueRecords'
import { STAKEHOLDER_ID_PATTERN } from '../stakeholder/Stakeholder'
import { CASE_CARD_FIELDS } from '../workshop/caseCard'
import { EXAMPLE_WORKSHEET_KEYS } from '../dialogue/exampleWorksheet'
import { FOLLOW_UP_STEPS } from '../workshop/followUpSteps'
import { FACILITATION_KEYS } from '../workshop/facilitationState'
import { OBSERVER_NOTE_KEY_PATTERN, refusedObserverNote } from '../workshop/observerNotes'
import { ROLE_ID_PATTERN } from '../workshop/rolePlay'
import {
  CASE_CARD_MAP,
  EXAMPLE_WORKSHEET_MAP,
  FOLLOW_UP_STEPS_MAP,
  COMMITMENTS_MAP,
  CONFIDENTIAL_COMMITMENTS_MAP,
  CONFIDENTIAL_CONTACTS_MAP,
  CONFIDENTIAL_DIALOGUE_EVALUATIONS_MAP,
  CONFIDENTIAL_DIALOGUE_PLANS_MAP,
  DIALOGUE_EVALUATIONS_MAP,
  DIALOGUE_PLANS_MAP,
  CONFIDENTIAL_LOG_MAP,
  ENGAGEMENT_STAGES_MAP,
  CONTACTS_MAP,
  FACILITATION_MAP,
  HANDS_ARRAY,
  type MapDocumentName,
  META_MAP,
  OBSERVER_NOTES_MAP,
  ROLE_BRIEFS_MAP,
  ROLE_PLAY_MAP,
  SELF_ASSESSMENTS_MAP,
  STAKEHOLDERS_MAP,
  TLDRAW_RECORDS_MAP,
  WORKSHOP_MAP,
} from './mapDocumentLayout'

/** What one key of a map (or one element of an array) may hold. */
export interface SlotShape {
  /** A plain value (string, number, boolean, null, JSON object or array). */
  value: boolean
  /** A nested Y.Map of this shape; null: no shared type allowed here. */
  map: MapShape | null
  /** Why a plain value may not go here, or null when it may; absent: every value may. */
  refuseValue?: (value: unknown) => string | null
}

/** A Y.Map: which keys it may hold and what each one may hold (null: key not allowed). */
export interface MapShape {
  /** Short description of the keys, for refusal reasons. */
  keys: string
  slot(key: string): SlotShape | null
}

/**
 * A root type: a Y.Map, or a Y.Array whose elements all fit one slot and of which at most
 * `maxLength` are live at once. (Concurrent inserts into one array cost Yjs time in
 * proportion to what is already there; a map's keys do not.)
 */
export type RootShape =
  { kind: 'map'; map: MapShape } | { kind: 'array'; item: SlotShape; maxLength: number }

/** The shape of every root of one document; roots not listed are refused. */
export type DocumentShape = Readonly<Record<string, RootShape>>

const VALUE: SlotShape = { value: true, map: null }

/** Most entries the raised-hands queue may hold. */
export const MAX_RAISED_HANDS = 500

/** A map whose keys match `pattern`, each holding `slot`. */
function keyedMap(keys: string, pattern: RegExp, slot: SlotShape): MapShape {
  return { keys, slot: (key) => (pattern.test(key) ? slot : null) }
}

/** A map of only the listed keys, each holding a plain value. */
function fixedKeys(names: readonly string[]): MapShape {
  return { keys: names.join('|'), slot: (key) => (names.includes(key) ? VALUE : null) }
}

/** tldraw record ids: `<type>:<id>` (document:document, page:…, shape:…, binding:…). */
const TLDRAW_ID = /^[A-Za-z_]{1,40}:[^\s]{1,300}$/
/** Keys of `meta`: short, without line breaks. */
const META_KEY = /^[^\n\r]{1,200}$/
/**
 * Keys of `workshop`: none any more. It held `score:<round>:<user>` and `vote:<vote>:<user>`,
 * readable and writable by anyone with the editor link; ballots now go to the server
 * (shared/protocol/ballotApi.ts), which removes those keys from a map it loads.
 */
const WORKSHOP_KEY = /(?!)/
/** Field names of a stored stakeholder record. */
const FIELD_KEY = /^[A-Za-z][A-Za-z0-9]{0,63}$/
/** Fields of a record that are Y.Maps of entries keyed by id. */
const ENTRY_MAP_FIELDS: readonly string[] = ['impacts', 'engagementLog']

/** Entries (impacts, log entries, contacts) keyed by their id, each a plain value. */
const ENTRIES: MapShape = keyedMap('entry id', STAKEHOLDER_ID_PATTERN, VALUE)
const ENTRIES_SLOT: SlotShape = { value: false, map: ENTRIES }

/** Contacts belong in the confidential document, never in a record of the map document. */
const CONFIDENTIAL_FIELDS: readonly string[] = ['contacts']

const STAKEHOLDER_RECORD: MapShape = {
  keys: 'field name',
  slot: (key) =>
    !FIELD_KEY.test(key) || CONFIDENTIAL_FIELDS.includes(key)
      ? null
      : ENTRY_MAP_FIELDS.includes(key)
        ? { value: true, map: ENTRIES }
        : VALUE,
}

/**
 * A dialogue record (dialogueDocument.ts): fields, `nested` a Y.Map of its own, `rules`
 * plain values with a rule of their own.
 */
function dialogueRecord(
  nested: Readonly<Record<string, MapShape>>,
  rules: Readonly<Record<string, SlotShape>> = {},
): MapShape {
  return {
    keys: 'field name',
    slot: (key) =>
      !FIELD_KEY.test(key)
        ? null
        : Object.hasOwn(nested, key)
          ? { value: false, map: nested[key]! }
          : Object.hasOwn(rules, key)
            ? rules[key]!
            : VALUE,
  }
}

/** Why a plan may not hold this level in the map document. */
export const CONFIDENTIAL_PLAN_REFUSAL = 'confidential plans belong in the confidential document'

/** A plan's confidentiality in the map document: any level but `confidential`. */
const MAP_PLAN_CONFIDENTIALITY: SlotShape = {
  value: true,
  map: null,
  refuseValue: (value) => (value === 'confidential' ? CONFIDENTIAL_PLAN_REFUSAL : null),
}

/** A stored engagement stage: one plain value that fits its schema (EngagementStage.ts). */
const ENGAGEMENT_STAGE_SLOT: SlotShape = {
  value: true,
  map: null,
  refuseValue: (value) =>
    migrateEngagementStage(value).ok ? null : 'not a valid engagement stage',
}

/** Who is invited to a plan, keyed by stakeholder id. */
const INVITED = keyedMap('stakeholder id', STAKEHOLDER_ID_PATTERN, VALUE)

/** A root of dialogue records by id, each of `record`'s shape. */
function dialogueRoot(record: MapShape): RootShape {
  return {
    kind: 'map',
    map: keyedMap('record id', STAKEHOLDER_ID_PATTERN, { value: false, map: record }),
  }
}

/** The map document's roots. */
export const MAP_DOCUMENT_SHAPE: DocumentShape = {
  [TLDRAW_RECORDS_MAP]: { kind: 'map', map: keyedMap('tldraw record id', TLDRAW_ID, VALUE) },
  [META_MAP]: { kind: 'map', map: keyedMap('setting name', META_KEY, VALUE) },
  [STAKEHOLDERS_MAP]: {
    kind: 'map',
    map: keyedMap('stakeholder id', STAKEHOLDER_ID_PATTERN, {
      value: true,
      map: STAKEHOLDER_RECORD,
    }),
  },
  // Legacy: the room refuses live content here anyway (addsLiveContentUnder).
  [CONTACTS_MAP]: {
    kind: 'map',
    map: keyedMap('stakeholder id', STAKEHOLDER_ID_PATTERN, { value: true, map: ENTRIES }),
  },
  [FACILITATION_MAP]: { kind: 'map', map: fixedKeys(FACILITATION_KEYS) },
  [WORKSHOP_MAP]: {
    kind: 'map',
    map: keyedMap('no key (ballots go to the server)', WORKSHOP_KEY, VALUE),
  },
  // One hand per participant; a workshop has a few dozen at most.
  [HANDS_ARRAY]: { kind: 'array', item: VALUE, maxLength: MAX_RAISED_HANDS },
  [DIALOGUE_PLANS_MAP]: dialogueRoot(
    dialogueRecord({ invited: INVITED }, { confidentiality: MAP_PLAN_CONFIDENTIALITY }),
  ),
  [COMMITMENTS_MAP]: dialogueRoot(dialogueRecord({})),
  [DIALOGUE_EVALUATIONS_MAP]: dialogueRoot(
    dialogueRecord({ elements: fixedKeys(DIALOGUE_ELEMENTS) }),
  ),
  // A card is one plain value; its brief is never here (confidential document).
  [ROLE_PLAY_MAP]: { kind: 'map', map: keyedMap('role id', ROLE_ID_PATTERN, VALUE) },
  [SELF_ASSESSMENTS_MAP]: dialogueRoot(dialogueRecord({ elements: fixedKeys(DIALOGUE_ELEMENTS) })),
  // One text per key; whose it is, the key says (checkObserverNotes.ts).
  [OBSERVER_NOTES_MAP]: {
    kind: 'map',
    map: keyedMap('round/observer/field', OBSERVER_NOTE_KEY_PATTERN, {
      value: true,
      map: null,
      refuseValue: refusedObserverNote,
    }),
  },
  [ENGAGEMENT_STAGES_MAP]: {
    kind: 'map',
    map: {
      keys: 'engagement stage code',
      slot: (key) => (isEngagementStageCode(key) ? ENGAGEMENT_STAGE_SLOT : null),
    },
  },
  [CASE_CARD_MAP]: { kind: 'map', map: fixedKeys(CASE_CARD_FIELDS) },
  [EXAMPLE_WORKSHEET_MAP]: { kind: 'map', map: fixedKeys(EXAMPLE_WORKSHEET_KEYS) },
  [FOLLOW_UP_STEPS_MAP]: { kind: 'map', map: fixedKeys(FOLLOW_UP_STEPS) },
}

/** The confidential document's roots. */
export const CONFIDENTIAL_DOCUMENT_SHAPE: DocumentShape = {
  [CONFIDENTIAL_CONTACTS_MAP]: {
    kind: 'map',
    map: keyedMap('stakeholder id', STAKEHOLDER_ID_PATTERN, ENTRIES_SLOT),
  },
  [CONFIDENTIAL_LOG_MAP]: {
    kind: 'map',
    map: keyedMap('stakeholder id', STAKEHOLDER_ID_PATTERN, ENTRIES_SLOT),
  },
  [ROLE_BRIEFS_MAP]: { kind: 'map', map: keyedMap('role id', ROLE_ID_PATTERN, VALUE) },
  [CONFIDENTIAL_DIALOGUE_PLANS_MAP]: dialogueRoot(dialogueRecord({ invited: INVITED })),
  [CONFIDENTIAL_COMMITMENTS_MAP]: dialogueRoot(dialogueRecord({})),
  [CONFIDENTIAL_DIALOGUE_EVALUATIONS_MAP]: dialogueRoot(
    dialogueRecord({ elements: fixedKeys(DIALOGUE_ELEMENTS) }),
  ),
}

/** The shape of one of a map's documents. */
export function documentShape(document: MapDocumentName): DocumentShape {
  return document === 'map' ? MAP_DOCUMENT_SHAPE : CONFIDENTIAL_DOCUMENT_SHAPE
}
