/**
 * How many lines a text takes at a given number of characters per line, wrapping at spaces
 * and breaking a word longer than a line (as `overflow-wrap: anywhere` does). An estimate
 * from average glyph widths, so presenter layouts can give each text the room it needs
 * before the browser lays it out.
 */

/** Lines `text` wraps to with at most `perLine` characters on a line (at least 1). */
export function textLines(text: string, perLine: number): number {
  const limit = Math.max(1, Math.floor(perLine))
  let lines = 0
  for (const paragraph of text.split('\n')) {
    let used = -1
    let count = 1
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = [...word].length
      if (length > limit) {
        // A long word starts on a line of its own (if the line has text) and is broken.
        if (used > 0) count++
        count += Math.ceil(length / limit) - 1
        used = length % limit || limit
      } else if (used + 1 + length <= limit) {
        used += 1 + length
      } else {
        count++
        used = length
      }
    }
    lines += count
  }
  return Math.max(1, lines)
}
