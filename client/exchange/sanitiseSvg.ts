/**
 * Makes an SVG string safe to download and open on its own: a board exported from tldraw
 * holds what participants typed and pasted, and an SVG opened in a browser runs scripts.
 *
 * A small tokenizer (no DOM, so it is unit-tested in Node) walks the markup and rebuilds it
 * from an allow-list of what may pass:
 * - script-capable and embedding elements are dropped with their content (`script`,
 *   `iframe`, `object`, `embed`, `foreignObject` children such as `<form>`, ...), and so are
 *   animations that could rewrite a link or a handler (`set`, `animate` on `href`/`on*`);
 * - `on*` attributes, `srcdoc`, `formaction` and the like are dropped;
 * - URLs (`href`, `xlink:href`, `src`, ...) keep only `#fragment`s and `data:image/...`, plus
 *   http(s)/mailto on `<a>`; `javascript:` and every other scheme go, entity tricks included;
 * - CSS (`<style>` and `style=""`) loses `@import`, `expression(`, `javascript:` and
 *   non-data `url(...)`;
 * - comments, DOCTYPEs (entity expansion) and processing instructions are dropped.
 * Text is re-escaped on the way out, so what comes out is well-formed as far as it goes.
 */

/** Elements removed together with everything inside them (compared by local name). */
const DROPPED_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'base',
  'link',
  'meta',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'handler',
  'listener',
  'audio',
  'video',
  'portal',
  'noscript',
  'template',
])

/** Attributes that hold a URL. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'background', 'poster', 'cite', 'data'])

/** Attributes dropped outright. */
const DROPPED_ATTRIBUTES = new Set(['srcdoc', 'formaction', 'srcset', 'ping', 'codebase'])

const ANIMATION_ELEMENTS = new Set(['set', 'animate', 'animatetransform', 'animatemotion'])

/** Raster images (and SVG shown as an image, which never runs scripts) in data URLs. */
const SAFE_DATA_URL = /^data:image\/(png|jpe?g|gif|webp|avif|bmp|svg\+xml)[;,]/i

interface Attribute {
  name: string
  value: string
}

type Token =
  | { type: 'text'; text: string }
  | { type: 'cdata'; text: string }
  | { type: 'open'; name: string; attributes: Attribute[]; selfClosing: boolean }
  | { type: 'close'; name: string }
  | { type: 'skip' }

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  colon: ':',
  tab: '\t',
  newline: '\n',
}

/** Decodes character references, so `java&#x73;cript:` is seen for what it is. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (match, body: string) => {
    if (body[0] === '#') {
      const code =
        body[1] === 'x' || body[1] === 'X'
          ? parseInt(body.slice(2), 16)
          : parseInt(body.slice(1), 10)
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ''
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? match
  })
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;')
}

function localName(name: string): string {
  const lower = name.toLowerCase()
  const colon = lower.lastIndexOf(':')
  return colon === -1 ? lower : lower.slice(colon + 1)
}

const ATTRIBUTE = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g

function parseTag(body: string): Token {
  const closing = body.startsWith('/')
  const inner = closing ? body.slice(1) : body
  const nameMatch = /^[^\s/>]+/.exec(inner)
  if (!nameMatch) return { type: 'skip' }
  const name = nameMatch[0]
  if (closing) return { type: 'close', name }
  const selfClosing = /\/\s*$/.test(inner)
  const attributes: Attribute[] = []
  const rest = inner.slice(name.length).replace(/\/\s*$/, '')
  for (const match of rest.matchAll(ATTRIBUTE)) {
    const attributeName = match[1]
    if (attributeName === undefined) continue
    const raw = match[2] ?? match[3] ?? match[4] ?? ''
    attributes.push({ name: attributeName, value: decodeEntities(raw) })
  }
  return { type: 'open', name, attributes, selfClosing }
}

/** Splits markup into tokens; quotes inside tags are respected, so `>` in a value is safe. */
function tokenize(svg: string): Token[] {
  const tokens: Token[] = []
  let index = 0
  while (index < svg.length) {
    const lt = svg.indexOf('<', index)
    if (lt === -1) {
      tokens.push({ type: 'text', text: svg.slice(index) })
      break
    }
    if (lt > index) tokens.push({ type: 'text', text: svg.slice(index, lt) })
    if (svg.startsWith('<!--', lt)) {
      const end = svg.indexOf('-->', lt + 4)
      index = end === -1 ? svg.length : end + 3
      tokens.push({ type: 'skip' })
      continue
    }
    if (svg.startsWith('<![CDATA[', lt)) {
      const end = svg.indexOf(']]>', lt + 9)
      tokens.push({ type: 'cdata', text: svg.slice(lt + 9, end === -1 ? svg.length : end) })
      index = end === -1 ? svg.length : end + 3
      continue
    }
    if (svg.startsWith('<!', lt) || svg.startsWith('<?', lt)) {
      // DOCTYPE (with a possible internal subset) or processing instruction: dropped.
      let depth = 0
      let end = lt + 2
      for (; end < svg.length; end++) {
        const char = svg[end]
        if (char === '[') depth++
        else if (char === ']') depth--
        else if (char === '>' && depth <= 0) break
      }
      index = end + 1
      tokens.push({ type: 'skip' })
      continue
    }
    // A tag: find its end outside quotes.
    let quote: string | null = null
    let end = lt + 1
    for (; end < svg.length; end++) {
      const char = svg[end]
      if (quote !== null) {
        if (char === quote) quote = null
      } else if (char === '"' || char === "'") quote = char
      else if (char === '>') break
    }
    tokens.push(parseTag(svg.slice(lt + 1, end)))
    index = end + 1
  }
  return tokens
}

/** True when `url` may stay on an element named `element`. */
function isSafeUrl(url: string, element: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme: so do we.
  // eslint-disable-next-line no-control-regex
  const compact = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '')
  if (compact === '' || compact.startsWith('#')) return true
  if (SAFE_DATA_URL.test(compact)) return element === 'image' || element === 'img'
  if (element === 'a' && /^(https?:|mailto:)/i.test(compact)) return true
  return false
}

/** CSS without imports, expressions, script URLs or external resources. */
export function sanitiseCss(css: string): string {
  return (
    decodeEntities(css)
      // CSS escapes (`\6a avascript`) could hide a scheme; nothing tldraw writes needs them.
      .replace(/\\[0-9a-f]{1,6}\s?/gi, '')
      .replace(/@import[^;]*;?/gi, '')
      .replace(/expression\s*\(/gi, '(')
      .replace(/javascript\s*:/gi, '')
      .replace(/(-moz-binding|behavior)\s*:[^;}]*/gi, '')
      .replace(/url\(\s*(['"]?)(.*?)\1\s*\)/gi, (match, _quote: string, url: string) =>
        /^(data:|#)/i.test(url.trim()) && !/^data:text\/html/i.test(url.trim()) ? match : 'none',
      )
  )
}

function keepAttribute(element: string, attribute: Attribute): Attribute | null {
  const name = attribute.name.toLowerCase()
  const local = localName(name)
  if (local.startsWith('on') || DROPPED_ATTRIBUTES.has(local)) return null
  if (URL_ATTRIBUTES.has(local)) return isSafeUrl(attribute.value, element) ? attribute : null
  if (local === 'style') return { name: attribute.name, value: sanitiseCss(attribute.value) }
  // Attributes that take a URL in `url(...)` form (fill, filter, mask, clip-path, ...).
  if (/url\s*\(/i.test(attribute.value)) {
    return /url\(\s*['"]?\s*#/i.test(attribute.value) ? attribute : null
  }
  if (/javascript\s*:/i.test(attribute.value.replace(/\s/g, ''))) return null
  return attribute
}

/** True for an animation that could set a link or a handler. */
function isDangerousAnimation(element: string, attributes: Attribute[]): boolean {
  if (!ANIMATION_ELEMENTS.has(element)) return false
  const target = attributes.find((attribute) => localName(attribute.name) === 'attributename')
  const targetName = localName(target?.value.trim() ?? '')
  return (
    targetName === '' ||
    targetName === 'href' ||
    targetName.startsWith('on') ||
    targetName === 'style'
  )
}

/** `svg` with everything that could run script or load something removed. */
export function sanitiseSvg(svg: string): string {
  const out: string[] = []
  const open: string[] = []
  let dropping: { name: string; depth: number } | null = null
  let inStyle = 0
  for (const token of tokenize(svg)) {
    if (token.type === 'skip') continue
    if (dropping !== null) {
      if (token.type === 'open' && !token.selfClosing && localName(token.name) === dropping.name) {
        dropping.depth++
      } else if (token.type === 'close' && localName(token.name) === dropping.name) {
        dropping.depth--
        if (dropping.depth === 0) dropping = null
      }
      continue
    }
    switch (token.type) {
      case 'text': {
        const text = decodeEntities(token.text)
        out.push(escapeText(inStyle > 0 ? sanitiseCss(text) : text))
        break
      }
      case 'cdata': {
        const text = inStyle > 0 ? sanitiseCss(token.text) : token.text
        out.push(`<![CDATA[${text.replace(/]]>/g, ']]&gt;')}]]>`)
        break
      }
      case 'open': {
        const element = localName(token.name)
        if (DROPPED_ELEMENTS.has(element) || isDangerousAnimation(element, token.attributes)) {
          if (!token.selfClosing) dropping = { name: element, depth: 1 }
          break
        }
        if (!/^[A-Za-z_][\w:.-]*$/.test(token.name)) break
        const attributes = token.attributes
          .map((attribute) => keepAttribute(element, attribute))
          .filter((attribute): attribute is Attribute => attribute !== null)
          .filter((attribute) => /^[A-Za-z_][\w:.-]*$/.test(attribute.name))
          .map((attribute) => ` ${attribute.name}="${escapeAttribute(attribute.value)}"`)
          .join('')
        out.push(`<${token.name}${attributes}${token.selfClosing ? '/>' : '>'}`)
        if (!token.selfClosing) {
          open.push(token.name)
          if (element === 'style') inStyle++
        }
        break
      }
      case 'close': {
        // Only close what is open, so stray end tags cannot unbalance the output.
        const at = open.lastIndexOf(token.name)
        if (at === -1) break
        while (open.length > at) {
          const name = open.pop()!
          if (localName(name) === 'style') inStyle--
          out.push(`</${name}>`)
        }
        break
      }
    }
  }
  while (open.length > 0) out.push(`</${open.pop()!}>`)
  return out.join('')
}
