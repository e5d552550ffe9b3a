/**
 * How much of each stakeholder card to paint, so that a map of thousands of cards pans and
 * drags smoothly: zoomed far out cards are drawn simplified, and a card exactly under another
 * is not drawn at all.
 *
 * Both are decided once per editor and handed to each card through an atom of its own that
 * only changes when the answer for that card changes. Cards reading one shared computed
 * instead would each be woken on every camera move or shape change (thousands of checks per
 * frame) just to learn that nothing changed for them.
 */
import {
  type Atom,
  type Editor,
  type TLRenderingShape,
  type TLShape,
  type TLShapeId,
  atom,
  react,
} from 'tldraw'
import { isPresenting } from '../../map/presenterMode'
import { STAKEHOLDER_CARD_TYPE } from './stakeholderCardShape'

/**
 * How much of a card is painted: everything; only its name, large, and the salience stripe;
 * or only the outline and stripe; or, in presenter mode, only its name, large enough to be
 * read from the back of a room at any zoom.
 */
export type CardDetail = 'full' | 'name' | 'outline' | 'presenter'

/**
 * Below this zoom level cards show only their name, in large type, and the salience stripe.
 * At 0.3 the card's own text (13–19 px) is under 6 px on screen, too small to read, and
 * painting a thousand cards' text, icons and shadows makes panning a large map stutter.
 * The SER template fitted to a laptop screen opens just below it (0.27), so a new card
 * must still say whose it is there.
 */
export const SIMPLE_CARD_ZOOM = 0.3

/** Below this zoom level even the large name is under 5 px on screen: outline and stripe only. */
export const OUTLINE_CARD_ZOOM = 0.12

/**
 * In presenter mode, from this zoom level on the full card shows: its name (12–19 px) is
 * then at least 24 px on the screen. Below it, the name alone is drawn at 26 px on screen.
 */
export const PRESENTER_FULL_CARD_ZOOM = 2

/** The detail cards are painted with at a zoom level (and in presenter mode or not). */
export function cardDetailAt(zoom: number, presenting = false): CardDetail {
  if (presenting) return zoom >= PRESENTER_FULL_CARD_ZOOM ? 'full' : 'presenter'
  if (zoom >= SIMPLE_CARD_ZOOM) return 'full'
  return zoom >= OUTLINE_CARD_ZOOM ? 'name' : 'outline'
}

interface CardRenderState {
  detail: Atom<CardDetail>
  /** The covered cards as last computed, for flags created after that. */
  covered: ReadonlySet<TLShapeId>
  /** One flag per card rendered so far (a few bytes each; kept for the editor's life). */
  coveredFlags: Map<TLShapeId, Atom<boolean>>
}

const stateByEditor = new WeakMap<Editor, CardRenderState>()

/**
 * A card's footprint: parent, position, rotation and size. Two cards with the same footprint
 * paint exactly the same pixels and are clipped alike by their parent board. Cached per
 * record (records are immutable), so a drag builds one key per frame, not one per card.
 */
const footprints = new WeakMap<TLShape, string>()

function footprintOf(card: TLShape): string {
  let key = footprints.get(card)
  if (key === undefined) {
    const { w, h } = card.props as { w: number; h: number }
    key = `${card.parentId} ${card.x} ${card.y} ${card.rotation} ${w} ${h}`
    footprints.set(card, key)
  }
  return key
}

/**
 * Cards exactly under a fully opaque card drawn above them: nothing of them shows. A matrix
 * stacks every card with the same scores on one point, so a large map has many, and not
 * painting them saves most of the cost of drawing such a map. Works on tldraw's rendering
 * list, which the canvas computes anyway and which carries each shape's paint order and
 * effective opacity (its parents' and an eraser's fading included).
 */
export function coveredCards(rendering: readonly TLRenderingShape[]): Set<TLShapeId> {
  // Paint position of the topmost opaque card of each footprint.
  const top = new Map<string, number>()
  for (const { shape, index, opacity } of rendering) {
    if (shape.type !== STAKEHOLDER_CARD_TYPE || opacity < 1) continue
    const key = footprintOf(shape)
    if (index > (top.get(key) ?? -1)) top.set(key, index)
  }
  const covered = new Set<TLShapeId>()
  for (const { shape, index } of rendering) {
    if (shape.type !== STAKEHOLDER_CARD_TYPE) continue
    if (index < (top.get(footprintOf(shape)) ?? -1)) covered.add(shape.id)
  }
  return covered
}

function renderState(editor: Editor): CardRenderState {
  const existing = stateByEditor.get(editor)
  if (existing) return existing
  const created: CardRenderState = {
    detail: atom<CardDetail>('stakeholder card detail', 'full'),
    covered: new Set(),
    coveredFlags: new Map(),
  }
  stateByEditor.set(editor, created)
  // Setting an atom to the value it has is no change, so cards re-render only on a switch.
  const stopDetail = react('stakeholder card detail', () => {
    created.detail.set(cardDetailAt(editor.getEfficientZoomLevel(), isPresenting(editor)))
  })
  const stopCovered = react('stakeholder cards covered', () => {
    const previous = created.covered
    const next = coveredCards(editor.getRenderingShapes())
    for (const id of previous) if (!next.has(id)) created.coveredFlags.get(id)?.set(false)
    for (const id of next) if (!previous.has(id)) created.coveredFlags.get(id)?.set(true)
    created.covered = next
  })
  editor.disposables.add(stopDetail)
  editor.disposables.add(stopCovered)
  return created
}

/**
 * How much of every card to paint at the current zoom ({@link cardDetailAt}). Follows the
 * efficient zoom level, which with many shapes only changes once the camera stops, so
 * zooming does not re-render every card on every frame. Reactive.
 */
export function cardDetail(editor: Editor): CardDetail {
  return renderState(editor).detail.get()
}

/** True if an identical opaque card drawn above covers the card `id` completely. Reactive. */
export function cardIsCovered(editor: Editor, id: TLShapeId): boolean {
  const state = renderState(editor)
  let flag = state.coveredFlags.get(id)
  if (!flag) {
    flag = atom('stakeholder card covered', state.covered.has(id))
    state.coveredFlags.set(id, flag)
  }
  return flag.get()
}
