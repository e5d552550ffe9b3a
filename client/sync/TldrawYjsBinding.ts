/**
 * Two-way binding between a tldraw store and a map's Y.Doc.
 *
 * Message flow:
 * - Local user changes (store source 'user', scope 'document') are collected and written to
 *   `doc.getMap('tldraw')` in one Yjs transaction, at most every `flushIntervalMs`, so a drag
 *   sends ~20 updates a second instead of one per pointer event.
 * - Remote changes (any transaction not made by this binding) enter the store through
 *   `mergeRemoteChanges`, so tldraw keeps them out of the local undo stack. What tldraw itself
 *   changes in reaction (bindings removed with their shape) is written like a local change, and
 *   a removal that may only be Yjs waiting for a missing update is held until it is not.
 * - The tldraw schema the document was written with is kept in `doc.getMap('meta')`. A
 *   client whose schema is older than the document's must not write: the binding turns
 *   read-only and reports `outdated`, and the page asks the user to reload. A newer client
 *   migrates the document's records up and records its schema.
 *
 * Seeding: the first client on an empty map creates the document and page records with fixed
 * ids, so two clients seeding at once write the same keys and never end up with two pages.
 */
import {
  type SerializedSchema,
  type TLRecord,
  type TLStore,
  atom,
  type Atom,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  isEqual,
} from 'tldraw'
import type * as Y from 'yjs'
import {
  META_MAP,
  TLDRAW_RECORDS_MAP,
  TLDRAW_SCHEMA_KEY,
} from '../../shared/document/mapDocumentLayout'

export { META_MAP, TLDRAW_RECORDS_MAP }
/** Key in the meta map under which the tldraw schema of the document is kept. */
export const SCHEMA_KEY = TLDRAW_SCHEMA_KEY
/**
 * Id of the page every map starts with: tldraw's own default page id, so that concurrent
 * seeders, and tldraw's integrity check that re-creates a missing page, agree on one page.
 */
export const FIRST_PAGE_ID = PageRecordType.createId('page')

/** What the binding knows about the document's schema relative to this client's. */
export type SchemaState = 'current' | 'outdated'

export interface TldrawYjsBindingOptions {
  /** Minimum time between two writes of local changes to the document. */
  flushIntervalMs?: number
  /** Name of the first page when this client seeds an empty map. */
  firstPageName?: string
  /**
   * False for a read-only participant: it neither seeds nor writes (the server would drop
   * its changes anyway), it only follows the document.
   */
  writable?: boolean
}

/** A live binding; `dispose()` stops both directions and flushes pending local changes. */
export interface TldrawYjsBinding {
  /** 'outdated' when the document was written by a newer version of the app. */
  readonly schemaState: Atom<SchemaState>
  /** Writes pending local changes now (used before leaving the page and in tests). */
  flush(): void
  dispose(): void
}

/** Records that belong in the shared document (the rest is per-session or presence). */
function isDocumentRecord(store: TLStore, record: TLRecord): boolean {
  return store.scopedTypes.document.has(record.typeName)
}

/**
 * tldraw puts the current user's `user:` record into the store each time an editor mounts
 * (for its attribution names). Written to the map, merely opening it would be a change, and
 * the library would name the visitor as the last to change the map (issue 18). Who someone
 * is comes from the server's identity, so these records stay on this screen.
 */
function staysLocal(id: TLRecord['id']): boolean {
  return id.startsWith('user:')
}

/**
 * Binds `store` to `doc`. Call after the provider has synced with the server (or loaded a
 * local copy), so that seeding only happens on a map that is really empty.
 */
export function bindTldrawStoreToYDoc(
  store: TLStore,
  doc: Y.Doc,
  options: TldrawYjsBindingOptions = {},
): TldrawYjsBinding {
  const flushIntervalMs = options.flushIntervalMs ?? 50
  const records = doc.getMap<TLRecord>(TLDRAW_RECORDS_MAP)
  const meta = doc.getMap<unknown>(META_MAP)
  const ownSchema = store.schema.serialize()
  const schemaState = atom<SchemaState>('schemaState', 'current')
  // Transactions made by this binding carry this origin, so its own observer skips them.
  const origin = Symbol('tldraw-binding')

  /** 'outdated' when the document's schema has migrations this client does not know. */
  function compareSchema(): { state: SchemaState; documentSchema: SerializedSchema | null } {
    const documentSchema = (meta.get(SCHEMA_KEY) as SerializedSchema | undefined) ?? null
    if (!documentSchema) return { state: 'current', documentSchema }
    const migrations = store.schema.getMigrationsSince(documentSchema)
    return { state: migrations.ok ? 'current' : 'outdated', documentSchema }
  }

  function migrateUp(record: TLRecord, documentSchema: SerializedSchema): TLRecord | null {
    const result = store.schema.migratePersistedRecord(record, documentSchema, 'up')
    return result.type === 'success' ? result.value : null
  }

  // --- initial load: document → store ------------------------------------------------------
  const initial = compareSchema()
  schemaState.set(initial.state)
  const loaded: TLRecord[] = []
  const upgraded: TLRecord[] = []
  const documentSchema = initial.documentSchema
  const migrations = documentSchema ? store.schema.getMigrationsSince(documentSchema) : null
  const needsMigration = migrations !== null && migrations.ok && migrations.value.length > 0
  records.forEach((record) => {
    if (!needsMigration || !documentSchema) return void loaded.push(record)
    const migrated = migrateUp(record, documentSchema)
    if (migrated) {
      loaded.push(migrated)
      upgraded.push(migrated)
    }
  })

  store.mergeRemoteChanges(() => {
    const stale = store
      .allRecords()
      .filter((r) => isDocumentRecord(store, r) && !staysLocal(r.id) && !records.has(r.id))
      .map((r) => r.id)
    if (stale.length) store.remove(stale)
    if (loaded.length) putValidRecords(store, loaded)
  })

  const writable = options.writable ?? true
  if (initial.state === 'current' && writable) {
    doc.transact(() => {
      for (const record of upgraded) records.set(record.id, record)
      if (!documentSchema || upgraded.length) meta.set(SCHEMA_KEY, ownSchema)
      // Seed an empty map. Fixed ids: concurrent seeders write identical values.
      if (!records.has(TLDOCUMENT_ID)) {
        const document = DocumentRecordType.create({ id: TLDOCUMENT_ID })
        records.set(document.id, document)
      }
      const hasPage = [...records.values()].some((r) => r.typeName === 'page')
      if (!hasPage) {
        const page = PageRecordType.create({
          id: FIRST_PAGE_ID,
          name: options.firstPageName ?? 'Page 1',
          index: 'a1' as never,
        })
        records.set(page.id, page)
      }
    }, origin)
    store.mergeRemoteChanges(() => putValidRecords(store, [...records.values()]))
  }

  // --- store → document ----------------------------------------------------------------------
  // Latest value per record id, or null for a removal; written together on flush.
  const pending = new Map<TLRecord['id'], TLRecord | null>()
  // An update whose new value of a record must wait for an update not yet received (Yjs keeps
  // it as pending structs) still deletes the old value at once: the record looks deleted until
  // the missing update arrives, e.g. when a peer reconnects and a broadcast overtakes its sync
  // step 2. Removing it from the store then would make tldraw drop the arrows bound to it on
  // this screen only, for good. So such removals wait until nothing is pending.
  const deferredRemovals = new Set<TLRecord['id']>()
  let flushTimer: ReturnType<typeof setTimeout> | null = null
  let lastFlush = 0

  function flush() {
    if (flushTimer) clearTimeout(flushTimer)
    flushTimer = null
    lastFlush = Date.now()
    if (pending.size === 0) return
    if (schemaState.get() === 'outdated' || !writable) {
      // Never write with an older schema: the newer clients could not read it back.
      pending.clear()
      return
    }
    const changes = [...pending].filter(([id]) => !staysLocal(id))
    pending.clear()
    if (changes.length === 0) return
    doc.transact(() => {
      for (const [id, record] of changes) {
        if (record) records.set(id, record)
        else records.delete(id)
      }
    }, origin)
  }

  function scheduleFlush() {
    if (flushTimer) return
    const wait = Math.max(0, flushIntervalMs - (Date.now() - lastFlush))
    flushTimer = setTimeout(flush, wait)
  }

  const stopListening = store.listen(
    ({ changes }) => {
      for (const record of Object.values(changes.added)) pending.set(record.id, record)
      for (const [, record] of Object.values(changes.updated)) pending.set(record.id, record)
      for (const record of Object.values(changes.removed)) pending.set(record.id, null)
      scheduleFlush()
    },
    { source: 'user', scope: 'document' },
  )

  // tldraw reacts to some remote changes while they are merged: deleting a card also removes
  // the bindings of arrows drawn to it concurrently elsewhere, and leaves those arrows' ends
  // where the card was. Those reactions are marked 'remote' like the merge itself, but no
  // document holds them; they are written like local changes, or this screen would keep a
  // canvas that no one else has. What still equals the document is the merge itself.
  const stopListeningToMerges = store.listen(
    ({ changes }) => {
      const ids = [
        ...Object.keys(changes.added),
        ...Object.keys(changes.updated),
        ...Object.keys(changes.removed),
      ] as TLRecord['id'][]
      for (const id of ids) {
        if (deferredRemovals.has(id)) continue
        // What to write is what the store now shows and the document lacks; a local change
        // the merge undid (an arrow's binding removed with its card) is no longer wanted.
        const current = store.get(id)
        if (isEqual(current, records.get(id))) pending.delete(id)
        else pending.set(id, current ?? null)
      }
      if (pending.size > 0) scheduleFlush()
    },
    { source: 'remote', scope: 'document' },
  )

  // --- document → store ----------------------------------------------------------------------
  function onRecordsChanged(event: Y.YMapEvent<TLRecord>, transaction: Y.Transaction) {
    if (transaction.origin === origin) return
    if (compareSchema().state === 'outdated') {
      schemaState.set('outdated')
      return
    }
    const toPut: TLRecord[] = []
    const toRemove: TLRecord['id'][] = []
    const waiting = doc.store.pendingStructs !== null
    event.changes.keys.forEach((change, key) => {
      const id = key as TLRecord['id']
      deferredRemovals.delete(id)
      if (change.action === 'delete') {
        if (waiting) deferredRemovals.add(id)
        else toRemove.push(id)
      } else {
        const record = records.get(id)
        if (record) toPut.push(record)
      }
      // A remote value wins over a local change not yet written for the same record.
      pending.delete(id)
    })
    store.mergeRemoteChanges(() => {
      const existing = toRemove.filter((id) => store.has(id))
      if (existing.length) store.remove(existing)
      if (toPut.length) putValidRecords(store, toPut)
    })
  }

  /** After any transaction that left nothing pending: the deferred removals still in effect. */
  function applyDeferredRemovals() {
    if (deferredRemovals.size === 0 || doc.store.pendingStructs !== null) return
    const gone = [...deferredRemovals].filter((id) => !records.has(id) && store.has(id))
    deferredRemovals.clear()
    if (gone.length) store.mergeRemoteChanges(() => store.remove(gone))
  }

  function onMetaChanged() {
    schemaState.set(compareSchema().state)
  }

  records.observe(onRecordsChanged)
  meta.observe(onMetaChanged)
  doc.on('afterTransaction', applyDeferredRemovals)

  return {
    schemaState,
    flush,
    dispose() {
      flush()
      stopListening()
      stopListeningToMerges()
      records.unobserve(onRecordsChanged)
      meta.unobserve(onMetaChanged)
      doc.off('afterTransaction', applyDeferredRemovals)
    },
  }
}

/**
 * Puts records one by one when the batch is refused, so that one invalid record (for instance
 * written by a buggy or hostile client) does not keep every other change out of the store.
 */
function putValidRecords(store: TLStore, batch: TLRecord[]) {
  try {
    store.put(batch)
  } catch {
    for (const record of batch) {
      try {
        store.put([record])
      } catch (error) {
        console.warn('Ignored a record that does not fit the schema', record.id, error)
      }
    }
  }
}
