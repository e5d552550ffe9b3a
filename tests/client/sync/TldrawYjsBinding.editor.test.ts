// @vitest-environment happy-dom
/**
 * The binding with a real tldraw editor on each side, in the situations the merge fuzz
 * test (TldrawYjsBinding.fuzz.test.ts) found broken: tldraw reacting to a remote change in a
 * way no document held, so one participant's canvas drifted from everyone else's.
 */
import {
  type TLArrowBinding,
  type TLBindingId,
  type TLRecord,
  type TLShapeId,
  createShapeId,
} from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { TLDRAW_RECORDS_MAP } from '../../../client/sync/TldrawYjsBinding'
import { type OpenMap, closeMapPage, openMapPage } from './fuzz/FuzzPeer'

const pages: OpenMap[] = []
function open(doc: Y.Doc): OpenMap {
  const page = openMapPage(doc)
  pages.push(page)
  return page
}
afterEach(() => {
  for (const page of pages.splice(0)) closeMapPage(page)
})

/** A doc with a fixed client id, so which of two concurrent writes wins does not vary. */
function docOf(clientID: number, from?: Y.Doc): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = clientID
  if (from) Y.applyUpdate(doc, Y.encodeStateAsUpdate(from))
  return doc
}

/** Every update `doc` makes from now on, in order. */
function updatesOf(doc: Y.Doc): Uint8Array[] {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

function drawArrow({ editor }: OpenMap, name: string, from: TLShapeId, to: TLShapeId) {
  const id = createShapeId(name)
  const binding = (terminal: 'start' | 'end', toId: TLShapeId) => ({
    id: `binding:${name}-${terminal}` as TLBindingId,
    type: 'arrow' as const,
    fromId: id,
    toId,
    props: {
      terminal,
      normalizedAnchor: { x: 0.5, y: 0.5 },
      isExact: false,
      isPrecise: false,
      snap: 'none',
    } satisfies TLArrowBinding['props'],
  })
  const start = editor.getShapePageBounds(from)!.center
  const end = editor.getShapePageBounds(to)!.center
  editor.run(() => {
    editor.createShape({
      id,
      type: 'arrow',
      x: start.x,
      y: start.y,
      props: { start: { x: 0, y: 0 }, end: { x: end.x - start.x, y: end.y - start.y } },
    })
    editor.createBindings([binding('start', from), binding('end', to)])
  })
  return id
}

function bindingsOf({ store }: OpenMap) {
  return store
    .allRecords()
    .filter((record) => record.typeName === 'binding')
    .map((record) => record.id)
    .sort()
}

function canvasOf({ store }: OpenMap) {
  return (
    Object.values(store.serialize('document'))
      // Each screen keeps its own tldraw user record; it is not part of the map.
      .filter((record) => record.typeName !== 'user')
      .sort((a, b) => (a.id < b.id ? -1 : 1))
  )
}

function documentOf(doc: Y.Doc) {
  return Object.values(doc.getMap<TLRecord>(TLDRAW_RECORDS_MAP).toJSON() as TLRecord[]).sort(
    (a, b) => (a.id < b.id ? -1 : 1),
  )
}

describe('tldraw ↔ Yjs binding with an editor on every side', () => {
  // Fuzz seed 8919: a card moved by someone whose earlier change had not arrived yet looked
  // deleted for a moment (Yjs applies the deletion of the old value and holds the new one
  // until the missing update comes), and tldraw dropped the arrows bound to it for good.
  it('keeps arrows bound to a card whose move arrives before the change it follows', () => {
    const docA = docOf(1)
    const a = open(docA)
    const left = createShapeId('left')
    const card = createShapeId('card')
    a.editor.createShapes([
      { id: left, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } },
      { id: card, type: 'geo', x: 400, y: 0, props: { w: 100, h: 100 } },
    ])
    drawArrow(a, 'relation', left, card)
    a.binding.flush()

    const docB = docOf(2, docA)
    const b = open(docB)
    const docC = docOf(3, docA)
    const c = open(docC)
    const fromC = updatesOf(docC)
    c.editor.createShape({ id: createShapeId('note'), type: 'geo', x: 0, y: 400 })
    c.binding.flush()
    c.editor.updateShape({ id: card, type: 'geo', x: 600 })
    c.binding.flush()
    expect(fromC).toHaveLength(2)

    Y.applyUpdate(docB, fromC[1]!)
    // The situation itself: the card's new position waits for C's first change.
    expect(docB.getMap(TLDRAW_RECORDS_MAP).has(card)).toBe(false)
    b.binding.flush()
    expect(bindingsOf(b)).toEqual(['binding:relation-end', 'binding:relation-start'])

    Y.applyUpdate(docB, fromC[0]!)
    b.binding.flush()
    expect(b.store.get(card)).toMatchObject({ x: 600 })
    expect(bindingsOf(b)).toEqual(['binding:relation-end', 'binding:relation-start'])
    expect(canvasOf(b)).toEqual(documentOf(docB))
  })

  // Fuzz seed 24757: when one person deleted a card while another drew an arrow to it, the
  // second person's tldraw left the arrow's loose end where the card had been, on that screen
  // only; the document, and so everyone else, kept the arrow as drawn.
  it('shows an arrow drawn to a card deleted at the same time alike on every screen', () => {
    const docA = docOf(1)
    const a = open(docA)
    const left = createShapeId('left')
    const card = createShapeId('card')
    a.editor.createShapes([
      { id: left, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } },
      { id: card, type: 'geo', x: 400, y: 200, props: { w: 100, h: 100 } },
    ])
    a.binding.flush()
    const docB = docOf(2, docA)
    const b = open(docB)

    const fromA = updatesOf(docA)
    a.editor.deleteShapes([card])
    a.binding.flush()
    const arrow = drawArrow(b, 'relation', card, left)
    b.binding.flush()
    // The deletion reaches B first; then A gets the arrow, and B what A made of it.
    Y.applyUpdate(docB, fromA[0]!)
    for (let round = 0; round < 5; round++) {
      Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)))
      Y.applyUpdate(docB, Y.encodeStateAsUpdate(docA, Y.encodeStateVector(docB)))
      a.binding.flush()
      b.binding.flush()
    }
    expect(a.store.has(card)).toBe(false)
    expect(b.store.get(arrow)).toBeDefined()
    expect(canvasOf(b)).toEqual(canvasOf(a))
    expect(canvasOf(a)).toEqual(documentOf(docA))
    expect(canvasOf(b)).toEqual(documentOf(docB))
  })

  // Fuzz seed 20922155: an arrow drawn to a card within one throttle window of the card's
  // deletion arriving kept its binding in the list of changes to write; tldraw had already
  // removed it, but the binding wrote it anyway, so the document held a binding no canvas had.
  it('does not write a local change that a remote change has since undone', () => {
    const docA = docOf(1)
    const a = open(docA)
    const left = createShapeId('left')
    const card = createShapeId('card')
    a.editor.createShapes([
      { id: left, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } },
      { id: card, type: 'geo', x: 400, y: 200, props: { w: 100, h: 100 } },
    ])
    a.binding.flush()
    const docB = docOf(2, docA)
    const b = open(docB)
    const fromA = updatesOf(docA)
    a.editor.deleteShapes([card])
    a.binding.flush()

    drawArrow(b, 'relation', left, card)
    Y.applyUpdate(docB, fromA[0]!)
    b.binding.flush()
    expect(bindingsOf(b)).toEqual(['binding:relation-start'])
    expect(canvasOf(b)).toEqual(documentOf(docB))

    Y.applyUpdate(docA, Y.encodeStateAsUpdate(docB, Y.encodeStateVector(docA)))
    a.binding.flush()
    expect(canvasOf(a)).toEqual(canvasOf(b))
  })
})
