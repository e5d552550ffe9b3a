/**
 * Commitments and evaluations follow their plan (shared/document/dialogueDocument.ts): those
 * of a plan in the confidential document live there too, never in the map document, which
 * every role receives. A new `dialogueId` under the map document's `commitments` or
 * `dialogueEvaluations` that names a plan the confidential document holds is refused, so no
 * socket (an editor's who learnt a plan's id, an old copy of an owner's) can put text about a
 * confidential dialogue where viewers receive it.
 *
 * The confidential document is known when it is loaded on this node (an owner or
 * facilitator is connected, or the server acts on it); otherwise no one who could move such
 * a record is here, and a record written meanwhile is moved out when the map is next loaded
 * (LoadedRooms, moveConfidentialContent.ts).
 */
import * as Y from 'yjs'
import {
  COMMITMENTS_MAP,
  CONFIDENTIAL_DIALOGUE_PLANS_MAP,
  DIALOGUE_EVALUATIONS_MAP,
} from '../../shared/document/mapDocumentLayout'
import type { ItemCheck } from './checkUpdateShape'

/** Why such a record is refused in the map document. */
export const CONFIDENTIAL_PLAN_RECORD_REFUSAL =
  'commitments and evaluations of a confidential plan belong in the confidential document'

const PLAN_RECORD_ROOTS: readonly string[] = [COMMITMENTS_MAP, DIALOGUE_EVALUATIONS_MAP]

/** The check of new Items of the map document; `confidential` when loaded here, else null. */
export function checkPlanRecordHome(confidential: () => Y.Doc | null): ItemCheck {
  return (location, item) => {
    if (!PLAN_RECORD_ROOTS.includes(location.root)) return null
    if (location.path.length !== 1 || location.key !== 'dialogueId') return null
    if (!(item.content instanceof Y.ContentAny)) return null
    const secret = confidential()
    if (secret === null) return null
    const plans = secret.getMap<unknown>(CONFIDENTIAL_DIALOGUE_PLANS_MAP)
    for (const value of item.content.arr) {
      if (typeof value === 'string' && plans.has(value)) return CONFIDENTIAL_PLAN_RECORD_REFUSAL
    }
    return null
  }
}
