import type { Logger } from 'pino'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import type { SyncTransport } from '../transport/createSyncTransport'
import type { Cluster } from './Cluster'

/**
 * The node's transport as the HTTP API should see it on a cluster: closing a map's sockets
 * (token or guest link revoked: 4403, map deleted: 4404; a signed-in user's membership or
 * session ended: 4403 / 4401) also tells the other nodes, which close theirs
 * and, for a deleted map, drop their room without writing; renaming a guest tells them too,
 * and they re-stamp that guest's presence.
 */
export function clusterWideTransport(
  transport: SyncTransport,
  cluster: Cluster,
  rooms: LoadedRooms,
  logger: Logger,
): SyncTransport {
  cluster.onRenameNotice(({ mapId, guestId, name }) => {
    transport.renameGuest(mapId, guestId, name)
  })
  cluster.onCloseNotice((notice) => {
    if ('sockets' in notice) {
      transport.closeSocketsOf(notice.sockets, notice.code, notice.reason)
      return
    }
    const { mapId, code, reason } = notice
    if ('guestLinkId' in notice) {
      transport.closeGuestLinkConnections(mapId, notice.guestLinkId, code, reason)
      return
    }
    transport.closeMapConnections(mapId, notice.role, code, reason)
    if (code !== CloseCode.mapNotFound) return
    // Deleted elsewhere: unsaved updates of this map have nowhere to go.
    rooms.deleteMap(mapId).catch((error: unknown) => {
      logger.warn({ err: error, mapId }, 'could not drop the room of a deleted map')
    })
  })
  return {
    handleUpgrade: (request, socket, head) => transport.handleUpgrade(request, socket, head),
    get connectionCount() {
      return transport.connectionCount
    },
    close: (code, reason) => transport.close(code, reason),
    memberSessions: () => transport.memberSessions(),
    // A rename reaches every node's sockets of that guest, and their presence, at once.
    renameGuest(mapId, guestId, name) {
      cluster.announceRename({ mapId, guestId, name })
      return transport.renameGuest(mapId, guestId, name)
    },
    closeMapConnections(mapId, role, code, reason) {
      cluster.announceClose({ mapId, role, code, reason })
      return transport.closeMapConnections(mapId, role, code, reason)
    },
    closeGuestLinkConnections(mapId, guestLinkId, code, reason) {
      cluster.announceClose({ mapId, guestLinkId, code, reason })
      return transport.closeGuestLinkConnections(mapId, guestLinkId, code, reason)
    },
    closeSocketsOf(filter, code, reason = 'access ended') {
      cluster.announceClose({ sockets: filter, code, reason })
      return transport.closeSocketsOf(filter, code, reason)
    },
  }
}
