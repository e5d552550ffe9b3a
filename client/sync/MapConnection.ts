/**
 * One map's Y.Docs and their y-websocket connections to our server: the map document, and
 * for owners and facilitators (`canReadConfidential`) also the confidential document
 * (contacts and confidential log entries) on its own socket, `<mapId>/confidential`. Other
 * roles open no second socket and keep no copy of it (an old one is deleted).
 *
 * Each document has a local copy in IndexedDB, so edits made offline survive, and however
 * many there are they reach the server in parts it accepts (sendUpdatesInParts). What the
 * tab changed is also kept in localStorage until IndexedDB committed it, so a tab closed
 * right after a write loses nothing (pendingLocalWrites). When this
 * browser's copy may be from before the confidential document existed, the sockets connect
 * only after migrateLocalCopy cleared it, so none of that content is sent anywhere first.
 *
 * The confidential socket connects only once its local copy is loaded, so that the erasure
 * register the server sends first (erasureRegisterHandler.ts) finds every contact this
 * browser holds; on each register the local copy is rewritten from the document, so erased
 * contacts are no longer in IndexedDB either.
 *
 * Before the sockets connect, the browser opens its guest session of the map (issue 18,
 * sharing/guestSession.ts) and sends its token on both sockets (`?guest=`), so the server
 * knows who this is; without an answer (offline) they connect with the link token only.
 *
 * The connection status combines the map provider's socket status with the browser's own
 * online flag, so the user sees "offline" at once instead of a reconnect loop, and
 * "refused" when the server closed with a final code (unknown map, no access).
 *
 * When the browser says it went offline the sockets are closed at once (the badge says
 * "offline", no reconnect loop) and opened again when it is back. A socket can outlive the
 * network (Chromium's offline mode holds the close frame, a laptop that lost Wi-Fi may not
 * close it for minutes): the server drops it within 8 s because this page's heartbeat
 * answers stop (answerHeartbeats.ts), so the others see this person gone. Edits made in
 * between stay in the document and its local copy and go to the server with the next sync.
 */
// Signals from tldraw's own state library, not tldraw: this module loads before the canvas.
import { atom, type Atom } from '@tldraw/state'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { IndexeddbPersistence, clearDocument, storeState } from 'y-indexeddb'
import { CONFIDENTIAL_DOCUMENT } from '../../shared/document/mapDocumentLayout'
import { CloseCode, isFinalCloseCode } from '../../shared/protocol/closeCodes'
import { type Role, canReadConfidential } from '../../shared/protocol/roles'
import { GUEST_SESSION_PARAM } from '../../shared/protocol/guestApi'
import type { Identity } from '../../shared/protocol/identity'
import { openGuestSession } from '../sharing/guestSession'
import type { StoredGuestSession } from '../sharing/mapAccess'
import { publishedName } from '../user/displayName'
import { removeErasedContacts } from '../../shared/document/erasureRegister'
import { handleErasureRegister } from './erasureRegisterHandler'
import { sendUpdatesInParts } from './sendUpdatesInParts'
import { answerHeartbeats } from './answerHeartbeats'
import { forgetPendingLocalWrites, keepPendingLocalWrites } from './pendingLocalWrites'
import { localCopyIsCurrent, migrateLocalCopy } from './migrateLocalCopy'

/** How long to wait for the server before opening the local copy instead. */
const OFFLINE_OPEN_AFTER_MS = 4000

/** Name of the browser's local copy (IndexedDB) of a map's map document. */
export function localCopyName(mapId: string): string {
  return `stakeholder-canvas:${mapId}`
}

/** Name of the local copy of a map's confidential document (owners and facilitators only). */
export function confidentialCopyName(mapId: string): string {
  return `${localCopyName(mapId)}:${CONFIDENTIAL_DOCUMENT}`
}

/** What the connection badge shows. */
export type ConnectionStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting' }
  | { kind: 'offline' }
  | { kind: 'refused'; code: number; reason: string }

/** The confidential document of a map and its own provider. */
export interface ConfidentialConnection {
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
}

/** A map's documents, providers and observable status. */
export interface MapConnection {
  readonly mapId: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  /** The confidential document; null for a role that may not read it. */
  readonly confidential: ConfidentialConnection | null
  readonly status: Atom<ConnectionStatus>
  /** Origin of this client's own writes outside tldraw (stakeholder records, facilitation). */
  readonly localOrigin: object
  /** Resolves once the first sync with the server completed. */
  readonly synced: Promise<void>
  /** Who the server knows this browser as on this map (its guest); null until known. */
  readonly identity: Atom<Identity | null>
  /** The guest session the sockets were opened with; null without one. */
  readonly guestSession: () => StoredGuestSession | null
  /** Takes the session as renamed by this person (its identity follows). */
  renamed(session: StoredGuestSession): void
  destroy(): void
}

/** The sync endpoint of the server that served this page (ws: on http, wss: on https). */
export function syncUrlForLocation(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${location.host}/sync`
}

/** How long opening a map waits to learn whether someone is signed in. */
const SESSION_TIMEOUT_MS = 4000

/** Opens the connections for `mapId`, authenticated by a share token of `role`. */
export function connectMap(
  mapId: string,
  token: string | null,
  role: Role,
  serverUrl = syncUrlForLocation(window.location),
) {
  // An old local copy is cleared before anything is sent (see the module comment).
  const migrating = !localCopyIsCurrent(mapId)
  const identity = atom<Identity | null>('identity', null)
  let session: StoredGuestSession | null = null
  const providers: WebsocketProvider[] = []
  // The providers this page has started: going offline stops them, coming back restarts them.
  const started = new Set<WebsocketProvider>()
  const start = (each: WebsocketProvider) => {
    if (destroyed) return
    started.add(each)
    if (navigator.onLine) each.connect()
  }
  // The sockets wait for the guest session (see the module comment).
  // Signed in (organisation mode), the user as the provider names them is who the server
  // knows this browser as, with a link or without; otherwise a link opens a guest session.
  const signedIn = Promise.race([
    import('../config/apiClient')
      .then(({ fetchSession }) => fetchSession())
      .then(({ user }) => user)
      .catch(() => null),
    // Out of reach (offline, a hanging network): go on as before rather than wait.
    new Promise<null>((resolve) => setTimeout(() => resolve(null), SESSION_TIMEOUT_MS)),
  ])
  const guestReady: Promise<void> = signedIn.then(async (user) => {
    if (user !== null) {
      identity.set({ kind: 'user', id: user.id, name: user.name })
      return
    }
    if (!token) return
    try {
      // The person's preferences load lazily: this module is also read outside a page.
      const { localUserPreferences } = await import('../user/localUser')
      const opened = await openGuestSession(
        mapId,
        token,
        publishedName(localUserPreferences.get().name),
      )
      session = opened
      if (opened === null) return
      for (const each of providers) each.params[GUEST_SESSION_PARAM] = opened.token
      identity.set(opened.guest)
    } catch {
      // Without a guest session the sockets still open, as a guest of this connection.
    }
  })
  const open = (room: string, doc: Y.Doc, connect = !migrating) => {
    const provider = new WebsocketProvider(serverUrl, room, doc, {
      // Tabs must not sync with each other behind the server's back: the server enforces roles.
      disableBc: true,
      params: token ? { token } : {},
      connect: false,
    })
    providers.push(provider)
    // Before connecting: what was done offline must not be refused for its size.
    sendUpdatesInParts(provider)
    answerHeartbeats(provider)
    if (connect) {
      void guestReady.then(() => start(provider))
    }
    return provider
  }
  const doc = new Y.Doc()
  const provider = open(mapId, doc)
  const secret = canReadConfidential(role) ? new Y.Doc() : null
  const confidential = secret && {
    doc: secret,
    provider: open(`${mapId}/${CONFIDENTIAL_DOCUMENT}`, secret, false),
    local: new IndexeddbPersistence(confidentialCopyName(mapId), secret),
  }
  // Kept until the local copy holds them: a tab closed meanwhile loses nothing (see there).
  const secretPending =
    confidential &&
    keepPendingLocalWrites(
      confidentialCopyName(mapId),
      confidential.doc,
      confidential.local,
      confidential.provider,
    )
  if (confidential !== null) {
    const { provider: secretProvider, local: secretLocal } = confidential
    handleErasureRegister(secretProvider, (records) => {
      void secretLocal.whenSynced.then(() => {
        removeErasedContacts(secretProvider.doc, records, secretProvider)
        return storeState(secretLocal, true)
      })
    })
    // Loaded first: the register must find what this browser holds (module comment).
    void Promise.all([secretLocal.whenSynced, guestReady]).then(() => {
      if (!migrating) start(secretProvider)
    })
  }
  // A role that may not read it keeps no copy (one may be left from a stronger link).
  if (confidential === null) {
    void clearDocument(confidentialCopyName(mapId))
    forgetPendingLocalWrites(confidentialCopyName(mapId))
  }
  // The server would refuse it (1008) and drop what it holds: forget it, as for the map.
  confidential?.provider.on('connection-close', (event: CloseEvent | null) => {
    if (event?.code === CloseCode.policyViolation) dropPendingContent(confidential.doc)
  })
  const status = atom<ConnectionStatus>('connectionStatus', { kind: 'connecting' })
  let everConnected = false

  const update = () => {
    const current = status.get()
    if (current.kind === 'refused') return
    if (!navigator.onLine) return status.set({ kind: 'offline' })
    if (provider.wsconnected && provider.synced) {
      everConnected = true
      return status.set({ kind: 'connected' })
    }
    status.set({ kind: everConnected ? 'reconnecting' : 'connecting' })
  }

  const onClose = (event: CloseEvent | null) => {
    if (event?.code === CloseCode.policyViolation) dropPendingContent(doc)
    if (event && isFinalCloseCode(event.code)) {
      status.set({ kind: 'refused', code: event.code, reason: event.reason })
      // Deleted map, or access revoked: this browser must not keep a copy of the record.
      if (event.code === CloseCode.mapNotFound || event.code === CloseCode.forbidden) {
        pending.clear()
        void local.clearData()
        void (confidential?.local.clearData() ?? clearDocument(confidentialCopyName(mapId)))
        forgetPendingLocalWrites(confidentialCopyName(mapId))
      }
    } else update()
  }

  provider.on('status', update)
  provider.on('sync', update)
  provider.on('connection-close', onClose)
  const goOffline = () => {
    for (const each of started) each.disconnect()
    update()
  }
  const comeBack = () => {
    if (status.get().kind !== 'refused') for (const each of started) each.connect()
    update()
  }
  window.addEventListener('online', comeBack)
  window.addEventListener('offline', goOffline)

  // The local copy: edits made offline survive closing the tab and merge when back online.
  const local = new IndexeddbPersistence(localCopyName(mapId), doc)
  const pending = keepPendingLocalWrites(localCopyName(mapId), doc, local, provider)
  let destroyed = false
  if (migrating) {
    void Promise.all([migrateLocalCopy(mapId, local, confidential), guestReady]).then(() => {
      start(provider)
      if (confidential) start(confidential.provider)
    })
  }
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve()
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
    // Offline, the local copy is the map: open it rather than wait for a server.
    void local.whenSynced.then(() => {
      const openOffline = () => {
        if (!provider.synced && (!navigator.onLine || !provider.wsconnected)) resolve()
      }
      if (!navigator.onLine) openOffline()
      else setTimeout(openOffline, OFFLINE_OPEN_AFTER_MS)
    })
  })

  const connection: MapConnection = {
    mapId,
    doc,
    provider,
    confidential: confidential && { doc: confidential.doc, provider: confidential.provider },
    status,
    localOrigin: { mapId, kind: 'local' },
    synced,
    identity,
    guestSession: () => session,
    renamed(next) {
      session = next
      identity.set(next.guest)
    },
    destroy() {
      destroyed = true
      window.removeEventListener('online', comeBack)
      window.removeEventListener('offline', goOffline)
      pending.destroy()
      void local.destroy()
      provider.destroy()
      doc.destroy()
      if (confidential === null) return
      secretPending?.destroy()
      void confidential.local.destroy()
      confidential.provider.destroy()
      confidential.doc.destroy()
    },
  }
  return connection
}

/**
 * Forgets what the document received but could not apply: content waiting for content it
 * builds on, and deletions of content this browser never got. Yjs keeps both and sends them
 * along with every sync, and the server refuses an update that refers to content it does not
 * know (1008), so one such deletion — e.g. of an edit that was lost with a server that died —
 * would keep all of this browser's edits out for good. Nothing of ours is lost: what waits
 * came from the server, which sends it again with the content it needs.
 */
function dropPendingContent(doc: Y.Doc): void {
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
}
