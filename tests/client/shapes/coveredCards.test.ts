import type { TLRenderingShape } from 'tldraw'
import { describe, expect, it } from 'vitest'
import { coveredCards } from '../../../client/shapes/stakeholder-card/cardRendering'

let nextIndex = 1000

/**
 * One entry of tldraw's rendering list, painted above every earlier one: a compact card in
 * the matrix at (100, 200) unless `changes` says otherwise.
 */
function rendered(
  id: string,
  changes: {
    type?: string
    parentId?: string
    x?: number
    rotation?: number
    w?: number
    opacity?: number
  } = {},
): TLRenderingShape {
  const shape = {
    id: `shape:${id}`,
    type: changes.type ?? 'stakeholder-card',
    parentId: changes.parentId ?? 'shape:matrix',
    x: changes.x ?? 100,
    y: 200,
    rotation: changes.rotation ?? 0,
    props: { stakeholderId: id, w: changes.w ?? 170, h: 76 },
  }
  nextIndex += 1
  return {
    id: shape.id,
    shape,
    util: null,
    index: nextIndex,
    backgroundIndex: 0,
    opacity: changes.opacity ?? 1,
  } as unknown as TLRenderingShape
}

const ids = (set: Set<string>) => [...set].sort()

describe('cards covered exactly by another card', () => {
  it('are every card of a stack but the top one', () => {
    const list = [rendered('a'), rendered('b'), rendered('c')]
    expect(ids(coveredCards(list))).toEqual(['shape:a', 'shape:b'])
    // The list is not in paint order (tldraw sorts it by id); the index decides.
    expect(ids(coveredCards([...list].reverse()))).toEqual(['shape:a', 'shape:b'])
  })

  it('are not covered by a card above them that is see-through or being erased', () => {
    // An eraser hovering a card fades it (and tldraw lowers its opacity to 0.32).
    const list = [rendered('a'), rendered('b'), rendered('c', { opacity: 0.32 })]
    expect(ids(coveredCards(list))).toEqual(['shape:a'])
    expect(ids(coveredCards([rendered('a'), rendered('b', { opacity: 0.5 })]))).toEqual([])
  })

  it('are only those with the same parent, place, rotation and size', () => {
    const list = [
      rendered('other-board', { parentId: 'shape:diagram' }),
      rendered('moved', { x: 100.5 }),
      rendered('turned', { rotation: 0.1 }),
      rendered('wider', { w: 240 }),
      rendered('top'),
    ]
    expect(ids(coveredCards(list))).toEqual([])
  })

  it('are not hidden by other kinds of shapes', () => {
    const list = [rendered('a'), rendered('note', { type: 'note' })]
    expect(ids(coveredCards(list))).toEqual([])
  })

  it('follow the top card when it moves away', () => {
    const bottom = rendered('a')
    const top = rendered('b')
    expect(ids(coveredCards([bottom, top]))).toEqual(['shape:a'])
    const moved = { ...top, shape: { ...top.shape, x: 300 } } as TLRenderingShape
    expect(ids(coveredCards([bottom, moved]))).toEqual([])
  })
})
