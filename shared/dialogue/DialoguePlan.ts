/**
 * The dialogue plan: phase 2's worksheet of the SER workshop, and a company's real plan for
 * a dialogue with the stakeholders it affects. What it settles follows the OECD guidance on
 * meaningful engagement: the goal and why now, who takes part (rightsholders, or their
 * legitimate representatives), the due-diligence step and engagement stage, form, place,
 * language, barriers and how they are lowered, safety, what is shared beforehand, who speaks
 * for the company with what mandate, and how input is used and fed back.
 *
 * Defined once, as the valibot schema below; the type is inferred from it. Adding a field:
 * the schema here, a migration step (`migrateDialogueRecords.ts`), the layout if it is not a
 * plain value (`dialogueDocument.ts`), and its name in each language.
 */
import * as v from 'valibot'
import {
  idSchema,
  isoDate,
  list,
  listWithIds,
  longText,
  oneOf,
  oneOfOrNull,
  record,
  schemaVersion,
  shortText,
  timestamp,
} from '../stakeholder/recordSchemaRules'
import { CONFIDENTIALITY_LEVELS, DUE_DILIGENCE_STEPS } from '../stakeholder/stakeholderVocabulary'
import {
  BARRIER_KINDS,
  DIALOGUE_FORMATS,
  DIALOGUE_LIMITS,
  DIALOGUE_PLAN_SCHEMA_VERSION,
  DIALOGUE_PLAN_STATUSES,
} from './dialogueVocabulary'

/**
 * A stakeholder invited to the dialogue. A rightsholder who cannot attend may be spoken for
 * by a legitimate representative, itself a stakeholder of the map (`representedBy`).
 */
export const invitationSchema = record({
  stakeholderId: idSchema,
  /** The stakeholder that attends on this one's behalf; null when it attends itself. */
  representedBy: v.nullable(idSchema),
})
/** See {@link invitationSchema}. */
export type Invitation = v.InferOutput<typeof invitationSchema>

/** A barrier to taking part, and how the plan lowers it. */
export const barrierSchema = record({
  kind: oneOf(BARRIER_KINDS),
  /** Who meets it and how, e.g. "women pickers cannot travel to the town hall". */
  description: longText(),
  /** How it is lowered, e.g. "meeting in the village, women-only session". */
  howLowered: longText(),
})
/** See {@link barrierSchema}. */
export type Barrier = v.InferOutput<typeof barrierSchema>

/** A dialogue plan, schema version {@link DIALOGUE_PLAN_SCHEMA_VERSION}. */
export const dialoguePlanSchema = record({
  schemaVersion: schemaVersion(DIALOGUE_PLAN_SCHEMA_VERSION, 'migrateDialoguePlan'),
  id: idSchema,
  /** A short name for lists, e.g. "Living income, cooperative Soubré". */
  title: shortText(),
  status: oneOf(DIALOGUE_PLAN_STATUSES),
  goal: longText(),
  whyNow: longText(),
  /** Unique by stakeholder. */
  invited: listWithIds(invitationSchema, DIALOGUE_LIMITS.invited, 'stakeholderId'),
  /** The OECD due-diligence step the dialogue serves; null while not decided. */
  dueDiligenceStep: oneOfOrNull(DUE_DILIGENCE_STEPS),
  /**
   * The engagement stage (CSDDD art. 13), a code of the map's configurable list (default
   * `DEFAULT_ENGAGEMENT_STAGES`); null while not decided.
   */
  engagementStage: v.nullable(idSchema),
  format: oneOfOrNull(DIALOGUE_FORMATS),
  place: shortText(),
  /** ISO calendar date; null while not set. */
  date: v.nullable(isoDate()),
  language: shortText(),
  /** Who interprets, between which languages; empty when none is needed. */
  interpretation: shortText(),
  barriers: list(barrierSchema, DIALOGUE_LIMITS.barriers),
  /** The barrier assessment as a whole, e.g. why no barriers are expected. */
  barrierAssessment: longText(),
  /** Risks for the participants (retaliation, privacy) and how they are protected. */
  safety: longText(),
  confidentiality: oneOf(CONFIDENTIALITY_LEVELS),
  /** What information is shared beforehand. */
  informationBeforehand: longText(),
  /** In which form, e.g. "printed summary in Baoulé, read out at the meeting". */
  informationForm: shortText(),
  /** Who attends for the company (roles rather than names: this is not the contacts list). */
  companyAttendees: longText(),
  /** What they may decide or promise in the dialogue. */
  companyMandate: longText(),
  /** How the stakeholders' input will be used. */
  inputUse: longText(),
  /** How and when the stakeholders hear back: the feedback step. */
  feedback: longText(),
  notes: longText(),
  createdAt: timestamp(),
  updatedAt: timestamp(),
})
/** A dialogue plan, schema version {@link DIALOGUE_PLAN_SCHEMA_VERSION}. */
export type DialoguePlan = v.InferOutput<typeof dialoguePlanSchema>

/** Every key of a current plan, in the schema's order. */
export const DIALOGUE_PLAN_KEYS = Object.keys(
  dialoguePlanSchema.entries,
) as readonly (keyof DialoguePlan)[]
