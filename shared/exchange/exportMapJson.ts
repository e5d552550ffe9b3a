import type * as Y from 'yjs'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  SELF_ASSESSMENT_LAYOUT,
  readDialoguePlans,
  readDialogueRecords,
  readPlanRecords,
} from '../document/dialogueDocument'
import { storedEngagementStages } from '../document/engagementStageDocument'
import { readStakeholders } from '../document/stakeholderDocument'
import { withoutContacts } from '../stakeholder/withoutContacts'
import { WORDING_KEYS } from './wordingKeys'
import { readStoredWording } from '../workshop/trainerWording'
import { EXCHANGE_LIMITS } from './exchangeLimits'
import { canonicalJson } from './canonicalJson'
import type { JsonObject, JsonValue } from './canonicalJson'
import { MAP_JSON_FORMAT, MAP_JSON_VERSION, TLDRAW_SCHEMA_KEY } from './mapJsonFormat'
import { META_MAP, TLDRAW_RECORDS_MAP } from '../document/mapDocumentLayout'
import type { MapJson } from './mapJsonFormat'
import { isCaseCardEmpty, readCaseCard } from '../workshop/caseCard'
import { readRolePlayFile } from './rolePlayFile'

/** Options for {@link exportMapJson}. */
export interface ExportMapJsonOptions {
  title: string
  /** ISO 8601 UTC timestamp of the export. */
  exportedAt: string
  /** Version-history metadata (from the server) to include as given. */
  history?: readonly unknown[]
  /**
   * The map's confidential document, to include contacts (personal data), confidential
   * engagement-log entries, dialogue plans marked confidential (with their commitments
   * and evaluations) and the role cards' private briefs; absent or null leaves
   * them out (the default).
   */
  confidential?: Y.Doc | null
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

function isRecord(value: JsonValue): value is JsonObject & { id: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    typeof value.id === 'string'
  )
}

/**
 * The whole map as a versioned, canonical JSON object (see `mapJsonFormat`): the same
 * document always gives the same value, and `JSON.stringify` of it the same text (use
 * `stringifyMapJson`). Records that fail validation in the document cannot be exported
 * faithfully and are left out; check `readStakeholders(doc).invalid` (and
 * `readDialogueRecords`) to warn.
 */
export function exportMapJson(doc: Y.Doc, options: ExportMapJsonOptions): MapJson {
  const confidential = options.confidential ?? null
  const includeContacts = confidential !== null
  const { stakeholders } = readStakeholders(doc, { confidential })
  const records = stakeholders
    .sort(byId)
    .map((stakeholder) => (includeContacts ? stakeholder : withoutContacts(stakeholder)))
  const depth = EXCHANGE_LIMITS.jsonDepth
  const tldrawRecords = [...doc.getMap<unknown>(TLDRAW_RECORDS_MAP).values()]
    .map((record) => canonicalJson(record, depth))
    .filter(isRecord)
    .sort(byId)
  const meta = doc.getMap<unknown>(META_MAP).toJSON() as Record<string, unknown>
  const { [TLDRAW_SCHEMA_KEY]: schema, ...otherMeta } = meta
  const map: MapJson = {
    format: MAP_JSON_FORMAT,
    version: MAP_JSON_VERSION,
    title: options.title,
    exportedAt: options.exportedAt,
    contactsIncluded: includeContacts,
    stakeholders: records,
    dialoguePlans: readDialoguePlans(doc, confidential).records,
    commitments: readPlanRecords(doc, COMMITMENT_LAYOUT, confidential).records,
    dialogueEvaluations: readPlanRecords(doc, DIALOGUE_EVALUATION_LAYOUT, confidential).records,
    selfAssessments: readDialogueRecords(doc, SELF_ASSESSMENT_LAYOUT).records,
    engagementStages: storedEngagementStages(doc),
    tldraw: { schema: canonicalJson(schema ?? null, depth), records: tldrawRecords },
    meta: canonicalJson(otherMeta, depth) as JsonObject,
    history: (options.history ?? []).map((entry) => canonicalJson(entry, depth)),
    ...readRolePlayFile(doc, confidential),
  }
  // Only a filled-in card: a map without one exports as it did before the card existed.
  const caseCard = readCaseCard(doc)
  if (!isCaseCardEmpty(caseCard)) map.caseCard = caseCard
  const wording: NonNullable<MapJson['wording']> = {}
  for (const [root, keys] of WORDING_KEYS) {
    const stored = readStoredWording(doc, root, keys)
    if (Object.keys(stored).length > 0) wording[root] = stored
  }
  if (Object.keys(wording).length > 0) map.wording = wording
  return canonicalJson(map, depth + 4) as unknown as MapJson
}

/** The export as text: two-space indented JSON with a final newline, stable for a value. */
export function stringifyMapJson(map: MapJson): string {
  return `${JSON.stringify(map, null, 2)}\n`
}
