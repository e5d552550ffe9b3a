/**
 * Escapes text for HTML and XML, in element content and in quoted attribute values alike.
 * Every user string in the report and its SVG figures goes through this.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
}

/** `text` with `& < > " '` replaced by entities; safe inside elements and quoted attributes. */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)
}
