/**
 * A round of evaluating a dialogue (phase 4 of the SER workshop): the facilitator opens it
 * for one dialogue evaluation (`evaluation` in the `facilitation` root; the record is a
 * `DialogueEvaluation`, shared/dialogue/DialogueEvaluation.ts); each participant hands the
 * server a ballot of the nine SER elements, each 1–5 or not scored (ballots.ts
 * `ElementBallot`, never into the shared document); the server writes how many have scored
 * (`facilitation.ballotCount`), and at the reveal writes each element's result (median,
 * min, max, count, disagreement: aggregateElementRatings.ts) into the round and into the
 * evaluation's `elements[code].result`, then deletes the ballots. As in a scoring round
 * (privateScoring.ts), no one, the facilitator included, can read another's scores.
 */
import { type ElementResult, elementResultSchema } from '../dialogue/DialogueEvaluation'
import { DIALOGUE_ELEMENTS, type DialogueElement } from '../dialogue/dialogueVocabulary'
import * as v from 'valibot'
import { readSubmittedCount } from './ballots'
import { isPlainObject } from './plainValues'
import { evaluationRoundId } from './workshopIds'

/** Every element's revealed result. */
export type ElementResults = Record<DialogueElement, ElementResult>

/** An open or revealed round of evaluating one dialogue evaluation record. */
export interface EvaluationRound {
  id: string
  /** The `DialogueEvaluation` record the result goes into. */
  evaluationId: string
  status: 'open' | 'revealed'
  openedAt: number
  /** How many people have scored; written by the server at the reveal. */
  submitted?: number
  /** Every element's result once revealed; written by the server. */
  result?: ElementResults | null
}

/** A round's result read back from the document; anything malformed reads as none. */
export function readElementResults(value: unknown): ElementResults | null {
  if (!isPlainObject(value)) return null
  const result = {} as ElementResults
  for (const element of DIALOGUE_ELEMENTS) {
    const parsed = v.safeParse(elementResultSchema, value[element])
    if (!parsed.success) return null
    result[element] = parsed.output
  }
  return result
}

/** Reads the stored round; anything malformed reads as no round. */
export function readEvaluationRound(value: unknown): EvaluationRound | null {
  if (
    !isPlainObject(value) ||
    typeof value.id !== 'string' ||
    typeof value.evaluationId !== 'string' ||
    (value.status !== 'open' && value.status !== 'revealed')
  )
    return null
  return {
    id: value.id,
    evaluationId: value.evaluationId,
    status: value.status,
    openedAt: typeof value.openedAt === 'number' ? value.openedAt : 0,
    submitted: readSubmittedCount(value.submitted),
    result: readElementResults(value.result),
  }
}

/** A new round of evaluating the record `evaluationId`, opened at server time `now`. */
export function openEvaluationRound(evaluationId: string, now: number): EvaluationRound {
  return { id: evaluationRoundId(now), evaluationId, status: 'open', openedAt: now }
}
