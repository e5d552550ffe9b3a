/**
 * Acts on the facilitator's "open this board" (shared/workshop/boardLinks.ts) in this
 * person's view. The facilitator who opened it is taken to the whole board, and whoever
 * follows them sees it through following. Someone seated at a table goes to their own
 * table's part of the board when it has one (as a split takes them to their table), and
 * stops following, which would pull them away from it. Everyone else keeps what they see.
 *
 * A request counts when it is new (its time differs from the last one acted on) and fresh
 * (under a minute old when the page sees it), so a page opened later does not jump to an
 * old board; the board's frames may arrive after the request, so it waits for them.
 */
import { useEffect } from 'react'
import { type Editor, react } from 'tldraw'
import type { WorkshopModel } from './WorkshopModel'
import { boardBounds, boardTableBounds, zoomToArea } from '../canvas/boardAreas'
import { serverNow } from './serverClock'

const FRESH_FOR_MS = 60_000

export function useOpenBoard(editor: Editor | null, model: WorkshopModel) {
  useEffect(() => {
    if (!editor) return
    let seen = 0
    return react('open board', () => {
      const { openBoard, groups } = model.facilitation.get()
      if (!openBoard || openBoard.at === seen || serverNow() - openBoard.at >= FRESH_FOR_MS) return
      const me = model.self.get().userId
      const myTable = groups?.assignments[me]
      const area =
        openBoard.userId === me
          ? boardBounds(editor, openBoard.board)
          : myTable !== undefined
            ? boardTableBounds(editor, openBoard.board, myTable)
            : undefined
      // Not here yet (frames arrive as their own change), or nothing to do for this person.
      if (!area) {
        if (openBoard.userId !== me && myTable === undefined) seen = openBoard.at
        return
      }
      seen = openBoard.at
      queueMicrotask(() => {
        if (openBoard.userId !== me && editor.getInstanceState().followingUserId) {
          editor.stopFollowingUser()
        }
        zoomToArea(editor, area)
      })
    })
  }, [editor, model])
}
