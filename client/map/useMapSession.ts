import { useEffect, useState } from 'react'
import {
  type TLStore,
  atom,
  computed,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  react,
} from 'tldraw'
import { type MapConnection, connectMap } from '../sync/MapConnection'
import { bindPresence } from '../sync/PresenceBinding'
import { type TldrawYjsBinding, bindTldrawStoreToYDoc } from '../sync/TldrawYjsBinding'
import { presenceUser } from '../user/localUser'

/** Everything the map page needs once a map is open. */
export interface MapSession {
  connection: MapConnection
  store: TLStore
  binding: TldrawYjsBinding
}

/**
 * Opens a map: connects, waits for the first sync (so an existing map is never mistaken for
 * an empty one and seeded twice), then binds a fresh tldraw store to the document.
 */
export function useMapSession(mapId: string, firstPageName: string) {
  const [connection, setConnection] = useState<MapConnection | null>(null)
  const [session, setSession] = useState<MapSession | null>(null)

  useEffect(() => {
    const opened = connectMap(mapId)
    setConnection(opened)
    let disposed = false
    let cleanup = () => {}

    void opened.synced.then(() => {
      if (disposed) return
      const online = computed('online', () =>
        opened.status.get().kind === 'connected' ? 'online' : 'offline',
      )
      const mode = atom<'readonly' | 'readwrite'>('mode', 'readwrite')
      const store = createTLStore({
        shapeUtils: defaultShapeUtils,
        bindingUtils: defaultBindingUtils,
        collaboration: { status: online, mode },
      })
      const binding = bindTldrawStoreToYDoc(store, opened.doc, { firstPageName })
      const stopMode = react('read-only when outdated', () => {
        mode.set(binding.schemaState.get() === 'outdated' ? 'readonly' : 'readwrite')
      })
      const stopPresence = bindPresence(store, opened.provider.awareness, presenceUser)
      // Changes made in the last throttle window are written before the page goes away.
      const flushOnLeave = () => binding.flush()
      window.addEventListener('pagehide', flushOnLeave)
      cleanup = () => {
        window.removeEventListener('pagehide', flushOnLeave)
        stopMode()
        stopPresence()
        binding.dispose()
      }
      setSession({ connection: opened, store, binding })
    })

    return () => {
      disposed = true
      cleanup()
      opened.destroy()
      setSession(null)
      setConnection(null)
    }
    // firstPageName only matters for seeding; a language switch must not reconnect.
  }, [mapId]) // eslint-disable-line react-hooks/exhaustive-deps

  return { connection, session }
}
