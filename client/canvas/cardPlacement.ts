/**
 * Keeps stakeholder cards and scores in step, both ways.
 *
 * - Position → scores: when this user drops or nudges a card inside a matrix, the card's
 *   centre gives the stakeholder's influence and impact; inside a salience diagram, the
 *   region is the group's judgement of power, legitimacy and urgency: all three get a score
 *   that says that region (changing as few scores as possible; the "none" region assesses
 *   all three as absent). A card put into a board for the user (not dragged there) only
 *   corrects a class its region contradicts. The write waits until the pointer is
 *   released, so a drag is one change, not hundreds.
 * - Scores → position: when a stakeholder's scores change (in the register, the editor, by
 *   someone else), its cards inside matrices move to the new point and its cards inside
 *   diagrams move to a free place in the right region; a card of a stakeholder whose
 *   salience is not assessed has no region and stays where it is. Moving a card never
 *   triggers this direction, so two people dragging never fight over a card, and the moves
 *   made here are not taken for the user's.
 * - Cards inside a matrix or diagram are compact; on the open canvas they are full size.
 * - A card this user drags from a matrix into a salience diagram, or back, leaves a card on
 *   the board it came from (showInBoard.ts): the two boards are two views of one record.
 */
import { type Editor, type TLShape, type TLShapeId, react } from 'tldraw'
import { salienceAssessment } from '../../shared/scoring/salienceAssessment'
import type { Stakeholder } from '../../shared/stakeholder/Stakeholder'
import { pointForScores, scoresForPoint } from '../shapes/influence-impact-matrix/matrixGeometry'
import { MATRIX_TYPE, type MatrixShape } from '../shapes/influence-impact-matrix/matrixShape'
import {
  type SalienceDiagramShape,
  SALIENCE_DIAGRAM_TYPE,
} from '../shapes/salience-diagram/salienceDiagramShape'
import {
  classAt,
  findSlot,
  regionRewritesScores,
  scoresForRegion,
} from '../shapes/salience-diagram/salienceGeometry'
import {
  CARD_SIZE,
  COMPACT_CARD_SIZE,
  STAKEHOLDER_CARD_TYPE,
  type StakeholderCardShape,
} from '../shapes/stakeholder-card/stakeholderCardShape'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { forgetPlacedForUser, isPlacedForUser, takeKeptAsPlaced } from './placedForUser'
import { keepViewOnBoard } from './showInBoard'

/** Scores closer than this count as equal (positions give half points). */
const SCORE_EPSILON = 0.005
/** Positions closer than this (in canvas units) count as equal. */
const POSITION_EPSILON = 0.5

type Container = MatrixShape | SalienceDiagramShape

function isCard(shape: TLShape | undefined): shape is StakeholderCardShape {
  return shape?.type === STAKEHOLDER_CARD_TYPE
}

function isContainer(shape: TLShape | undefined): shape is Container {
  return shape?.type === MATRIX_TYPE || shape?.type === SALIENCE_DIAGRAM_TYPE
}

function centreOf(card: StakeholderCardShape) {
  return { x: card.x + card.props.w / 2, y: card.y + card.props.h / 2 }
}

function differs(a: number | null, b: number | null) {
  if (a === null || b === null) return a !== b
  return Math.abs(a - b) > SCORE_EPSILON
}

/** The scores that decide where a card sits, as one comparable string. */
function placementKey(s: Stakeholder) {
  return [s.influence, s.impact, s.power, s.legitimacy, s.urgency].join('|')
}

/** Starts the two-way sync; returns a function that stops it. */
export function syncCardPlacement(editor: Editor, registry: StakeholderRegistry): () => void {
  /** Cards to read scores off, and whether the user moved them (or they were created). */
  const pending = new Map<TLShapeId, 'moved' | 'created'>()
  /** Where each card being dragged started: its parent then (a board, a frame, the page). */
  const dragOrigins = new Map<TLShapeId, TLShapeId>()
  let timer: ReturnType<typeof setTimeout> | null = null
  /**
   * Where this module last put each card, so that move is not read as the user's drop. (A
   * flag would not do: tldraw runs after-change handlers of a nested change later.)
   */
  const placedHere = new Map<TLShapeId, { x: number; y: number }>()

  function cardsOf(stakeholderId: string): StakeholderCardShape[] {
    return editor.store
      .allRecords()
      .filter(
        (r): r is StakeholderCardShape =>
          r.typeName === 'shape' && isCard(r) && r.props.stakeholderId === stakeholderId,
      )
  }

  function isBeingDraggedHere(card: StakeholderCardShape) {
    return editor.inputs.getIsDragging() && editor.getSelectedShapeIds().includes(card.id)
  }

  /** The card's size for where it now is. */
  function sizeFor(container: Container | undefined) {
    return container ? COMPACT_CARD_SIZE : CARD_SIZE
  }

  /** Moves (and resizes) a card without putting the move on anyone's undo stack. */
  function place(
    card: StakeholderCardShape,
    x: number,
    y: number,
    size: { w: number; h: number } = card.props,
  ) {
    const same =
      Math.abs(card.x - x) < POSITION_EPSILON &&
      Math.abs(card.y - y) < POSITION_EPSILON &&
      card.props.w === size.w &&
      card.props.h === size.h
    if (same) return
    placedHere.set(card.id, { x, y })
    editor.run(
      () =>
        editor.updateShape<StakeholderCardShape>({
          id: card.id,
          type: STAKEHOLDER_CARD_TYPE,
          x,
          y,
          props: { w: size.w, h: size.h },
        }),
      { history: 'ignore' },
    )
  }

  /** True when `card` is where this module put it (and forgets that). */
  function isOwnPlacement(card: StakeholderCardShape): boolean {
    const placed = placedHere.get(card.id)
    placedHere.delete(card.id)
    return placed !== undefined && placed.x === card.x && placed.y === card.y
  }

  function occupiedIn(container: Container, except: TLShapeId) {
    return editor
      .getSortedChildIdsForParent(container.id)
      .filter((id) => id !== except)
      .map((id) => editor.getShape(id))
      .filter(isCard)
      .map((other) => ({ x: other.x, y: other.y, w: other.props.w, h: other.props.h }))
  }

  /** Puts a card where the stakeholder's scores say, inside its container. */
  function placeByScores(card: StakeholderCardShape, stakeholder: Stakeholder) {
    const container = editor.getShape(card.parentId as TLShapeId)
    if (!isContainer(container) || isBeingDraggedHere(card)) return
    const size = COMPACT_CARD_SIZE
    const { w, h } = container.props
    if (container.type === MATRIX_TYPE) {
      if (stakeholder.influence === null || stakeholder.impact === null) return
      const target = pointForScores(
        { influence: stakeholder.influence, impact: stakeholder.impact },
        w,
        h,
      )
      place(card, target.x - size.w / 2, target.y - size.h / 2, size)
    } else {
      const assessment = salienceAssessment(stakeholder)
      if (assessment.status !== 'assessed') return
      const wanted = assessment.salienceClass
      if (classAt(centreOf(card), w, h) === wanted && card.props.w === size.w) return
      const slot = findSlot(wanted, w, h, size, occupiedIn(container, card.id))
      place(card, slot.x, slot.y, size)
    }
  }

  /** Reads the scores off a card this user just placed (`moved`) or created. */
  function applyUserPlacement(card: StakeholderCardShape, how: 'moved' | 'created') {
    const container = editor.getShape(card.parentId as TLShapeId)
    const size = sizeFor(isContainer(container) ? container : undefined)
    if (card.props.w !== size.w || card.props.h !== size.h) {
      // Keep the card's centre where it was dropped while it changes size.
      const centre = centreOf(card)
      place(card, centre.x - size.w / 2, centre.y - size.h / 2, size)
      card = editor.getShape(card.id) as StakeholderCardShape
    }
    const stakeholder = registry.get(card.props.stakeholderId)
    if (!isContainer(container) || !stakeholder) return
    const { w, h } = container.props
    if (container.type === MATRIX_TYPE) {
      const scores = scoresForPoint(centreOf(card), w, h)
      if (
        differs(scores.influence, stakeholder.influence) ||
        differs(scores.impact, stakeholder.impact)
      ) {
        registry.patch(stakeholder.id, scores)
      }
      // Snap to the exact point of the half-point scores, so every client agrees on it.
      const target = pointForScores(scores, w, h)
      place(card, target.x - card.props.w / 2, target.y - card.props.h / 2)
    } else {
      const region = classAt(centreOf(card), w, h)
      if (regionRewritesScores(salienceAssessment(stakeholder), region, how === 'moved')) {
        registry.patch(stakeholder.id, scoresForRegion(stakeholder, region))
      }
    }
  }

  function flush() {
    timer = null
    // Wait for the drop: a drag is one change to the scores, not one per frame.
    if (editor.inputs.getIsDragging() || editor.inputs.getIsPointing()) {
      timer = setTimeout(flush, 100)
      return
    }
    const cards = [...pending]
    pending.clear()
    for (const [id, how] of cards) {
      forgetPlacedForUser(editor, id)
      const originId = dragOrigins.get(id)
      dragOrigins.delete(id)
      const card = editor.getShape(id)
      // Placed by code where it covers no other card, with its scores as they are.
      if (takeKeptAsPlaced(editor, id)) continue
      if (!isCard(card)) continue
      applyUserPlacement(card, how)
      const origin = originId ? editor.getShape(originId) : undefined
      const placed = editor.getShape(id)
      const stakeholder = registry.get(card.props.stakeholderId)
      if (isCard(placed) && stakeholder && isContainer(origin)) {
        keepViewOnBoard(editor, stakeholder, placed, origin)
      }
    }
  }

  function schedule(id: TLShapeId, how: 'moved' | 'created') {
    // A card created and then dragged within one flush was dropped by the user.
    if (pending.get(id) !== 'moved') pending.set(id, how)
    if (!timer) timer = setTimeout(flush, 0)
  }

  const stopCreate = editor.sideEffects.registerAfterCreateHandler('shape', (shape, source) => {
    if (source === 'user' && isCard(shape)) schedule(shape.id, 'created')
  })
  const stopChange = editor.sideEffects.registerAfterChangeHandler(
    'shape',
    (prev, next, source) => {
      if (source !== 'user') return
      if (isCard(next) && isCard(prev)) {
        // Where a drag (not an undo or a paste) took the card from, before it crossed others.
        if (
          prev.parentId !== next.parentId &&
          editor.isIn('select.translating') &&
          !dragOrigins.has(next.id)
        ) {
          dragOrigins.set(next.id, prev.parentId as TLShapeId)
        }
        const moved = prev.x !== next.x || prev.y !== next.y || prev.parentId !== next.parentId
        if (moved && !isOwnPlacement(next)) {
          // Moved onto a board for the user, as if created there: not a judgement of theirs.
          schedule(next.id, isPlacedForUser(editor, next.id) ? 'created' : 'moved')
        }
      } else if (isContainer(next) && isContainer(prev)) {
        if (prev.props.w === next.props.w && prev.props.h === next.props.h) return
        // The grid or the circles changed size: put every card back on its scores.
        for (const id of editor.getSortedChildIdsForParent(next.id)) {
          const card = editor.getShape(id)
          const stakeholder = isCard(card) ? registry.get(card.props.stakeholderId) : null
          if (isCard(card) && stakeholder) placeByScores(card, stakeholder)
        }
      }
    },
  )

  // Scores → positions, for stakeholders whose scores changed since the last run.
  const lastKeys = new Map<string, string>()
  let first = true
  const stopReact = react('place cards by scores', () => {
    const all = registry.all.get()
    const changed: Stakeholder[] = []
    for (const stakeholder of all) {
      const key = placementKey(stakeholder)
      if (!first && lastKeys.get(stakeholder.id) !== key) changed.push(stakeholder)
      lastKeys.set(stakeholder.id, key)
    }
    first = false
    if (changed.length === 0) return
    // Outside the reaction: moving shapes must not make this reaction depend on them.
    queueMicrotask(() => {
      for (const stakeholder of changed) {
        for (const card of cardsOf(stakeholder.id)) placeByScores(card, stakeholder)
      }
    })
  })

  return () => {
    if (timer) clearTimeout(timer)
    stopCreate()
    stopChange()
    stopReact()
  }
}
