/**
 * A map opens on its content: someone opening a share link lands on the whole board, not on
 * an empty corner at 100 % (tldraw keeps no camera for a map it has not seen). Only while
 * the camera is where tldraw starts it, so a camera the person or a "follow me" has already
 * moved is left alone.
 */
import type { Editor } from 'tldraw'

export function fitContentOnOpen(editor: Editor) {
  if (editor.isDisposed) return
  const camera = editor.getCamera()
  const untouched = camera.x === 0 && camera.y === 0 && camera.z === 1
  // Following the facilitator already (their camera arrives a frame later): moving the
  // camera here would stop following.
  if (editor.getInstanceState().followingUserId) return
  if (!untouched || editor.getCurrentPageShapeIds().size === 0) return
  editor.zoomToFit()
}
