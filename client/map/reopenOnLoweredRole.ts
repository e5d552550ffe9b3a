/**
 * A member whose role on a map was lowered (owner to viewer, say) is closed with 4403 just as
 * one who was removed: the socket cannot tell which (server/http/createLibraryRoutes.ts). So
 * a member's page asks the map again: still given a role, it opens anew in that role — a
 * reload, since the role decides what this tab may hold (contacts, confidential entries) —
 * and only without one does the refusal stand. Link holders are not asked: a withdrawn link
 * gives nothing.
 */
import { useEffect } from 'react'
import { useValue } from 'tldraw'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type { Role } from '../../shared/protocol/roles'
import { fetchMapMetadata } from '../config/apiClient'
import type { MapConnection } from '../sync/MapConnection'

export function useReopenOnLoweredRole(
  connection: MapConnection | null,
  mapId: string,
  role: Role,
  viaLink: boolean,
) {
  const forbidden = useValue(
    'forbidden',
    () => {
      const status = connection?.status.get()
      return status?.kind === 'refused' && status.code === CloseCode.forbidden
    },
    [connection],
  )
  useEffect(() => {
    if (!forbidden || viaLink) return
    let cancelled = false
    fetchMapMetadata(mapId, null).then(
      (metadata) => {
        if (!cancelled && metadata.role !== role) window.location.reload()
      },
      // Refused (or out of reach): the banner says access was taken away.
      () => {},
    )
    return () => {
      cancelled = true
    }
  }, [forbidden, viaLink, mapId, role])
}
