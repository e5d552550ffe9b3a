/**
 * Whether a peer's update may be applied to a room's document, decided before anything of
 * it is applied. It is refused as a whole when the peer's role may not change the document
 * (the confidential one takes updates only from roles that may read it), when it creates
 * roots the document does not have or touches `facilitation` without the role for it (the
 * roots come from rootsTouchedByUpdate), refers to content the room does not know, adds
 * live content to the map document's legacy `contacts` root (addsLiveContentUnder), brings
 * back an erased contact (MapHistory.bringsBackErased), or puts anything where the
 * document's shape does not allow it or nests shared types deeper than the limit
 * (checkUpdateShape; votes and scores have no place in it, nor a plan marked confidential
 * in the map document), or adds a raised hand under
 * another participant's id or lowers another's hand without the role for it
 * (checkContributionOwner), or changes a frame or board of a locked template without the
 * role for it (checkTemplateLock), or sets a round's or vote's count, result, tally or
 * closed status that only the server writes (checkServerWrittenRound), or an element result
 * of a dialogue evaluation (checkServerWrittenElementResult, in either document), or puts a
 * commitment or evaluation of a confidential plan in the map document (checkPlanRecordHome),
 * or writes or deletes a role-play observer's notes without being that observer or a
 * facilitator (checkObserverNotes).
 */
import type * as Y from 'yjs'
import {
  ALLOWED_ROOT_NAMES,
  COMMITMENTS_MAP,
  CONFIDENTIAL_ROOT_NAMES,
  CONFIDENTIAL_CONTACTS_MAP,
  CONTACTS_MAP,
  DIALOGUE_EVALUATIONS_MAP,
  FACILITATION_MAP,
  FACILITATOR_ONLY_ROOTS,
  HANDS_ARRAY,
  OBSERVER_NOTES_MAP,
  TLDRAW_RECORDS_MAP,
  type MapDocumentName,
} from '../../shared/document/mapDocumentLayout'
import { documentShape } from '../../shared/document/documentShape'
import { canFacilitate, canReadConfidential, type Role } from '../../shared/protocol/roles'
import type { DecodedUpdate } from './DecodedUpdate'
import { addsLiveContentUnder } from './addsLiveContentUnder'
import type { ConnectionIdentity } from '../transport/authorize'
import { checkContributionOwner, checkHandDeletions } from './checkContributionOwner'
import { checkPlanRecordHome } from './checkPlanRecordHome'
import { checkObserverNoteDeletions, checkObserverNoteItem } from './checkObserverNotes'
import { checkServerWrittenElementResult } from './checkServerWrittenElementResult'
import { checkServerWrittenRound } from './checkServerWrittenRound'
import { checkTemplateLock } from './checkTemplateLock'
import { type ItemCheck, checkUpdateShape } from './checkUpdateShape'
import { rootsTouchedByUpdate } from './rootsTouchedByUpdate'
import { indexUpdateStructs } from './UpdateStructIndex'

/**
 * Result of a peer's update: refused updates change nothing; `tooLarge` when it was
 * refused for its cost (nesting deeper than the limit), not for what it holds.
 */
export type ApplyResult = { ok: true } | { ok: false; reason: string; tooLarge?: boolean }

/** The document an update is checked against, and the checks that need the room. */
export interface UpdateTarget {
  doc: Y.Doc
  document: MapDocumentName
  /** Deepest nesting of shared types below a root an update may reach. */
  maxUpdateDepth: number
  /** True when the update would make an erased contact live again. */
  bringsBackErased: (update: Uint8Array) => boolean
  /** The map's other document when it is loaded on this node, else null. */
  sibling: () => Y.Doc | null
}

/** Answers whether `role` may apply `update` (decoded as `decoded`) to the target. */
export function authorizeUpdate(
  target: UpdateTarget,
  role: Role,
  update: Uint8Array,
  decoded: DecodedUpdate,
  sender?: ConnectionIdentity,
): ApplyResult {
  const { doc, document } = target
  if (document === 'confidential' && !canReadConfidential(role)) {
    return { ok: false, reason: `role ${role} may not change confidential data` }
  }
  // Both checks look up the update's own structs: index them once.
  const index = indexUpdateStructs(decoded)
  const touched = rootsTouchedByUpdate(doc, decoded, index)
  if (touched.unresolved) return { ok: false, reason: 'update refers to unknown content' }
  const allowed: readonly string[] =
    document === 'map' ? ALLOWED_ROOT_NAMES : CONFIDENTIAL_ROOT_NAMES
  for (const root of touched.roots) {
    if (!allowed.includes(root)) {
      return { ok: false, reason: `unknown root type "${root.slice(0, 50)}"` }
    }
    if (FACILITATOR_ONLY_ROOTS.includes(root) && !canFacilitate(role)) {
      return { ok: false, reason: `role ${role} may not change ${root}` }
    }
  }
  // Only updates that touch the legacy root pay for this second look (deletions there).
  const legacy = document === 'map' && touched.roots.has(CONTACTS_MAP)
  if (legacy && addsLiveContentUnder(doc, decoded, CONTACTS_MAP)) {
    return { ok: false, reason: 'contacts belong in the confidential document' }
  }
  if (touched.roots.has(CONFIDENTIAL_CONTACTS_MAP) && target.bringsBackErased(update)) {
    return { ok: false, reason: 'update brings back an erased contact' }
  }
  const owner = checkContributionOwner(sender)
  // Only updates that touch the canvas records pay for the template lock's look.
  const lock =
    document === 'map' && touched.roots.has(TLDRAW_RECORDS_MAP)
      ? checkTemplateLock(doc, role)
      : null
  // Only updates that touch `facilitation` pay for the look at the rounds' server fields.
  const rounds =
    document === 'map' && touched.roots.has(FACILITATION_MAP) ? checkServerWrittenRound(doc) : null
  // Only updates that touch the dialogue evaluations pay for the look at their results.
  const results = touched.roots.has(DIALOGUE_EVALUATIONS_MAP)
    ? checkServerWrittenElementResult(doc, target.sibling)
    : null
  // Only updates that touch commitments or evaluations pay for the look at their plan.
  const home =
    document === 'map' &&
    (touched.roots.has(COMMITMENTS_MAP) || touched.roots.has(DIALOGUE_EVALUATIONS_MAP))
      ? checkPlanRecordHome(target.sibling)
      : null
  // Only updates that touch the observer sheets pay for the look at whose notes they are.
  const notes =
    document === 'map' && touched.roots.has(OBSERVER_NOTES_MAP)
      ? checkObserverNoteItem(doc, role, sender)
      : null
  const checks = [owner, lock?.checkItem ?? null, rounds, results, home, notes].filter(
    (c) => c !== null,
  )
  const checkItem: ItemCheck | null =
    checks.length === 0
      ? null
      : (location, item) => {
          for (const check of checks) {
            const problem = check(location, item)
            if (problem !== null) return problem
          }
          return null
        }
  const problem = checkUpdateShape(
    doc,
    decoded,
    documentShape(document),
    target.maxUpdateDepth,
    checkItem,
    index,
  )
  if (problem !== null) return { ok: false, reason: problem.reason, tooLarge: problem.tooDeep }
  const deletion = lock?.checkDeletions(decoded) ?? null
  if (deletion !== null) return { ok: false, reason: deletion }
  // Only updates that touch the raised hands pay for looking at what they take away.
  const lowered = touched.roots.has(HANDS_ARRAY)
    ? checkHandDeletions(doc, role, sender, decoded)
    : null
  if (lowered !== null) return { ok: false, reason: lowered }
  const erased = notes === null ? null : checkObserverNoteDeletions(doc, role, sender, decoded)
  if (erased !== null) return { ok: false, reason: erased }
  return { ok: true }
}
