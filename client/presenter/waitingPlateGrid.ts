/**
 * Where the name plates of cards waiting off the boards go on a projector. Zoomed out to the
 * whole board, a name large enough to read from the back of a room is far wider than its
 * card, so plates of cards laid side by side (the rows new cards arrive in) would pile up.
 * Each group of neighbouring cards gets a grid of plates from the group's top-left corner,
 * in the cards' reading order, with a cell per plate; a group whose grid would run into an
 * earlier group's moves down below it. Only what is drawn moves: the cards stay put.
 */
import { textLines } from './textLines'

/** An area on the page (or in a parent's coordinates). */
export interface Area {
  x: number
  y: number
  w: number
  h: number
}

/** A card waiting off the boards: where it is and the name on it. */
export interface WaitingCard extends Area {
  id: string
  name: string
}

/** A plate is at least this many em wide (about thirteen bold letters), at most the widest. */
export const PLATE_EM = 9
const WIDEST_PLATE_EM = 13
/** Average width of a bold glyph, in em (nameFontSize.ts). */
const BOLD_GLYPH_EM = 0.62
/** Room the padding and border take across and down a plate, in em. */
const PLATE_INSET_EM = 0.8
const LINE_HEIGHT = 1.1
/** Room between plates, in em. */
const PLATE_GAP_EM = 0.4
/** Cards this close (page units) count as one group: twice the gap new cards are laid with. */
const NEIGHBOUR_DISTANCE = 48

function near(a: Area, b: Area) {
  return (
    a.x - NEIGHBOUR_DISTANCE < b.x + b.w &&
    b.x - NEIGHBOUR_DISTANCE < a.x + a.w &&
    a.y - NEIGHBOUR_DISTANCE < b.y + b.h &&
    b.y - NEIGHBOUR_DISTANCE < a.y + a.h
  )
}

function overlaps(a: Area, b: Area) {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/** Groups of cards that touch, directly or through others. */
function neighbourGroups(cards: readonly WaitingCard[]): WaitingCard[][] {
  const groups: WaitingCard[][] = []
  const seen = new Set<string>()
  for (const start of cards) {
    if (seen.has(start.id)) continue
    seen.add(start.id)
    const group = [start]
    for (let i = 0; i < group.length; i++) {
      for (const other of cards) {
        if (!seen.has(other.id) && near(group[i]!, other)) {
          seen.add(other.id)
          group.push(other)
        }
      }
    }
    groups.push(group)
  }
  return groups
}

function boundsOf(cards: readonly Area[]): Area {
  const minX = Math.min(...cards.map((c) => c.x))
  const minY = Math.min(...cards.map((c) => c.y))
  const maxX = Math.max(...cards.map((c) => c.x + c.w))
  const maxY = Math.max(...cards.map((c) => c.y + c.h))
  return { x: minX, y: minY, w: maxX - minX, h: maxY - minY }
}

/** The width (em) of plates for `names`: their longest word whole on a line, if it can. */
export function plateEm(names: readonly string[]): number {
  const longest = Math.max(
    0,
    ...names.flatMap((name) => name.split(/\s+/).map((w) => [...w].length)),
  )
  return Math.min(WIDEST_PLATE_EM, Math.max(PLATE_EM, longest * BOLD_GLYPH_EM + PLATE_INSET_EM))
}

/** The lines a name takes on a plate `em` wide. */
export function plateLines(name: string, em: number): number {
  return textLines(name, (em - PLATE_INSET_EM) / BOLD_GLYPH_EM)
}

/** Each card's plate (same coordinates as the cards) with names set at `fontSize`. */
export function waitingPlateGrid(
  cards: readonly WaitingCard[],
  fontSize: number,
): Map<string, Area> {
  const plates = new Map<string, Area>()
  const em = plateEm(cards.map((card) => card.name))
  const cellW = (em + PLATE_GAP_EM) * fontSize
  const taken: Area[] = []
  const groups = neighbourGroups(cards).sort(
    (a, b) => boundsOf(a).y - boundsOf(b).y || boundsOf(a).x - boundsOf(b).x,
  )
  for (const group of groups) {
    const bounds = boundsOf(group)
    const slotW = Math.min(...group.map((c) => c.w)) + NEIGHBOUR_DISTANCE / 2
    const slotH = Math.min(...group.map((c) => c.h)) + NEIGHBOUR_DISTANCE / 2
    const columns = Math.max(1, Math.min(group.length, Math.round((bounds.w + 24) / slotW)))
    // Reading order: by row of the cards, then left to right.
    const ordered = [...group].sort(
      (a, b) =>
        Math.round((a.y - bounds.y) / slotH) - Math.round((b.y - bounds.y) / slotH) || a.x - b.x,
    )
    const lines = Math.max(...ordered.map((card) => plateLines(card.name, em)))
    const plateH = (lines * LINE_HEIGHT + PLATE_INSET_EM / 2) * fontSize
    const cellH = plateH + PLATE_GAP_EM * fontSize
    const rows = Math.ceil(ordered.length / columns)
    const grid: Area = { x: bounds.x, y: bounds.y, w: columns * cellW, h: rows * cellH }
    for (let moved = true; moved;) {
      moved = false
      for (const other of taken) {
        if (overlaps(grid, other)) {
          grid.y = other.y + other.h
          moved = true
        }
      }
    }
    taken.push(grid)
    ordered.forEach((card, index) => {
      plates.set(card.id, {
        x: grid.x + (index % columns) * cellW,
        y: grid.y + Math.floor(index / columns) * cellH,
        w: em * fontSize,
        h: plateH,
      })
    })
  }
  return plates
}
