import { useEffect } from 'react'
import { type Editor, type TLShapeId, type TLUserId, createUserId, react } from 'tldraw'
import type { WorkshopModel } from './WorkshopModel'
import { serverNow } from './serverClock'
import { spotlightCamera } from './spotlightCamera'
import { groupShapeIds } from './tableGroups'

/** Requests older than this when the page opens are history, not something to act on. */
const FRESH_FOR_MS = 60_000

/**
 * Acts on the facilitator's requests in this participant's view: follow the facilitator
 * (until the participant moves away: tldraw stops following on their own camera move), go
 * to the area the facilitator shows, look at the spotlighted card, go to one's table.
 */
export function useWorkshopEffects(editor: Editor | null, model: WorkshopModel) {
  useFollowTheFacilitator(editor, model)
  useEffect(() => {
    if (!editor) return
    let seenBring = 0
    let seenSpotlight = 0
    let seenGroup: number | undefined
    return react('workshop effects', () => {
      const state = model.facilitation.get()
      const me = model.self.get().userId
      const fresh = (at: number) => serverNow() - at < FRESH_FOR_MS
      const { bringHere, spotlight, groups } = state
      queueMicrotask(() => {
        if (
          bringHere &&
          bringHere.userId !== me &&
          bringHere.at !== seenBring &&
          fresh(bringHere.at)
        ) {
          seenBring = bringHere.at
          editor.stopFollowingUser()
          const { x, y, w, h } = bringHere.bounds
          editor.zoomToBounds({ x, y, w, h }, { animation: { duration: 400 } })
        }
        if (spotlight && spotlight.at !== seenSpotlight && fresh(spotlight.at)) {
          seenSpotlight = spotlight.at
          const shapeId = spotlight.shapeId as TLShapeId
          const bounds = editor.getShapePageBounds(shapeId)
          if (bounds) {
            if (spotlight.userId !== me) {
              const screen = editor.getViewportScreenBounds()
              editor.setCamera(spotlightCamera(bounds, screen), { animation: { duration: 400 } })
            }
            editor.setHintingShapes([shapeId])
            setTimeout(() => editor.setHintingShapes([]), 4000)
          }
        }
        const myGroup = groups?.assignments[me]
        if (myGroup !== seenGroup) {
          seenGroup = myGroup
          const bounds =
            myGroup === undefined
              ? undefined
              : editor.getShapePageBounds(groupShapeIds(myGroup).frame)
          if (bounds) editor.zoomToBounds(bounds, { animation: { duration: 400 }, inset: 40 })
        }
      })
    })
  }, [editor, model])
}

/**
 * Follows the facilitator while they ask everyone to. A page that opens while they do (the
 * projector on the viewer link, a participant who reloads) often knows the request before
 * the facilitator's presence has arrived, and tldraw cannot follow someone it has not seen:
 * so the request waits, watching who is here, until the facilitator is.
 */
function useFollowTheFacilitator(editor: Editor | null, model: WorkshopModel) {
  useEffect(() => {
    if (!editor) return
    let followed = 0
    return react('follow the facilitator', () => {
      const followMe = model.facilitation.get().followMe
      const me = model.self.get().userId
      if (!followMe || followMe.userId === me) {
        if (followed !== 0) {
          followed = 0
          queueMicrotask(() => {
            if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
          })
        }
        return
      }
      if (followMe.at === followed) return
      const leader = presenceUserIdOf(followMe.userId)
      // Read only while waiting, so a page that follows is not woken by every cursor move.
      if (!editor.getCollaborators().some((presence) => presence.userId === leader)) return
      followed = followMe.at
      queueMicrotask(() => editor.startFollowingUser(leader))
    })
  }, [editor, model])
}

/**
 * The id a participant's tldraw presence records carry: `user:<id>` of the id the workshop
 * keys them by (the server writes it so, issue 18); ids from before already have the prefix.
 */
function presenceUserIdOf(participantId: string): TLUserId {
  return participantId.startsWith('user:')
    ? (participantId as TLUserId)
    : createUserId(participantId)
}
