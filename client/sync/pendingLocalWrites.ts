/**
 * The changes made in this tab that the document's local copy (IndexedDB) may not hold yet,
 * kept in localStorage until it does.
 *
 * Why: y-indexeddb writes each change in its own IndexedDB transaction, which commits a
 * moment later; a tab closed in between (the last field written as the page goes away)
 * aborts it, and the change is gone with the tab. localStorage holds what `setItem` was
 * given once it returns, so the change is kept there first and replayed into the document
 * when the map is opened again, from where it reaches the local copy and the server.
 *
 * An entry is removed as soon as a later transaction on the same store completes:
 * IndexedDB runs read-write transactions on one store in the order they were created, so
 * by then y-indexeddb's write of that change has committed. Entries normally live for a few
 * milliseconds. Changes that came from the server (the provider) or from the local copy
 * itself are not kept: they are already stored elsewhere. Very large changes (an import)
 * are not kept either: localStorage is small, and writing it blocks the page.
 */
import { fromBase64, toBase64 } from 'lib0/buffer'
import type { IndexeddbPersistence } from 'y-indexeddb'
import * as Y from 'yjs'

const STORAGE_PREFIX = 'stakeholder-canvas:pending:'
/** Larger changes are left to IndexedDB alone (see the module comment). */
export const LARGEST_KEPT_CHANGE_BYTES = 256 * 1024

/** Marks the replay of kept changes, so they are not kept a second time. */
const REPLAY_ORIGIN = Symbol('pending local writes replay')

export interface PendingLocalWrites {
  /** Resolves once every change made so far is in the local copy (for tests and tools). */
  stored(): Promise<void>
  /** Forgets every kept change (the local copy is being deleted). */
  clear(): void
  destroy(): void
}

/**
 * Keeps `doc`'s own changes under `name` until `local` holds them, and replays the changes
 * a closed tab left behind once `local` has loaded. `remote` is the origin of the server's
 * changes (the y-websocket provider).
 */
export function keepPendingLocalWrites(
  name: string,
  doc: Y.Doc,
  local: IndexeddbPersistence,
  remote: unknown,
  storage: Storage | null = localStorageOrNull(),
): PendingLocalWrites {
  const prefix = `${STORAGE_PREFIX}${name}:`
  // Unique per tab: two tabs of one map keep their changes side by side.
  const tab = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
  let sequence = 0
  /** Keys written (or adopted from a closed tab) that the local copy may not hold yet. */
  let waiting: string[] = []
  let confirming: Promise<void> | null = null
  let destroyed = false

  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin === local || origin === remote || origin === REPLAY_ORIGIN) return
    if (storage === null || update.byteLength > LARGEST_KEPT_CHANGE_BYTES) return
    const key = `${prefix}${tab}:${String(++sequence).padStart(8, '0')}`
    try {
      storage.setItem(key, toBase64(update))
      waiting.push(key)
      void confirm()
    } catch {
      // Full or refused: the change is left to IndexedDB alone, as without this module.
    }
  }
  doc.on('update', onUpdate)

  /**
   * Removes the waiting keys once a transaction created after their writes completed. One
   * is in flight at a time (a drag writes many changes a second): keys that come meanwhile
   * go with the next, started when it completes.
   */
  const confirm = (): Promise<void> => {
    confirming ??= local.whenSynced.then(
      () =>
        new Promise<void>((resolve) => {
          const db = local.db
          const keys = waiting
          waiting = []
          const finish = () => {
            confirming = null
            resolve()
          }
          if (db === null || destroyed || keys.length === 0) return finish()
          let transaction: IDBTransaction
          try {
            transaction = db.transaction(['updates'], 'readwrite')
          } catch {
            // Closed: the keys stay in storage, and are replayed next time.
            return finish()
          }
          transaction.oncomplete = () => {
            for (const key of keys) removeItem(storage, key)
            finish()
            if (waiting.length > 0 && !destroyed) void confirm()
          }
          transaction.onerror = transaction.onabort = () => {
            waiting = [...keys, ...waiting]
            finish()
          }
        }),
    )
    return confirming
  }

  // What a closed tab left: into the document (and so the local copy and the server).
  void local.whenSynced.then(() => {
    if (destroyed || storage === null) return
    const left = keysUnder(storage, prefix).filter((key) => !waiting.includes(key))
    if (left.length === 0) return
    Y.transact(
      doc,
      () => {
        for (const key of left.sort()) {
          const text = storage.getItem(key)
          if (text === null) continue
          try {
            Y.applyUpdate(doc, fromBase64(text), REPLAY_ORIGIN)
          } catch {
            // Not a change of this document any more: nothing to keep.
          }
        }
      },
      REPLAY_ORIGIN,
    )
    waiting.push(...left)
    void confirm()
  })

  return {
    async stored() {
      // Twice: a confirmation already under way may have started before the latest change
      // (the next one, for what came meanwhile, starts as it completes).
      await confirm()
      await confirm()
    },
    clear() {
      waiting = []
      forgetPendingLocalWrites(name, storage)
    },
    destroy() {
      destroyed = true
      doc.off('update', onUpdate)
    },
  }
}

/** Forgets what is kept for the local copy `name` (a copy this browser must no longer hold). */
export function forgetPendingLocalWrites(
  name: string,
  storage: Storage | null = localStorageOrNull(),
) {
  if (storage === null) return
  for (const key of keysUnder(storage, `${STORAGE_PREFIX}${name}:`)) removeItem(storage, key)
}

function keysUnder(storage: Storage, prefix: string): string[] {
  const keys: string[] = []
  try {
    for (let index = 0; index < storage.length; index++) {
      const key = storage.key(index)
      if (key?.startsWith(prefix)) keys.push(key)
    }
  } catch {
    // Refused: nothing kept either.
  }
  return keys
}

function removeItem(storage: Storage | null, key: string) {
  try {
    storage?.removeItem(key)
  } catch {
    // Refused: it is replayed next time, which changes nothing (Yjs applies a change once).
  }
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}
