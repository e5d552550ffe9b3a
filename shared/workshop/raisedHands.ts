/**
 * Raised hands live in the root Y.Array `hands`, in the order they reached the group: a hand
 * raised after someone else's hand arrived is always behind it, whatever the participants'
 * clocks say (laptop clocks can be seconds apart). A root array, because two arrays created
 * at once under one map key would replace each other and lose a hand.
 */
import type * as Y from 'yjs'
import { HANDS_ARRAY } from '../document/mapDocumentLayout'
import { isFiniteNumber, isPlainObject } from './plainValues'

/** A raised hand in the queue. */
export interface RaisedHand {
  userId: string
  name: string
  raisedAt: number
}

/** The longest name a hand carries, as the join dialog allows. */
const MAX_NAME_LENGTH = 60

function handsArray(doc: Y.Doc): Y.Array<unknown> {
  return doc.getArray<unknown>(HANDS_ARRAY)
}

function handOwner(entry: unknown): string | null {
  return isPlainObject(entry) && typeof entry.userId === 'string' ? entry.userId : null
}

/** Raises `userId`'s hand at the end of the queue (raising again keeps the place). */
export function raiseHand(doc: Y.Doc, userId: string, name: string, now: number, origin?: unknown) {
  if (handQueue(doc).some((hand) => hand.userId === userId)) return
  doc.transact(() => {
    handsArray(doc).push([{ userId, name: name.slice(0, MAX_NAME_LENGTH), raisedAt: now }])
  }, origin)
}

/** Lowers a hand (the participant's own, or anyone's by the facilitator). */
export function lowerHand(doc: Y.Doc, userId: string, origin?: unknown) {
  const array = handsArray(doc)
  doc.transact(() => {
    // From the end, so the indices still to visit do not shift.
    for (let index = array.length - 1; index >= 0; index--) {
      if (handOwner(array.get(index)) === userId) array.delete(index, 1)
    }
  }, origin)
}

/** Raised hands, first raised first; a hand raised twice at once counts once. */
export function handQueue(doc: Y.Doc): RaisedHand[] {
  const seen = new Set<string>()
  const hands: RaisedHand[] = []
  for (const entry of handsArray(doc).toArray()) {
    const userId = handOwner(entry)
    if (!userId || seen.has(userId) || !isPlainObject(entry)) continue
    seen.add(userId)
    hands.push({
      userId,
      name: typeof entry.name === 'string' ? entry.name : '',
      raisedAt: isFiniteNumber(entry.raisedAt) ? entry.raisedAt : 0,
    })
  }
  return hands
}
