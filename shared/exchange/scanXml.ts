/**
 * A small, non-validating XML scanner for the parts of an XLSX file (SpreadsheetML is
 * machine-written, element-only XML). It reports start tags, end tags and text to a
 * callback, with entities decoded. A document type declaration is refused outright: XLSX
 * never has one, and refusing it rules out entity-expansion attacks ("billion laughs").
 * Names are reported without their namespace prefix (`x:row` → `row`).
 */

/** One thing the scanner met. */
export type XmlEvent =
  | { type: 'open'; name: string; attributes: Map<string, string>; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'text'; text: string }

const ENTITY = /&(#x[0-9A-Fa-f]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g
const NAMED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
}
/** Longest tag accepted, attributes included. */
const MAX_TAG_CHARS = 10_000
const ATTRIBUTE = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/** Decodes the five XML entities and character references (invalid code points → U+FFFD). */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10)
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\uFFFD'
    }
    return NAMED[body] ?? whole
  })
}

function localName(name: string): string {
  const colon = name.indexOf(':')
  return colon === -1 ? name : name.slice(colon + 1)
}

/**
 * Scans `xml`, calling `onEvent` for each tag and text run. Returns an error message for
 * XML it will not read (a DOCTYPE, an unterminated construct), otherwise `null`.
 */
export function scanXml(xml: string, onEvent: (event: XmlEvent) => void): string | null {
  let position = 0
  while (position < xml.length) {
    const lt = xml.indexOf('<', position)
    if (lt === -1) {
      onEvent({ type: 'text', text: decodeXmlEntities(xml.slice(position)) })
      return null
    }
    if (lt > position) onEvent({ type: 'text', text: decodeXmlEntities(xml.slice(position, lt)) })
    if (xml.startsWith('<?', lt)) {
      const end = xml.indexOf('?>', lt + 2)
      if (end === -1) return 'unterminated processing instruction'
      position = end + 2
    } else if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4)
      if (end === -1) return 'unterminated comment'
      position = end + 3
    } else if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9)
      if (end === -1) return 'unterminated CDATA section'
      onEvent({ type: 'text', text: xml.slice(lt + 9, end) })
      position = end + 3
    } else if (xml.startsWith('<!', lt)) {
      return 'document type declarations are not allowed'
    } else {
      // Find the end of the tag, skipping `>` inside quoted attribute values.
      let end = lt + 1
      let quote: string | null = null
      while (end < xml.length) {
        const char = xml[end]
        if (quote !== null) {
          if (char === quote) quote = null
        } else if (char === '"' || char === "'") quote = char
        else if (char === '>') break
        end++
      }
      if (end >= xml.length) return 'unterminated tag'
      // Real tags are short; a cap keeps the attribute regex linear on hostile input.
      if (end - lt > MAX_TAG_CHARS) return 'tag too long'
      const body = xml.slice(lt + 1, end)
      position = end + 1
      if (body.startsWith('/')) {
        onEvent({ type: 'close', name: localName(body.slice(1).trim()) })
        continue
      }
      const selfClosing = body.endsWith('/')
      const inner = selfClosing ? body.slice(0, -1) : body
      const nameEnd = inner.search(/[\s]/)
      const name = localName(nameEnd === -1 ? inner : inner.slice(0, nameEnd))
      const attributes = new Map<string, string>()
      if (nameEnd !== -1) {
        for (const match of inner.slice(nameEnd).matchAll(ATTRIBUTE)) {
          const key = match[1]
          if (key !== undefined) attributes.set(key, decodeXmlEntities(match[2] ?? match[3] ?? ''))
        }
      }
      onEvent({ type: 'open', name, attributes, selfClosing })
      if (selfClosing) onEvent({ type: 'close', name })
    }
  }
  return null
}
