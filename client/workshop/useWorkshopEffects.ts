import { useEffect } from 'react'
import { type Editor, type TLShapeId, type TLUserId, createUserId, react } from 'tldraw'
import type { WorkshopModel } from './WorkshopModel'
import { serverNow } from './serverClock'
import { groupShapeIds } from './tableGroups'

/** Requests older than this when the page opens are history, not something to act on. */
const FRESH_FOR_MS = 60_000

/**
 * Acts on the facilitator's requests in this participant's view: follow the facilitator
 * (until the participant moves away: tldraw stops following on their own camera move), go
 * to the area the facilitator shows, look at the spotlighted card, go to one's table.
 */
export function useWorkshopEffects(editor: Editor | null, model: WorkshopModel) {
  useEffect(() => {
    if (!editor) return
    let seenFollow = 0
    let seenBring = 0
    let seenSpotlight = 0
    let seenGroup: number | undefined
    return react('workshop effects', () => {
      const state = model.facilitation.get()
      const me = model.self.get().userId
      const fresh = (at: number) => serverNow() - at < FRESH_FOR_MS
      const { followMe, bringHere, spotlight, groups } = state
      queueMicrotask(() => {
        if (followMe && followMe.userId !== me && followMe.at !== seenFollow) {
          seenFollow = followMe.at
          editor.startFollowingUser(presenceUserIdOf(followMe.userId))
        } else if (!followMe && seenFollow !== 0) {
          seenFollow = 0
          if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
        }
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
            if (spotlight.userId !== me)
              editor.zoomToBounds(bounds, { animation: { duration: 400 }, inset: 200 })
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
 * The id a participant's tldraw presence records carry: `user:<id>` of the id the workshop
 * keys them by (the server writes it so, issue 18); ids from before already have the prefix.
 */
function presenceUserIdOf(participantId: string): TLUserId {
  return participantId.startsWith('user:')
    ? (participantId as TLUserId)
    : createUserId(participantId)
}
