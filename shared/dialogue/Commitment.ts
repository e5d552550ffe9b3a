/**
 * A commitment: what the company promised a stakeholder in a dialogue, and whether it kept
 * the promise. Following through is what makes engagement meaningful (OECD), and what a
 * company must be able to show. Defined once, as the valibot schema below.
 *
 * A dropped commitment needs its reason (`droppedReason`), so the record says why a promise
 * was not kept; the reason is kept when the status changes again.
 */
import * as v from 'valibot'
import {
  idSchema,
  isoDate,
  longText,
  oneOf,
  record,
  says,
  schemaVersion,
  shortText,
  timestamp,
} from '../stakeholder/recordSchemaRules'
import { COMMITMENT_SCHEMA_VERSION, COMMITMENT_STATUSES } from './dialogueVocabulary'

const commitmentRecordSchema = record({
  schemaVersion: schemaVersion(COMMITMENT_SCHEMA_VERSION, 'migrateCommitment'),
  id: idSchema,
  /** The stakeholder the promise was made to. */
  stakeholderId: idSchema,
  /** The dialogue plan it was made in; null when made outside a planned dialogue. */
  dialogueId: v.nullable(idSchema),
  /** What was promised. */
  what: longText(),
  /** Who at the company keeps it (a role or a name). */
  owner: shortText(),
  /** ISO calendar date; null when no date was promised. */
  dueDate: v.nullable(isoDate()),
  status: oneOf(COMMITMENT_STATUSES),
  droppedReason: longText(),
  /** What shows it was kept: a document, a decision, a visit. */
  evidence: longText(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
})

/** A commitment, schema version {@link COMMITMENT_SCHEMA_VERSION}. */
export const commitmentSchema = v.pipe(
  commitmentRecordSchema,
  v.rawCheck(({ dataset, addIssue }) => {
    const value = dataset.value as { status?: unknown; droppedReason?: unknown }
    if (value.status !== 'dropped' || typeof value.droppedReason !== 'string') return
    if (value.droppedReason.trim() !== '') return
    addIssue({
      message: says('empty'),
      path: [
        {
          type: 'object',
          origin: 'value',
          input: value as Record<string, unknown>,
          key: 'droppedReason',
          value: value.droppedReason,
        },
      ],
    })
  }),
)
/** A commitment, schema version {@link COMMITMENT_SCHEMA_VERSION}. */
export type Commitment = v.InferOutput<typeof commitmentSchema>

/** Every key of a current commitment, in the schema's order. */
export const COMMITMENT_KEYS = Object.keys(
  commitmentRecordSchema.entries,
) as readonly (keyof Commitment)[]
