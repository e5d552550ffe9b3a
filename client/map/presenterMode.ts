/**
 * Presenter mode: the map on a projector, with no panels or toolbars, only the board (and
 * the timer). It is tldraw's focus mode, so tldraw hides its own toolbars and menus, its
 * Ctrl + . toggles it too, and the stakeholder cards read the same flag to draw their names
 * large (cardRendering.ts). A tab's own state: presenting on the projector changes nobody
 * else's screen.
 *
 * `?present` in the address (e.g. `/m/<map>?present#t=<viewer token>`) opens a map straight
 * into it, so the projector laptop needs no clicks.
 */
import type { Editor } from 'tldraw'

/** The address parameter that opens a map in presenter mode. */
export const PRESENT_PARAMETER = 'present'

/** Whether `editor` shows the map in presenter mode. Reactive. */
export function isPresenting(editor: Editor): boolean {
  return editor.getInstanceState().isFocusMode
}

/** Turns presenter mode on or off. */
export function setPresenting(editor: Editor, presenting: boolean) {
  if (isPresenting(editor) !== presenting) editor.updateInstanceState({ isFocusMode: presenting })
}

/** Whether the address asks for presenter mode (`?present`, also `?present=1`). */
export function presenterModeRequested(location: Pick<Location, 'search'>): boolean {
  const value = new URLSearchParams(location.search).get(PRESENT_PARAMETER)
  return value !== null && value !== '0' && value !== 'false'
}
