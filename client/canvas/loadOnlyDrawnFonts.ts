/**
 * tldraw asks for all 16 of its font files (4 families × regular/bold/italic) as the editor
 * mounts, 1.3 MiB before a map shows. Called from `onMount`, before tldraw's queued request
 * runs, this turns that request into a registration: each font is known to the page but
 * fetched only when text on screen uses it (the browser loads a registered FontFace lazily).
 * The fonts of the shapes on the current page are loaded at once, as tldraw needs them
 * measured, and again whenever a shape needing another font appears.
 */
import { type Editor, type TLFontFace, react, unsafe__withoutCapture } from 'tldraw'
import { ownAssetUrls } from './ownAssetUrls'

/** Descriptors tldraw gives its FontFace objects; the same ones, so it finds ours. */
const DESCRIPTORS = [
  'style',
  'weight',
  'stretch',
  'unicodeRange',
  'featureSettings',
  'ascentOverride',
  'descentOverride',
  'lineGapOverride',
] as const

/** Starts the lazy font policy on `editor`; returns the stop function for `onMount`. */
export function loadOnlyDrawnFonts(editor: Editor): () => void {
  const fonts = editor.fonts
  const ensure = fonts.ensureFontIsLoaded.bind(fonts)
  // tldraw's request at mount is one microtask queued before onMount; ours runs after it.
  fonts.ensureFontIsLoaded = async (font) => registerLazily(editor, font)
  queueMicrotask(() => {
    fonts.ensureFontIsLoaded = ensure
  })
  return react('load the fonts of drawn shapes', () => {
    const needed = new Set<TLFontFace>()
    for (const id of editor.getCurrentPageShapeIds()) {
      for (const face of fonts.getShapeFontFaces(id)) needed.add(face)
    }
    unsafe__withoutCapture(() => {
      for (const face of needed) void ensure(face)
    })
  })
}

function registerLazily(editor: Editor, font: TLFontFace): void {
  const fontSet = editor.getContainer().ownerDocument.fonts
  const url = ownAssetUrls.fonts?.[font.src.url] ?? font.src.url
  const descriptors: FontFaceDescriptors = {}
  for (const key of DESCRIPTORS) {
    const value = font[key]
    if (value !== undefined) descriptors[key] = value
  }
  const known = [...fontSet].some(
    (face) =>
      face.family === font.family &&
      face.weight === (font.weight ?? 'normal') &&
      face.style === (font.style ?? 'normal'),
  )
  if (known) return
  fontSet.add(
    new FontFace(font.family, `url(${JSON.stringify(url)})`, { ...descriptors, display: 'swap' }),
  )
}
