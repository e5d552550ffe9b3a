/**
 * One map's Y.Doc and its y-websocket connection to our server.
 *
 * The connection status combines the provider's socket status with the browser's own
 * online flag, so the user sees "offline" at once instead of a reconnect loop, and
 * "refused" when the server closed with a final code (unknown map, no access).
 */
// Signals from tldraw's own state library, not tldraw: this module loads before the canvas.
import { atom, type Atom } from '@tldraw/state'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { IndexeddbPersistence } from 'y-indexeddb'
import { CloseCode, isFinalCloseCode } from '../../shared/protocol/closeCodes'

/** How long to wait for the server before opening the local copy instead. */
const OFFLINE_OPEN_AFTER_MS = 4000

/** Name of the browser's local copy (IndexedDB) of a map. */
export function localCopyName(mapId: string): string {
  return `stakeholder-canvas:${mapId}`
}

/** What the connection badge shows. */
export type ConnectionStatus =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting' }
  | { kind: 'offline' }
  | { kind: 'refused'; code: number; reason: string }

/** A map's document, provider and observable status. */
export interface MapConnection {
  readonly mapId: string
  readonly doc: Y.Doc
  readonly provider: WebsocketProvider
  readonly status: Atom<ConnectionStatus>
  /** Origin of this client's own writes outside tldraw (stakeholder records, facilitation). */
  readonly localOrigin: object
  /** Resolves once the first sync with the server completed. */
  readonly synced: Promise<void>
  destroy(): void
}

/** The sync endpoint of the server that served this page (ws: on http, wss: on https). */
export function syncUrlForLocation(location: Location): string {
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:'
  return `${protocol}//${location.host}/sync`
}

/** Opens the connection for `mapId`, authenticated by a share token. */
export function connectMap(
  mapId: string,
  token: string | null,
  serverUrl = syncUrlForLocation(window.location),
) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(serverUrl, mapId, doc, {
    // Tabs must not sync with each other behind the server's back: the server enforces roles.
    disableBc: true,
    params: token ? { token } : {},
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
        void local.clearData()
      }
    } else update()
  }

  provider.on('status', update)
  provider.on('sync', update)
  provider.on('connection-close', onClose)
  window.addEventListener('online', update)
  window.addEventListener('offline', update)

  // The local copy: edits made offline survive closing the tab and merge when back online.
  const local = new IndexeddbPersistence(localCopyName(mapId), doc)
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
    status,
    localOrigin: { mapId, kind: 'local' },
    synced,
    destroy() {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
      void local.destroy()
      provider.destroy()
      doc.destroy()
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
