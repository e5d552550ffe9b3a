import type * as Y from 'yjs'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  type DialogueRecordLayout,
  SELF_ASSESSMENT_LAYOUT,
  isConfidentialPlan,
  recordsMap,
  writeDialoguePlan,
  writeDialogueRecord,
  writePlanRecord,
} from '../document/dialogueDocument'
import type { DialogueEvaluation } from '../dialogue/DialogueEvaluation'
import {
  confidentialLogMap,
  contactsMap,
  holdsConfidentialData,
  stakeholdersMap,
  writeStakeholder,
} from '../document/stakeholderDocument'
import {
  engagementStagesMap,
  writeStoredEngagementStages,
} from '../document/engagementStageDocument'
import { exchangeError } from './exchangeLimits'
import type { ExchangeError } from './exchangeLimits'
import { validateStakeholder } from '../stakeholder/validateStakeholder'
import { TLDRAW_SCHEMA_KEY } from './mapJsonFormat'
import {
  META_MAP,
  OBSERVER_NOTES_MAP,
  ROLE_BRIEFS_MAP,
  ROLE_PLAY_MAP,
  TLDRAW_RECORDS_MAP,
} from '../document/mapDocumentLayout'
import { writeRolePlayFile } from './rolePlayFile'
import { chunkByStructs, estimatedStructs } from './chunkByStructs'
import type { ParsedMapJson } from './mapJsonFormat'
import { CASE_CARD_FIELDS, writeCaseCardField } from '../workshop/caseCard'
import { type WordingRoot, writeStoredWording } from '../workshop/trainerWording'

/** Structs a dialogue record costs at most: its map, its fields and nested map, an entry per
 * invited stakeholder or element. */
function dialogueRecordStructs(record: object): number {
  const invited = 'invited' in record && Array.isArray(record.invited) ? record.invited.length : 0
  return 45 + invited
}

/**
 * An evaluation as written over the socket: its elements' results left out (null), their
 * notes kept. The server refuses a result from any socket
 * (server/rooms/checkServerWrittenElementResult.ts); the client's import hands the file's
 * results to the server afterwards, which writes them marked as imported
 * (shared/protocol/importedResultsApi.ts, `resultsToImport`).
 */
export function withoutResults(evaluation: DialogueEvaluation): DialogueEvaluation {
  const elements = Object.fromEntries(
    Object.entries(evaluation.elements).map(([code, element]) => [
      code,
      { ...element, result: null },
    ]),
  ) as DialogueEvaluation['elements']
  return { ...evaluation, elements }
}

/** Outcome of {@link importMapJson}. */
export type ImportMapJsonResult = { ok: true } | { ok: false; errors: ExchangeError[] }

/** True when a parsed export holds what only the confidential document may hold. */
export function holdsConfidentialContent(parsed: ParsedMapJson): boolean {
  return (
    parsed.stakeholders.some(holdsConfidentialData) ||
    parsed.dialoguePlans.some(isConfidentialPlan) ||
    Object.keys(parsed.rolePlay.briefs).length > 0
  )
}

/**
 * Writes a parsed map export into an EMPTY map, in transactions small enough for the
 * server's per-update limit (chunkByStructs.ts):
 * stakeholders through `writeStakeholder` (contacts and confidential log entries into the
 * confidential document), plans through `writeDialoguePlan` (confidential ones into the
 * confidential document), commitments and evaluations through `writePlanRecord` (with their
 * plan; evaluations without their results, {@link withoutResults}), tldraw
 * records into `doc.getMap('tldraw')` keyed by id, the schema and metadata into
 * `doc.getMap('meta')`, phase 3 through `writeRolePlayFile`. Exporting the documents
 * afterwards gives the same JSON, but for the evaluations' results (see {@link withoutResults}). Refuses a
 * map that has content (importing is creating a map, never merging into one), and an
 * export with confidential data when `confidential` is null.
 */
export function importMapJson(
  doc: Y.Doc,
  parsed: ParsedMapJson,
  origin?: unknown,
  confidential: Y.Doc | null = null,
): ImportMapJsonResult {
  const tldraw = doc.getMap<unknown>(TLDRAW_RECORDS_MAP)
  const meta = doc.getMap<unknown>(META_MAP)
  const confidentialSize =
    confidential === null
      ? 0
      : contactsMap(confidential).size +
        confidentialLogMap(confidential).size +
        recordsMap(confidential, DIALOGUE_PLAN_LAYOUT).size +
        recordsMap(confidential, COMMITMENT_LAYOUT).size +
        recordsMap(confidential, DIALOGUE_EVALUATION_LAYOUT).size +
        confidential.getMap(ROLE_BRIEFS_MAP).size
  const dialogueSize =
    recordsMap(doc, DIALOGUE_PLAN_LAYOUT).size +
    recordsMap(doc, COMMITMENT_LAYOUT).size +
    recordsMap(doc, DIALOGUE_EVALUATION_LAYOUT).size +
    recordsMap(doc, SELF_ASSESSMENT_LAYOUT).size
  const stages =
    engagementStagesMap(doc).size +
    doc.getMap(ROLE_PLAY_MAP).size +
    doc.getMap(OBSERVER_NOTES_MAP).size
  if (
    stakeholdersMap(doc).size + tldraw.size + meta.size + confidentialSize + dialogueSize + stages >
    0
  ) {
    return {
      ok: false,
      errors: [exchangeError('map-not-empty', 'a map can only be imported into an empty map')],
    }
  }
  if (confidential === null && holdsConfidentialContent(parsed)) {
    return {
      ok: false,
      errors: [
        exchangeError(
          'confidential-not-allowed',
          'the file holds contacts, confidential log entries, confidential plans or role briefs, which only owners and facilitators may import',
        ),
      ],
    }
  }
  // Parsed records are valid; this check only matters for a `parsed` built by hand, and
  // keeps the import all or nothing.
  const errors = parsed.stakeholders.flatMap((stakeholder, index) =>
    validateStakeholder(stakeholder).ok
      ? []
      : [
          {
            ...exchangeError('invalid-record', 'invalid stakeholder'),
            path: `stakeholders[${index}]`,
          },
        ],
  )
  const kinds = [
    [DIALOGUE_PLAN_LAYOUT, parsed.dialoguePlans, 'dialoguePlans'],
    [COMMITMENT_LAYOUT, parsed.commitments, 'commitments'],
    [DIALOGUE_EVALUATION_LAYOUT, parsed.dialogueEvaluations, 'dialogueEvaluations'],
    [SELF_ASSESSMENT_LAYOUT, parsed.selfAssessments, 'selfAssessments'],
  ] as const
  for (const [layout, records, key] of kinds) {
    const validate = (layout as DialogueRecordLayout<{ id: string }>).validate
    records.forEach((record: unknown, index) => {
      if (!validate(record).ok) {
        errors.push({
          ...exchangeError('invalid-record', 'invalid record'),
          path: `${key}[${index}]`,
        })
      }
    })
  }
  if (errors.length > 0) return { ok: false, errors }
  // Several transactions, each small enough for the server's per-update limit: the
  // stakeholders in chunks, then the canvas records (one struct each) in chunks.
  for (const chunk of chunkByStructs(parsed.stakeholders, estimatedStructs)) {
    const write = () => {
      for (const stakeholder of chunk) writeStakeholder(doc, stakeholder, origin, confidential)
    }
    doc.transact(() => {
      if (confidential === null) write()
      else confidential.transact(write, origin)
    }, origin)
  }
  for (const [layout, records] of kinds) {
    const kind = layout as DialogueRecordLayout<{ id: string }>
    for (const chunk of chunkByStructs<object>(records, dialogueRecordStructs)) {
      const write = () => {
        for (const record of chunk) {
          if (kind === DIALOGUE_PLAN_LAYOUT)
            writeDialoguePlan(doc, record, { confidential, origin })
          else if (kind === COMMITMENT_LAYOUT) {
            writePlanRecord(doc, COMMITMENT_LAYOUT, record, { confidential, origin })
          } else if (kind === DIALOGUE_EVALUATION_LAYOUT) {
            const evaluation = withoutResults(record as DialogueEvaluation)
            writePlanRecord(doc, DIALOGUE_EVALUATION_LAYOUT, evaluation, { confidential, origin })
          } else writeDialogueRecord(doc, kind, record, origin)
        }
      }
      doc.transact(() => {
        if (confidential === null) write()
        else confidential.transact(write, origin)
      }, origin)
    }
  }
  const records = chunkByStructs(parsed.tldraw.records, () => 1)
  for (const [index, chunk] of (records.length > 0 ? records : [[]]).entries()) {
    doc.transact(() => {
      for (const record of chunk) tldraw.set(record.id as string, record)
      if (index > 0) return
      for (const [key, value] of Object.entries(parsed.meta)) meta.set(key, value)
      writeStoredEngagementStages(doc, parsed.engagementStages, origin)
      if (parsed.tldraw.schema !== null) meta.set(TLDRAW_SCHEMA_KEY, parsed.tldraw.schema)
    }, origin)
  }
  writeRolePlayFile(doc, parsed, origin, confidential)
  const caseCard = parsed.caseCard
  if (caseCard !== null) {
    doc.transact(() => {
      for (const field of CASE_CARD_FIELDS) {
        if (caseCard[field] !== '') writeCaseCardField(doc, field, caseCard[field], origin)
      }
    }, origin)
  }
  for (const [root, stored] of Object.entries(parsed.wording)) {
    writeStoredWording(doc, root as WordingRoot, stored, origin)
  }
  return { ok: true }
}
