/**
 * Sticky notes and checklist items on a projector: their text at a size read from the back
 * of a room, which does not fit the boxes made for a laptop. Within one frame, the blocks
 * of text (notes, checklist items) are laid out again in the rows they stand in: a row
 * widens into free room to its right up to the frame's edge, its blocks stack in fewer
 * columns if a word would not fit on a line, each block grows down to hold its text, and
 * the rows below move down by what the rows above grew. A row right above a board sets its
 * text smaller (down to a floor) rather than run over the board. Only what is drawn moves:
 * the shapes stay put for everyone else.
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

/** How the text is set: the size, and the room a block takes around it (in em). */
export interface TextSetting {
  fontSize: number
  /** A row with a board right below it may set its text down to this to stay above it. */
  smallestFontSize: number
  /** Average glyph width in em. */
  glyphEm: number
  lineHeight: number
  /** Padding across (each side) and down (each side), in em. */
  insetXEm: number
  insetYEm: number
}

/** A block's new area and the size of its text. */
export interface ReflowedBlock extends Area {
  fontSize: number
}

/** Blocks whose tops are closer than this stand in one row. */
const SAME_ROW = 12

function longestWord(text: string) {
  return Math.max(0, ...text.split(/\s+/).map((word) => [...word].length))
}

/** A row's blocks laid out between `left` and `right` at `fontSize`, tops from 0. */
function layRow(
  row: readonly TextBlock[],
  left: number,
  right: number,
  gap: number,
  floor: number,
  setting: TextSetting,
  fontSize: number,
) {
  const glyph = setting.glyphEm * fontSize
  const perLineAt = (block: TextBlock, width: number) =>
    (width - 2 * setting.insetXEm * fontSize - (block.besideText ?? 0)) / glyph
  const widthFor = (count: number) =>
    Math.max(Math.min(...row.map((b) => b.w)), (right - left - gap * (count - 1)) / count)
  const heightOf = (block: TextBlock, width: number) =>
    Math.max(
      block.h,
      textLines(block.text, perLineAt(block, width)) * setting.lineHeight * fontSize +
        2 * setting.insetYEm * fontSize,
    )
  const layout = (count: number) => {
    const width = widthFor(count)
    const areas = new Map<string, ReflowedBlock>()
    let height = 0
    for (let start = 0; start < row.length; start += count) {
      const line = row.slice(start, start + count)
      const lineHeight = Math.max(...line.map((block) => heightOf(block, width)))
      line.forEach((block, index) =>
        areas.set(block.id, {
          x: left + index * (width + gap),
          y: height,
          w: width,
          h: lineHeight,
          fontSize,
        }),
      )
      height += lineHeight
      if (start + count < row.length) height += Math.max(gap, SAME_ROW)
    }
    return { areas, height }
  }
  // As many columns as keep every word whole on a line (notes too narrow for the large type
  // stack two by two, or one under the other), but not so few that the row reaches `floor`.
  const wordsWhole = (count: number) =>
    row.every((block) => longestWord(block.text) <= perLineAt(block, widthFor(count)))
  let columns = row.length
  while (columns > 1 && !wordsWhole(columns) && layout(columns - 1).height <= floor) columns--
  return layout(columns)
}

/** Each block's new area, in the frame's coordinates; `others` are the frame's other shapes. */
export function reflowTextBlocks(
  blocks: readonly TextBlock[],
  frameWidth: number,
  others: readonly Area[],
  setting: TextSetting,
): Map<string, ReflowedBlock> {
  const rows: TextBlock[][] = []
  for (const block of [...blocks].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - block.y) < SAME_ROW)
    if (row) row.push(block)
    else rows.push([block])
  }
  const reflowed = new Map<string, ReflowedBlock>()
  let shift = 0
  for (const row of rows) {
    row.sort((a, b) => a.x - b.x)
    const left = row[0]!.x
    const top = Math.min(...row.map((b) => b.y))
    const bottom = Math.max(...row.map((b) => b.y + b.h))
    const last = row[row.length - 1]!
    const gap = row.length > 1 ? row[1]!.x - (row[0]!.x + row[0]!.w) : 0
    // The row's right edge: the frame's edge (as far from it as the row is from the left),
    // or the nearest shape standing beside the row.
    let right = Math.max(last.x + last.w, frameWidth - left)
    for (const other of others) {
      const beside = other.y < bottom && top < other.y + other.h && other.x >= last.x + last.w
      if (beside) right = Math.max(last.x + last.w, Math.min(right, other.x - (gap || left)))
    }
    // The height the row may take: down to the first other shape below it (a board).
    const floor = Math.min(
      Infinity,
      ...others
        .filter((o) => o.y >= bottom && o.x < right && left < o.x + o.w)
        .map((o) => o.y - Math.max(gap, SAME_ROW) - (top + shift)),
    )
    let fontSize = setting.fontSize
    let layout = layRow(row, left, right, gap, floor, setting, fontSize)
    while (layout.height > floor && fontSize * 0.95 >= setting.smallestFontSize) {
      fontSize *= 0.95
      layout = layRow(row, left, right, gap, floor, setting, fontSize)
    }
    for (const [id, area] of layout.areas) reflowed.set(id, { ...area, y: area.y + top + shift })
    shift = Math.max(0, shift + layout.height - (bottom - top))
  }
  return reflowed
}
