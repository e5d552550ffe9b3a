import {
  type TLRecord,
  type TLShapeId,
  GeoShapeUtil,
  UserRecordType,
  createUserId,
  type TLStore,
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
} from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  FIRST_PAGE_ID,
  META_MAP,
  SCHEMA_KEY,
  TLDRAW_RECORDS_MAP,
  type TldrawYjsBinding,
  bindTldrawStoreToYDoc,
} from '../../../client/sync/TldrawYjsBinding'

function newStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

/** Connects two docs like a server would: every update of one is applied to the other. */
function link(a: Y.Doc, b: Y.Doc) {
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== b) Y.applyUpdate(b, update, a)
  })
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== a) Y.applyUpdate(a, update, b)
  })
}

/** A complete geo shape record, as the rectangle tool would create it. */
function rectangle(store: TLStore, x: number, index = 'a1'): TLRecord {
  const props = GeoShapeUtil.prototype.getDefaultProps.call(null)
  return store.schema.types.shape.create({
    id: createShapeId(`rect-${x}`),
    type: 'geo',
    x,
    y: 0,
    index: index as never,
    parentId: FIRST_PAGE_ID,
    props: { ...props, w: 100, h: 60 },
  }) as TLRecord
}

const bindings: TldrawYjsBinding[] = []
function bind(store: TLStore, doc: Y.Doc) {
  const binding = bindTldrawStoreToYDoc(store, doc, { flushIntervalMs: 0 })
  bindings.push(binding)
  return binding
}
afterEach(() => {
  for (const binding of bindings.splice(0)) binding.dispose()
})

/** A put outside mergeRemoteChanges is a 'user' change, like a drawing on the canvas. */
function createShape(store: TLStore, x: number) {
  const shape = rectangle(store, x)
  store.put([shape])
  return shape.id as TLShapeId
}

describe('tldraw ↔ Yjs binding', () => {
  it('keeps the user record tldraw puts in on opening out of the map, so opening changes nothing', () => {
    const doc = new Y.Doc()
    const store = newStore()
    const binding = bind(store, doc)
    binding.flush()
    const written: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => written.push(update))
    store.put([UserRecordType.create({ id: createUserId('visitor'), name: 'Anna' })])
    binding.flush()
    expect(written).toEqual([])
    expect(doc.getMap(TLDRAW_RECORDS_MAP).has('user:visitor')).toBe(false)
    // A drawing still goes out.
    createShape(store, 0)
    binding.flush()
    expect(written).toHaveLength(1)
  })

  it('seeds an empty map with one document and one page', () => {
    const doc = new Y.Doc()
    const store = newStore()
    bind(store, doc)
    const records = [...doc.getMap<TLRecord>(TLDRAW_RECORDS_MAP).values()]
    expect(records.filter((r) => r.typeName === 'page').map((r) => r.id)).toEqual([FIRST_PAGE_ID])
    expect(records.filter((r) => r.typeName === 'document')).toHaveLength(1)
    expect(doc.getMap(META_MAP).get(SCHEMA_KEY)).toEqual(store.schema.serialize())
    expect(store.has(FIRST_PAGE_ID)).toBe(true)
  })

  it('two clients seeding the same empty map at once end up with a single page', () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    const storeA = newStore()
    const storeB = newStore()
    bind(storeA, docA)
    bind(storeB, docB)
    link(docA, docB)
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA))
    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB))
    for (const store of [storeA, storeB]) {
      const pages = store.allRecords().filter((r) => r.typeName === 'page')
      expect(pages.map((p) => p.id)).toEqual([FIRST_PAGE_ID])
    }
  })

  it('sends local shapes to the other client and deletes them there too', async () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    link(docA, docB)
    const storeA = newStore()
    const storeB = newStore()
    const bindingA = bind(storeA, docA)
    bind(storeB, docB)

    const id = createShape(storeA, 10)
    bindingA.flush()
    expect(storeB.get(id)).toMatchObject({ x: 10, type: 'geo' })

    storeA.update(id, (shape) => ({ ...shape, x: 250 }))
    bindingA.flush()
    expect(storeB.get(id)).toMatchObject({ x: 250 })

    storeA.remove([id])
    bindingA.flush()
    expect(storeB.has(id)).toBe(false)
  })

  it('keeps remote changes out of the local undo history and does not echo them', () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    link(docA, docB)
    const storeA = newStore()
    const storeB = newStore()
    const bindingA = bind(storeA, docA)
    bind(storeB, docB)
    let updatesFromB = 0
    docB.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin !== docA) updatesFromB++
    })
    createShape(storeA, 10)
    bindingA.flush()
    expect(updatesFromB).toBe(0)
  })

  it('coalesces a drag into few document updates', async () => {
    const doc = new Y.Doc()
    const store = newStore()
    const binding = bindTldrawStoreToYDoc(store, doc, { flushIntervalMs: 40 })
    bindings.push(binding)
    const id = createShape(store, 0)
    let updates = 0
    doc.on('update', () => updates++)
    for (let x = 1; x <= 100; x++) store.update(id, (shape) => ({ ...shape, x }))
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(updates).toBeLessThanOrEqual(2)
    expect(doc.getMap<TLRecord>(TLDRAW_RECORDS_MAP).get(id)).toMatchObject({ x: 100 })
  })

  it('loads what is already in the document when it binds', () => {
    const docA = new Y.Doc()
    const storeA = newStore()
    const bindingA = bind(storeA, docA)
    const id = createShape(storeA, 42)
    bindingA.flush()

    const docB = new Y.Doc()
    Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA))
    const storeB = newStore()
    bind(storeB, docB)
    expect(storeB.get(id)).toMatchObject({ x: 42 })
  })

  it('ignores a remote record that does not fit the schema but applies the rest', () => {
    const docA = new Y.Doc()
    const docB = new Y.Doc()
    link(docA, docB)
    const storeB = newStore()
    bind(storeB, docB)
    const good = rectangle(storeB, 5, 'a2')
    const records = docA.getMap<unknown>(TLDRAW_RECORDS_MAP)
    docA.transact(() => {
      records.set('shape:broken', { id: 'shape:broken', typeName: 'shape', type: 'geo', x: 'NaN' })
      records.set(good.id, good)
    })
    expect(storeB.has(good.id)).toBe(true)
    expect(storeB.has('shape:broken' as never)).toBe(false)
  })

  it('turns read-only when the document was written with a newer schema', () => {
    const doc = new Y.Doc()
    const store = newStore()
    const binding = bind(store, doc)
    const schema = store.schema.serialize()
    const newer = {
      ...schema,
      sequences: { ...schema.sequences, 'com.tldraw.shape.geo': 999 },
    }
    doc.getMap(META_MAP).set(SCHEMA_KEY, newer)
    expect(binding.schemaState.get()).toBe('outdated')

    const before = doc.getMap(TLDRAW_RECORDS_MAP).size
    createShape(store, 1)
    binding.flush()
    expect(doc.getMap(TLDRAW_RECORDS_MAP).size).toBe(before)
    expect(doc.getMap(META_MAP).get(SCHEMA_KEY)).toEqual(newer)
  })
})
