/**
 * Text escaping for SpreadsheetML, shared by the XLSX writer and reader. Besides XML's own
 * escapes, OOXML writes characters XML cannot carry (control characters, and `\r`, which
 * XML parsers turn into `\n`) as `_xHHHH_`; a literal `_xHHHH_` in the text is protected
 * by escaping its underscore as `_x005F_`.
 */

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000B\u000C\u000D\u000E-\u001F\uFFFE\uFFFF]/g
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const ESCAPED = /_x([0-9A-Fa-f]{4})_/g

/** Text as XML character data (also safe inside a double-quoted attribute). */
export function escapeXlsxText(text: string): string {
  return text
    .replace(LONE_SURROGATE, '\uFFFD')
    .replace(NEEDS_ESCAPE, (match) =>
      match.length > 1
        ? `_x005F_${match.slice(1)}`
        : `_x${match.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`,
    )
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** Undoes the `_xHHHH_` escapes of {@link escapeXlsxText} (XML entities are already decoded). */
export function unescapeXlsxText(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(ESCAPED, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)))
}
