/**
 * How dialogue plans, commitments and dialogue evaluations live in a map's Y.Docs, for the
 * client, the server and the tests alike.
 *
 * Layout, like the stakeholders' (stakeholderDocument.ts): each kind has a root Y.Map
 * (`dialoguePlans`, `commitments`, `dialogueEvaluations`) of record id → Y.Map of the
 * record's fields, each field under its own key, so that a group filling in one worksheet
 * together keeps every person's edit of a different field. Two fields are Y.Maps of their
 * own, so entries added at once are all kept: a plan's `invited`, keyed by stakeholder id
 * (read in stakeholder-id order), and an evaluation's `elements`, keyed by element code.
 * Every other field is a plain value, replaced whole (a plan's barriers among them).
 *
 * Where: in the map document, which every role receives; except a plan whose
 * confidentiality is `confidential`, which lives in the confidential document's
 * `dialoguePlans` root (same layout), which only owners and facilitators receive. Plans are
 * read and written with {@link readDialoguePlans}, {@link writeDialoguePlan} and
 * {@link deleteDialoguePlan}, given the confidential document or null for a role that has
 * none: the write puts a plan where its level says and moves it when the level changes (the
 * target is written first, then the other document's copy deleted, so a moving plan is for
 * a moment in both, never in neither; readers take the confidential copy). Without the
 * confidential document a confidential plan is refused (an error value, code
 * `confidential`: nothing is written). The generic record functions below work on one
 * document and do not look at a plan's level.
 *
 * Commitments and evaluations follow their plan (`dialogueId`): those of a plan in the
 * confidential document live in that document's roots of the same names, since their text
 * says what was promised to whom in the dialogue and how it went. They are read with
 * {@link readPlanRecords} and written with {@link writePlanRecord}, which looks up where the
 * plan is. A plan that changes document takes its commitments along ({@link writeDialoguePlan});
 * its evaluations, whose results only the server writes, the server moves when the plan
 * arrives (server/rooms/PlanRecordMover.ts, with {@link moveRecordsOfPlan}). One
 * without a plan (a role play's evaluation, a commitment on its own) is in the map document.
 *
 * Reading validates with the shared model; writing validates first and sets only what
 * differs. Derived values (overdue, alerts) are never written.
 */
import * as Y from 'yjs'
import type { Commitment } from '../dialogue/Commitment'
import type { DialogueEvaluation } from '../dialogue/DialogueEvaluation'
import type { DialoguePlan } from '../dialogue/DialoguePlan'
import {
  validateCommitment,
  validateDialogueEvaluation,
  validateDialoguePlan,
} from '../dialogue/validateDialogueRecords'
import type { RecordValidationResult } from '../stakeholder/recordValidator'
import type { CodedValidationError } from '../stakeholder/validationError'
import { validationError } from '../stakeholder/validationError'
import { childMap, copyDialogueRecord } from './copyDialogueRecord'
import {
  COMMITMENTS_MAP,
  DIALOGUE_EVALUATIONS_MAP,
  DIALOGUE_PLANS_MAP,
  SELF_ASSESSMENTS_MAP,
} from './mapDocumentLayout'
import type { SelfAssessment } from '../selfAssessment/SelfAssessment'
import { migrateSelfAssessment } from '../selfAssessment/migrateSelfAssessment'

/** Where one kind of record lives and how it is checked. */
export interface DialogueRecordLayout<T extends { id: string }> {
  /** The root Y.Map (of the map document; plans: of the confidential document too). */
  readonly root: string
  /** A field kept as a Y.Map: a list keyed by one of its items' fields, or an object. */
  readonly nested: { field: string; listKey: string | null } | null
  readonly validate: (input: unknown) => RecordValidationResult<T>
}

/** Dialogue plans; `invited` keyed by stakeholder id. */
export const DIALOGUE_PLAN_LAYOUT: DialogueRecordLayout<DialoguePlan> = {
  root: DIALOGUE_PLANS_MAP,
  nested: { field: 'invited', listKey: 'stakeholderId' },
  validate: validateDialoguePlan,
}
/** Commitments: plain fields only. */
export const COMMITMENT_LAYOUT: DialogueRecordLayout<Commitment> = {
  root: COMMITMENTS_MAP,
  nested: null,
  validate: validateCommitment,
}
/** Dialogue evaluations; `elements` keyed by element code. */
export const DIALOGUE_EVALUATION_LAYOUT: DialogueRecordLayout<DialogueEvaluation> = {
  root: DIALOGUE_EVALUATIONS_MAP,
  nested: { field: 'elements', listKey: null },
  validate: validateDialogueEvaluation,
}

/**
 * Self-assessments (selfAssessmentDocument.ts); `elements` keyed by element code. Read
 * through the migration.
 */
export const SELF_ASSESSMENT_LAYOUT: DialogueRecordLayout<SelfAssessment> = {
  root: SELF_ASSESSMENTS_MAP,
  nested: { field: 'elements', listKey: null },
  validate: migrateSelfAssessment,
}

/** The root Y.Map of one kind of record. */
export function recordsMap(doc: Y.Doc, layout: DialogueRecordLayout<{ id: string }>) {
  return doc.getMap<Y.Map<unknown>>(layout.root)
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The record as stored, before validation (what a peer wrote may be anything). */
function assemble(fields: Y.Map<unknown>, layout: DialogueRecordLayout<{ id: string }>) {
  const record: Record<string, unknown> = {}
  fields.forEach((value, key) => {
    if (key !== layout.nested?.field) record[key] = value
  })
  const nested = layout.nested
  if (nested !== null) {
    const map = fields.get(nested.field)
    if (map instanceof Y.Map) {
      const entries = [...(map as Y.Map<unknown>).entries()].sort(([a], [b]) => compareText(a, b))
      record[nested.field] =
        nested.listKey === null ? Object.fromEntries(entries) : entries.map(([, value]) => value)
    } else if (map !== undefined) record[nested.field] = map
  }
  return record
}

/** Reads one record, validated; `null` when there is no such id. */
export function readDialogueRecord<T extends { id: string }>(
  doc: Y.Doc,
  layout: DialogueRecordLayout<T>,
  id: string,
): RecordValidationResult<T> | null {
  const fields = recordsMap(doc, layout).get(id)
  if (!(fields instanceof Y.Map)) return null
  return layout.validate(assemble(fields, layout))
}

/** All records of one kind: the valid ones in id order, and the ids that failed validation. */
export interface DialogueRecordReadout<T> {
  records: T[]
  invalid: { id: string; errors: CodedValidationError[] }[]
}

/** Reads every record of one kind. */
export function readDialogueRecords<T extends { id: string }>(
  doc: Y.Doc,
  layout: DialogueRecordLayout<T>,
): DialogueRecordReadout<T> {
  const result: DialogueRecordReadout<T> = { records: [], invalid: [] }
  const ids = [...recordsMap(doc, layout).keys()].sort(compareText)
  for (const id of ids) {
    const read = readDialogueRecord(doc, layout, id)
    if (read === null) {
      const notARecord = { code: 'not-an-object', params: {}, message: 'is not a record' } as const
      result.invalid.push({ id, errors: [validationError('', notARecord)] })
    } else if (!read.ok) result.invalid.push({ id, errors: read.errors })
    else result.records.push(read.value)
  }
  return result
}

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b)
}

function setIfChanged(map: Y.Map<unknown>, key: string, value: unknown) {
  if (!sameValue(map.get(key), value)) map.set(key, value)
}

/** Outcome of a write: the stored record, or why nothing was written. */
export type DialogueWriteResult<T> =
  { ok: true; value: T } | { ok: false; errors: CodedValidationError[] }

/**
 * Validates `input` and stores it, creating the record or setting only the fields (and the
 * nested entries) that differ from what is stored.
 */
export function writeDialogueRecord<T extends { id: string }>(
  doc: Y.Doc,
  layout: DialogueRecordLayout<T>,
  input: unknown,
  origin?: unknown,
): DialogueWriteResult<T> {
  const validated = layout.validate(input)
  if (!validated.ok) return validated
  const record = validated.value as Record<string, unknown> & { id: string }
  const nested = layout.nested
  doc.transact(() => {
    const all = recordsMap(doc, layout)
    let fields = all.get(record.id)
    if (!(fields instanceof Y.Map)) {
      fields = new Y.Map<unknown>()
      all.set(record.id, fields)
    }
    for (const [key, value] of Object.entries(record)) {
      if (key !== nested?.field) setIfChanged(fields, key, value)
    }
    if (nested === null) return
    const value = record[nested.field]
    const wanted = new Map<string, unknown>(
      nested.listKey === null
        ? Object.entries(value as Record<string, unknown>)
        : (value as Record<string, unknown>[]).map((item) => [
            item[nested.listKey!] as string,
            item,
          ]),
    )
    let map = fields.get(nested.field)
    if (!(map instanceof Y.Map)) {
      map = new Y.Map<unknown>()
      fields.set(nested.field, map)
    }
    const entries = map as Y.Map<unknown>
    for (const key of [...entries.keys()]) if (!wanted.has(key)) entries.delete(key)
    for (const [key, item] of wanted) setIfChanged(entries, key, item)
  }, origin)
  return { ok: true, value: validated.value }
}

/** Removes one record; answers whether there was one. */
export function deleteDialogueRecord(
  doc: Y.Doc,
  layout: DialogueRecordLayout<{ id: string }>,
  id: string,
  origin?: unknown,
): boolean {
  const all = recordsMap(doc, layout)
  if (!all.has(id)) return false
  doc.transact(() => all.delete(id), origin)
  return true
}

/** True for a plan that only roles with the confidential document may read. */
export function isConfidentialPlan(plan: { confidentiality: string }): boolean {
  return plan.confidentiality === 'confidential'
}

/** The error value of a plan write that needs the confidential document it was not given. */
function needsConfidentialDocument(): { ok: false; errors: CodedValidationError[] } {
  return {
    ok: false,
    errors: [validationError('confidentiality', { code: 'confidential', params: {} })],
  }
}

/**
 * Reads one plan, from the confidential document first (given one), then the map
 * document; `null` when neither has it.
 */
export function readDialoguePlan(
  doc: Y.Doc,
  id: string,
  confidential: Y.Doc | null,
): RecordValidationResult<DialoguePlan> | null {
  const secret =
    confidential === null ? null : readDialogueRecord(confidential, DIALOGUE_PLAN_LAYOUT, id)
  return secret ?? readDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, id)
}

/**
 * Every record of one kind in both documents (the confidential one only when given), in id
 * order. A record in both (moving between them) counts once, as its confidential copy.
 */
function readBothDocuments<T extends { id: string }>(
  doc: Y.Doc,
  layout: DialogueRecordLayout<T>,
  confidential: Y.Doc | null,
): DialogueRecordReadout<T> {
  const shared = readDialogueRecords(doc, layout)
  if (confidential === null) return shared
  const secret = readDialogueRecords(confidential, layout)
  const secretIds = new Set(recordsMap(confidential, layout).keys())
  const byId = (a: { id: string }, b: { id: string }) => compareText(a.id, b.id)
  const records = [...shared.records.filter(({ id }) => !secretIds.has(id)), ...secret.records]
  const invalid = [...shared.invalid.filter(({ id }) => !secretIds.has(id)), ...secret.invalid]
  return { records: records.sort(byId), invalid: invalid.sort(byId) }
}

/**
 * Every plan of the map: the map document's and, given it, the confidential document's, in
 * id order. A plan in both (moving between them) counts once, as its confidential copy.
 */
export function readDialoguePlans(
  doc: Y.Doc,
  confidential: Y.Doc | null,
): DialogueRecordReadout<DialoguePlan> {
  return readBothDocuments(doc, DIALOGUE_PLAN_LAYOUT, confidential)
}

/** Options of the plan functions. */
export interface DialoguePlanOptions {
  /** The map's confidential document; null or absent for a role that has none. */
  confidential?: Y.Doc | null
  /** Origin of the transactions (a client's own writes). */
  origin?: unknown
}

/**
 * Validates `input` and stores it in the document its confidentiality says (see the
 * module): a `confidential` plan in `options.confidential`, refused without it; any other
 * in the map document. A plan whose level changed is written to its new document and then
 * deleted from the other one.
 */
export function writeDialoguePlan(
  doc: Y.Doc,
  input: unknown,
  options: DialoguePlanOptions = {},
): DialogueWriteResult<DialoguePlan> {
  const validated = validateDialoguePlan(input)
  if (!validated.ok) return validated
  const plan = validated.value
  const confidential = options.confidential ?? null
  const secret = isConfidentialPlan(plan)
  if (secret && confidential === null) return needsConfidentialDocument()
  const [target, other] = secret ? [confidential!, doc] : [doc, confidential]
  const written = writeDialogueRecord(target, DIALOGUE_PLAN_LAYOUT, plan, options.origin)
  if (written.ok && other !== null) {
    // Its evaluations the server moves (their results are the server's): PlanRecordMover.
    moveRecordsOfPlan(other, target, plan.id, options.origin, [COMMITMENT_LAYOUT])
    deleteDialogueRecord(other, DIALOGUE_PLAN_LAYOUT, plan.id, options.origin)
  }
  return written
}

/** The kinds of record that belong to a plan through their `dialogueId`. */
export const PLAN_RECORD_LAYOUTS = [COMMITMENT_LAYOUT, DIALOGUE_EVALUATION_LAYOUT] as const

/** Ids of the records of `layout` in `doc` that belong to plan `planId`, valid or not. */
function idsOfPlan(doc: Y.Doc, layout: DialogueRecordLayout<{ id: string }>, planId: string) {
  const ids: string[] = []
  recordsMap(doc, layout).forEach((fields, id) => {
    if (fields instanceof Y.Map && fields.get('dialogueId') === planId) ids.push(id)
  })
  return ids
}

/**
 * Moves the commitments and evaluations (or only the kinds in `layouts`) of plan `planId`
 * from `from` to `to`, as they are stored (copied first, then deleted, as a plan moves).
 * Answers how many moved.
 */
export function moveRecordsOfPlan(
  from: Y.Doc,
  to: Y.Doc,
  planId: string,
  origin?: unknown,
  layouts: readonly DialogueRecordLayout<{ id: string }>[] = PLAN_RECORD_LAYOUTS,
) {
  const moving = layouts.map((layout) => ({
    layout,
    ids: idsOfPlan(from, layout, planId),
  }))
  const count = moving.reduce((sum, { ids }) => sum + ids.length, 0)
  if (count === 0) return 0
  to.transact(() => {
    for (const { layout, ids } of moving) {
      const source = recordsMap(from, layout)
      const target = recordsMap(to, layout) as unknown as Y.Map<unknown>
      for (const id of ids) copyDialogueRecord(source.get(id)!, childMap(target, id))
    }
  }, origin)
  from.transact(() => {
    for (const { layout, ids } of moving) for (const id of ids) recordsMap(from, layout).delete(id)
  }, origin)
  return count
}

/** True when plan `planId` lives in `confidential` (so its records do too). */
export function isConfidentialPlanId(confidential: Y.Doc | null, planId: string | null): boolean {
  return (
    confidential !== null &&
    planId !== null &&
    recordsMap(confidential, DIALOGUE_PLAN_LAYOUT).has(planId)
  )
}

/** A commitment or an evaluation: a record that may belong to a plan. */
type PlanRecord = { id: string; dialogueId: string | null }

/**
 * Reads one commitment or evaluation, from the confidential document first (given one),
 * then the map document; `null` when neither has it.
 */
export function readPlanRecord<T extends PlanRecord>(
  doc: Y.Doc,
  layout: DialogueRecordLayout<T>,
  id: string,
  confidential: Y.Doc | null,
): RecordValidationResult<T> | null {
  const secret = confidential === null ? null : readDialogueRecord(confidential, layout, id)
  return secret ?? readDialogueRecord(doc, layout, id)
}

/** Every commitment or evaluation of the map, from both documents (see readDialoguePlans). */
export function readPlanRecords<T extends PlanRecord>(
  doc: Y.Doc,
  layout: DialogueRecordLayout<T>,
  confidential: Y.Doc | null,
): DialogueRecordReadout<T> {
  return readBothDocuments(doc, layout, confidential)
}

/**
 * Validates a commitment or evaluation and stores it with its plan: in the confidential
 * document when its plan is there, else in the map document; deleted from the other one
 * if it was there (its plan moved while this person's copy did not yet know).
 */
export function writePlanRecord<T extends PlanRecord>(
  doc: Y.Doc,
  layout: DialogueRecordLayout<T>,
  input: unknown,
  options: DialoguePlanOptions = {},
): DialogueWriteResult<T> {
  const validated = layout.validate(input)
  if (!validated.ok) return validated
  const record = validated.value
  const confidential = options.confidential ?? null
  const secret = isConfidentialPlanId(confidential, record.dialogueId)
  const [target, other] = secret ? [confidential!, doc] : [doc, confidential]
  const written = writeDialogueRecord(target, layout, record, options.origin)
  if (written.ok && other !== null) deleteDialogueRecord(other, layout, record.id, options.origin)
  return written
}

/** Removes a commitment or evaluation from both documents; answers whether there was one. */
export function deletePlanRecord(
  doc: Y.Doc,
  layout: DialogueRecordLayout<{ id: string }>,
  id: string,
  options: DialoguePlanOptions = {},
): boolean {
  const confidential = options.confidential ?? null
  const secret =
    confidential !== null && deleteDialogueRecord(confidential, layout, id, options.origin)
  const shared = deleteDialogueRecord(doc, layout, id, options.origin)
  return secret || shared
}

/**
 * Removes a plan from both documents (the confidential one only when given); answers
 * whether there was one.
 */
export function deleteDialoguePlan(
  doc: Y.Doc,
  id: string,
  options: DialoguePlanOptions = {},
): boolean {
  const confidential = options.confidential ?? null
  const secret =
    confidential !== null &&
    deleteDialogueRecord(confidential, DIALOGUE_PLAN_LAYOUT, id, options.origin)
  const shared = deleteDialogueRecord(doc, DIALOGUE_PLAN_LAYOUT, id, options.origin)
  return secret || shared
}

/**
 * Every valid dialogue record of the map, by kind, as the exports list them: from the map
 * document and, given it, the confidential document (readDialoguePlans, readPlanRecords).
 */
export function readMapDialogues(
  doc: Y.Doc,
  confidential: Y.Doc | null,
): {
  plans: DialoguePlan[]
  commitments: Commitment[]
  evaluations: DialogueEvaluation[]
  selfAssessments: SelfAssessment[]
} {
  return {
    plans: readDialoguePlans(doc, confidential).records,
    commitments: readPlanRecords(doc, COMMITMENT_LAYOUT, confidential).records,
    evaluations: readPlanRecords(doc, DIALOGUE_EVALUATION_LAYOUT, confidential).records,
    selfAssessments: readDialogueRecords(doc, SELF_ASSESSMENT_LAYOUT).records,
  }
}
