/**
 * The type size of a card's name, so that its longest word fits on one line: Dutch names are
 * long compounds ("Chocoladefabrikant", "Belangenorganisatie"), and a word broken in the
 * middle across two lines is hard to read from the back of a room. Browsers without a
 * hyphenation dictionary (Chromium on Linux, offline) cannot break them properly.
 */

/** The widest a bold glyph of the card's sans-serif runs on average, in em. */
const BOLD_GLYPH_EM = 0.62
/** Below this the name is too small to read on a projected board; it wraps instead. */
const SMALLEST_PX = 12

/** Pixels across the card left for the name, by card width (border, padding, icon). */
export function nameWidth(cardWidth: number, compact: boolean): number {
  return compact ? cardWidth - 26 : cardWidth - 62
}

/** The font size for `name` in `width` pixels, at most `largest`. */
export function nameFontSize(name: string, width: number, largest: number): number {
  const longest = Math.max(0, ...name.split(/\s+/).map((word) => [...word].length))
  if (longest === 0) return largest
  const fitting = Math.floor(width / (longest * BOLD_GLYPH_EM))
  return Math.max(SMALLEST_PX, Math.min(largest, fitting))
}
