/**
 * Keeps this browser's guest session and its name in step (issue 18): a name the person
 * types renames their guest on the server (which then shows it to everyone), and a rename
 * by a facilitator, which reaches this browser as its own presence set by the server, is
 * taken as the guest's name here until the person types another one.
 */
import { react } from 'tldraw'
import type { MapConnection } from '../sync/MapConnection'
import { USER_FIELD } from '../sync/PresenceBinding'
import { renameSelf } from '../sharing/guestSession'
import { publishedName } from '../user/displayName'
import { localUserPreferences } from '../user/localUser'

/** Typing pauses this long before the new name is sent. */
const RENAME_AFTER_MS = 600

/** Starts following; returns the disposer. */
export function followGuestName(connection: MapConnection, token: string | null): () => void {
  const { awareness } = connection.provider
  let timer: ReturnType<typeof setTimeout> | undefined
  const stopTyping = react('guest name from typing', () => {
    const typed = publishedName(localUserPreferences.get().name)
    clearTimeout(timer)
    timer = setTimeout(() => {
      const session = connection.guestSession()
      // Only a name typed since the session last sent one (a facilitator's rename holds).
      if (session === null || token === null || session.typed === typed) return
      renameSelf(connection.mapId, token, session.token, typed).then(
        (renamed) => connection.renamed(renamed),
        () => undefined,
      )
    }, RENAME_AFTER_MS)
  })
  const onChange = () => {
    const known = connection.identity.get()
    const user = awareness.getLocalState()?.[USER_FIELD] as
      { id?: unknown; name?: unknown } | undefined
    if (known === null || user?.id !== known.id || typeof user.name !== 'string') return
    if (user.name !== known.name) connection.identity.set({ ...known, name: user.name })
  }
  awareness.on('change', onChange)
  return () => {
    clearTimeout(timer)
    stopTyping()
    awareness.off('change', onChange)
  }
}
