import { useEffect, useState } from 'react'
import { type TLStore, atom, computed, createTLStore, defaultBindingUtils, react } from 'tldraw'
import { type Role, canEditMap, canFacilitate } from '../../shared/protocol/roles'
import { customShapeUtils, withDefaultShapeUtils } from '../shapes/customShapeUtils'
import { DialogueRecords } from '../dialogues/DialogueRecords'
import { RecordUndo } from '../stakeholders/RecordUndo'
import { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { type MapConnection, connectMap } from '../sync/MapConnection'
import { bindPresence } from '../sync/PresenceBinding'
import { type TldrawYjsBinding, bindTldrawStoreToYDoc } from '../sync/TldrawYjsBinding'
import { translate } from '../i18n/useTranslation'
import { publishedName, shownName } from '../user/displayName'
import { localUserPreferences } from '../user/localUser'
import { takeEarlyConnection } from './mapRequest'
import { presenceUserId, sessionPresenceUser } from '../user/presenceUser'
import { renameGuest } from '../sharing/guestSession'
import { ballotCalls } from '../sharing/ballotCalls'
import { myRoleCall } from '../sharing/myRoleCall'
import { RolePlayModel } from '../workshop/model/RolePlayModel'
import { followGuestName } from './followGuestName'
import { WorkshopModel } from '../workshop/WorkshopModel'
import { FollowUpStepsModel } from '../workshop/model/FollowUpStepsModel'
import { Phase2BoardModel } from '../workshop/model/Phase2BoardModel'
import { exampleVisibility } from '../shapes/example-worksheet/exampleVisibility'
import { serverClockOffset } from '../workshop/serverClock'

/** Everything the map page needs once a map is open. */
export interface MapSession {
  connection: MapConnection
  store: TLStore
  binding: TldrawYjsBinding
  registry: StakeholderRegistry
  /** The dialogue plans and commitments. */
  dialogues: DialogueRecords
  workshop: WorkshopModel
  /** The role play's cards, briefs (facilitators) and this person's own role. */
  rolePlay: RolePlayModel
  /** Undo and redo of this person's own record edits. */
  recordUndo: RecordUndo
  /** Phase 2's case card and example (the board's shapes and the Workshop tab read it). */
  phase2: Phase2BoardModel
  /** tldraw's `getShapeVisibility`: one function for the session (a new one remakes the editor). */
  shapeVisibility: ReturnType<typeof exampleVisibility>
  /** The shape utils bound to this map's registry; the same list the store was made with. */
  shapeUtils: ReturnType<typeof customShapeUtils>
}

/**
 * Opens a map: connects, waits for the first sync (so an existing map is never mistaken for
 * an empty one and seeded twice), then binds a fresh tldraw store to the document. A new
 * map's first page is named in the language of whoever opens it first.
 */
export function useMapSession(mapId: string, token: string | null, role: Role) {
  const [connection, setConnection] = useState<MapConnection | null>(null)
  const [session, setSession] = useState<MapSession | null>(null)

  useEffect(() => {
    // Opened by the entry while this code loaded, when the page was opened on this map.
    const opened = takeEarlyConnection(mapId, token) ?? connectMap(mapId, token, role)
    setConnection(opened)
    let disposed = false
    let cleanup = () => {}

    void opened.synced.then(() => {
      if (disposed) return
      const online = computed('online', () =>
        opened.status.get().kind === 'connected' ? 'online' : 'offline',
      )
      const mode = atom<'readonly' | 'readwrite'>('mode', 'readwrite')
      const confidential = opened.confidential?.doc ?? null
      const registry = new StakeholderRegistry(opened.doc, opened.localOrigin, confidential)
      const dialogues = new DialogueRecords(
        opened.doc,
        opened.localOrigin,
        confidential,
        canFacilitate(role),
      )
      const phase2 = new Phase2BoardModel(opened.doc, opened.localOrigin, role)
      const followUpSteps = new FollowUpStepsModel(opened.doc, opened.localOrigin, role)
      // The cards read the workshop's decorations; the model is made below, with the store.
      const decorationsSource = atom<WorkshopModel | null>('workshopModel', null)
      const workshopDecorations = computed(
        'decorations',
        () => decorationsSource.get()?.decorations.get() ?? new Map(),
      )
      const shapeUtils = customShapeUtils(
        registry,
        workshopDecorations,
        dialogues.overdueByStakeholder,
        dialogues.selfAssessments,
        dialogues,
        computed('evaluation round on the follow-up board', () => {
          const evaluation = decorationsSource.get()?.evaluation
          const round = evaluation?.round.get()
          return evaluation && round ? { ...round, scored: evaluation.submittedCount.get() } : null
        }),
        phase2,
        followUpSteps,
      )
      const store = createTLStore({
        shapeUtils: withDefaultShapeUtils(shapeUtils),
        bindingUtils: defaultBindingUtils,
        collaboration: { status: online, mode },
      })
      const binding = bindTldrawStoreToYDoc(store, opened.doc, {
        writable: canEditMap(role),
        firstPageName: translate(localUserPreferences.get().locale, 'map.firstPageName'),
      })
      const stopMode = react('read-only when outdated', () => {
        const outdated = binding.schemaState.get() === 'outdated'
        mode.set(outdated || !canEditMap(role) ? 'readonly' : 'readwrite')
      })
      // Who the server knows this browser as (its guest session): hands, votes and scores are
      // keyed by that id, and the server names this person so to the others whatever we send.
      const participant = computed('participant', () => {
        const preferences = localUserPreferences.get()
        const identity = opened.identity.get()
        return {
          userId: identity?.id ?? presenceUserId(),
          name: identity?.name ?? publishedName(preferences.name),
          color: preferences.color,
          role,
          place: preferences.place,
          kind: identity?.kind ?? null,
        }
      })
      const user = sessionPresenceUser(opened.identity)
      const stopPresence = bindPresence(
        store,
        opened.provider.awareness,
        user,
        participant,
        serverClockOffset,
        (published) =>
          shownName(published, (key) => translate(localUserPreferences.get().locale, key)),
      )
      const stopGuestName = followGuestName(opened, token)
      // The confidential socket relays no presence; the server only keeps the name given
      // there, to say who changed a contact in the audit trail.
      const stopNaming = react('name on the confidential socket', () => {
        const { name } = participant.get()
        opened.confidential?.provider.awareness.setLocalState({ user: { name } })
      })
      const workshop = new WorkshopModel({
        doc: opened.doc,
        origin: opened.localOrigin,
        awareness: opened.provider.awareness,
        registry,
        self: participant,
        connected: computed('connected', () => opened.status.get().kind === 'connected'),
        renameParticipant: (guestId, name) =>
          renameGuest(mapId, token, guestId, name).then(() => undefined),
        ballots: ballotCalls(mapId, token, () => opened.guestSession()?.token ?? null),
        dialogues,
        phase2,
      })
      decorationsSource.set(workshop)
      const rolePlay = new RolePlayModel(
        opened.doc,
        confidential,
        opened.localOrigin,
        myRoleCall(mapId, token, () => opened.guestSession()?.token ?? null),
        computed('self id', () => opened.identity.get()?.id ?? null),
      )
      // Changes made in the last throttle window are written before the page goes away.
      const flushOnLeave = () => binding.flush()
      window.addEventListener('pagehide', flushOnLeave)
      cleanup = () => {
        window.removeEventListener('pagehide', flushOnLeave)
        stopMode()
        stopPresence()
        stopGuestName()
        stopNaming()
        binding.dispose()
        registry.dispose()
        dialogues.dispose()
        phase2.dispose()
        followUpSteps.dispose()
        workshop.dispose()
        rolePlay.dispose()
        recordUndo.destroy()
      }
      const recordUndo = new RecordUndo(opened.doc, opened.localOrigin, confidential)
      setSession({
        connection: opened,
        store,
        binding,
        registry,
        dialogues,
        phase2,
        shapeVisibility: exampleVisibility(phase2),
        shapeUtils,
        workshop,
        rolePlay,
        recordUndo,
      })
    })

    return () => {
      disposed = true
      cleanup()
      opened.destroy()
      setSession(null)
      setConnection(null)
    }
  }, [mapId, token, role])

  return { connection, session }
}
