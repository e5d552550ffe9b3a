import { useEffect } from 'react'
import { type Editor, type TLShapeId, type TLUserId, createUserId, react } from 'tldraw'
import { canFacilitate, isRole } from '../../shared/protocol/roles'
import type { WorkshopModel } from './WorkshopModel'
import { serverNow } from './serverClock'
import { spotlightCamera } from './spotlightCamera'
import { tableFrameOn } from '../canvas/boardAreas'
import { useOpenBoard } from './useOpenBoard'

/** Requests older than this when the page opens are history, not something to act on. */
const FRESH_FOR_MS = 60_000

/** How long after the page mounts a move to one's table counts as part of opening the map. */
const OPENING_MS = 5_000

/**
 * Acts on the facilitator's requests in this participant's view: follow the facilitator
 * (until the participant moves away: tldraw stops following on their own camera move), go
 * to the area the facilitator shows, look at the spotlighted card, go to one's table.
 *
 * Going to one's table happens once per split (and on opening the page during one, so a
 * late joiner or a reload lands there too), as soon as the table's frame is on this page
 * (its part of the board opened last, such as phase 2's worksheet, else its phase-1 area):
 * the split and the frames arrive as separate changes, in either order. Someone without a
 * table (a viewer, the projector, a trainer) stays where they are. A facilitator's page
 * also seats participants who arrive after the split.
 */
export function useWorkshopEffects(editor: Editor | null, model: WorkshopModel) {
  useFollowTheFacilitator(editor, model)
  useOpenBoard(editor, model)
  useEffect(() => {
    if (!editor) return
    let seenBring = 0
    let seenSpotlight = 0
    // The split (its time and this person's table) whose move is done.
    let seenSeat: string | undefined
    const mountedAt = performance.now()
    // Where a move made while the page opened put the camera, and the canvas size then: the
    // panels are still being laid out, so the canvas may shrink after and cut the table off.
    let openingLanding: { camera: string; screen: string } | null = null
    const stopSeating = react('seat late joiners', () => {
      if (!canFacilitateHere(model)) return
      model.tables.groups.get()
      model.participants.get()
      queueMicrotask(() => model.tables.seatLateJoiners())
    })
    const stopEffects = react('workshop effects', () => {
      const state = model.facilitation.get()
      const me = model.self.get().userId
      const fresh = (at: number) => serverNow() - at < FRESH_FOR_MS
      const { bringHere, spotlight, groups } = state
      const myTable = groups?.assignments[me]
      const seat = groups && myTable !== undefined ? `${groups.at}:${myTable}` : undefined
      // Read here, not in the microtask, so this runs again when the frame arrives.
      const screen = editor.getViewportScreenBounds()
      const screenSize = `${screen.w}x${screen.h}`
      if (openingLanding && performance.now() - mountedAt >= OPENING_MS) openingLanding = null
      // (The camera is read only then, so panning does not rerun all this.)
      const relayout =
        seat !== undefined &&
        seat === seenSeat &&
        openingLanding !== null &&
        openingLanding.screen !== screenSize &&
        openingLanding.camera === JSON.stringify(editor.getCamera())
      const tableBounds =
        myTable !== undefined && ((seat !== undefined && seat !== seenSeat) || relayout)
          ? editor.getShapePageBounds(tableFrameOn(editor, state.openBoard?.board ?? null, myTable))
          : undefined
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
        if (seat !== undefined && (seat !== seenSeat || relayout) && tableBounds) {
          seenSeat = seat
          // Following the facilitator would pull the view away from the table at once.
          if (editor.getInstanceState().followingUserId) editor.stopFollowingUser()
          // While the page opens, at once: an animation would still be at its start when the
          // map's fit-on-open looks at the camera, and be undone (fitContentOnOpen.ts).
          const opening = performance.now() - mountedAt < OPENING_MS
          editor.zoomToBounds(tableBounds, {
            inset: 40,
            ...(opening ? {} : { animation: { duration: 400 } }),
          })
          openingLanding = opening
            ? { camera: JSON.stringify(editor.getCamera()), screen: screenSize }
            : null
        }
      })
    })
    return () => {
      stopSeating()
      stopEffects()
    }
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

/** True when this page's person runs the session (only they may write the seating). */
function canFacilitateHere(model: WorkshopModel): boolean {
  const { role } = model.self.get()
  return isRole(role) && canFacilitate(role)
}
