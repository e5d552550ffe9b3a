/**
 * Sticky notes and checklist items on a projector: their text at a size read from the back
 * of a room, which does not fit the boxes made for a laptop. Within one frame, the blocks
 * of text (notes, checklist items) are laid out again in the rows they stand in: a row
 * widens into free room to its right up to the frame's edge, each block grows down to hold
 * its text, and the rows below move down by what the rows above grew. Only what is drawn
 * moves: the shapes stay put for everyone else.
 */
import { textLines } from './textLines'
import type { Area } from './waitingPlateGrid'

/** A note or checklist item, in its frame's coordinates. */
export interface TextBlock extends Area {
  id: string
  text: string
  /** Room in the block's width taken by something beside the text (a tick box). */
  besideText?: number
}

/** How the text is set: the size, and the room a block takes around it (page units). */
export interface TextSetting {
  fontSize: number
  /** Average glyph width in em. */
  glyphEm: number
  lineHeight: number
  /** Padding across (each side) and down (each side), and anything else beside the text. */
  insetX: number
  insetY: number
}

function longestWord(text: string) {
  return Math.max(0, ...text.split(/\s+/).map((word) => [...word].length))
}

/** Blocks whose tops are closer than this stand in one row. */
const SAME_ROW = 12

/** Each block's new area, in the frame's coordinates; `others` are the frame's other shapes. */
export function reflowTextBlocks(
  blocks: readonly TextBlock[],
  frameWidth: number,
  others: readonly Area[],
  setting: TextSetting,
): Map<string, Area> {
  const rows: TextBlock[][] = []
  for (const block of [...blocks].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - block.y) < SAME_ROW)
    if (row) row.push(block)
    else rows.push([block])
  }
  const areas = new Map<string, Area>()
  let shift = 0
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x)
    const left = row[0]!.x
    const top = Math.min(...row.map((b) => b.y))
    const bottom = Math.max(...row.map((b) => b.y + b.h))
    const last = row[row.length - 1]!
    // The row's right edge: the frame's edge (as far from it as the row is from the left),
    // or the nearest shape standing beside the row.
    const gap = row.length > 1 ? row[1]!.x - (row[0]!.x + row[0]!.w) : 0
    let right = Math.max(last.x + last.w, frameWidth - left)
    for (const other of others) {
      const beside = other.y < bottom && top < other.y + other.h && other.x >= last.x + last.w
      if (beside) right = Math.max(last.x + last.w, Math.min(right, other.x - (gap || left)))
    }
    const glyph = setting.glyphEm * setting.fontSize
    const perLineAt = (block: TextBlock, width: number) =>
      (width - 2 * setting.insetX - (block.besideText ?? 0)) / glyph
    // As many columns as keep every word whole on a line: notes too narrow for the large
    // type stack two by two, or one under the other, rather than break words.
    let columns = row.length
    const widthFor = (count: number) =>
      Math.max(Math.min(...row.map((b) => b.w)), (right - left - gap * (count - 1)) / count)
    while (
      columns > 1 &&
      row.some((block) => longestWord(block.text) > perLineAt(block, widthFor(columns)))
    )
      columns--
    const width = widthFor(columns)
    for (let start = 0; start < row.length; start += columns) {
      const line = row.slice(start, start + columns)
      const heights = line.map((block) => {
        const lines = textLines(block.text, perLineAt(block, width))
        return Math.max(block.h, lines * setting.lineHeight * setting.fontSize + 2 * setting.insetY)
      })
      const lineHeight = Math.max(...heights)
      line.forEach((block, index) => {
        areas.set(block.id, {
          x: left + index * (width + gap),
          y: top + shift,
          w: width,
          h: lineHeight,
        })
      })
      shift += lineHeight + (start + columns < row.length ? Math.max(gap, SAME_ROW) : 0)
    }
    shift -= bottom - top
    shift = Math.max(0, shift)
  }
  return areas
}
