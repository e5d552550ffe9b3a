/**
 * Where stakeholders' answers to confirmation links live in a map's documents: the root
 * `stakeholderAnswers` (mapDocumentLayout.ts), stakeholder id → Y.Map of
 * `<entry id>/<link id>` → {@link StakeholderAnswer}. An answer to an entry of the map
 * document goes into the map document; an answer to a confidential entry into the
 * confidential document, so it reaches only those who may read the entry.
 *
 * Only the server writes here (the root is not among the roots clients may change, so their
 * updates touching it are refused), and restores leave it alone: evidence stays.
 */
import * as Y from 'yjs'
import type { StakeholderAnswer } from '../confirmation/stakeholderAnswer'
import { STAKEHOLDER_ANSWERS_MAP } from './mapDocumentLayout'

/** The answers of the stakeholder `stakeholderId` in `doc`, by `<entry id>/<link id>`. */
function answersOf(doc: Y.Doc, stakeholderId: string): Y.Map<StakeholderAnswer> | undefined {
  const held = doc.getMap<unknown>(STAKEHOLDER_ANSWERS_MAP).get(stakeholderId)
  return held instanceof Y.Map ? (held as Y.Map<StakeholderAnswer>) : undefined
}

/** Stores `answer` in `doc` (the server's; call inside its transaction). */
export function putStakeholderAnswer(doc: Y.Doc, answer: StakeholderAnswer): void {
  const root = doc.getMap<unknown>(STAKEHOLDER_ANSWERS_MAP)
  let answers = answersOf(doc, answer.stakeholderId)
  if (answers === undefined) {
    answers = new Y.Map<StakeholderAnswer>()
    root.set(answer.stakeholderId, answers)
  }
  answers.set(`${answer.entryId}/${answer.linkId}`, answer)
}

/**
 * The answers to one entry, oldest first, from the map document and (for roles that have
 * it) the confidential document.
 */
export function readStakeholderAnswers(
  docs: readonly (Y.Doc | null)[],
  stakeholderId: string,
  entryId: string,
): StakeholderAnswer[] {
  const found: StakeholderAnswer[] = []
  for (const doc of docs) {
    if (doc === null) continue
    answersOf(doc, stakeholderId)?.forEach((answer, key) => {
      if (key.startsWith(`${entryId}/`) && typeof answer === 'object' && answer !== null) {
        found.push(answer)
      }
    })
  }
  return found.sort((a, b) =>
    a.answeredAt < b.answeredAt ? -1 : a.answeredAt > b.answeredAt ? 1 : 0,
  )
}
