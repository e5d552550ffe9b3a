/**
 * One map's Y.Doc and its y-websocket connection to our server.
 *
 * The connection status combines the provider's socket status with the browser's own
 * online flag, so the user sees "offline" at once instead of a reconnect loop, and
 * "refused" when the server closed with a final code (unknown map, no access).
 */
import { atom, type Atom } from 'tldraw'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { isFinalCloseCode } from '../../shared/protocol/closeCodes'

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
    if (event && isFinalCloseCode(event.code)) {
      status.set({ kind: 'refused', code: event.code, reason: event.reason })
    } else update()
  }

  provider.on('status', update)
  provider.on('sync', update)
  provider.on('connection-close', onClose)
  window.addEventListener('online', update)
  window.addEventListener('offline', update)

  const synced = new Promise<void>((resolve) => {
    if (provider.synced) return resolve()
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return
      provider.off('sync', onSync)
      resolve()
    }
    provider.on('sync', onSync)
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
      provider.destroy()
      doc.destroy()
    },
  }
  return connection
}
