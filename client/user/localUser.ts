/**
 * The person using this browser: a stable random id, a display name, a colour and the UI
 * language, kept in localStorage. It feeds both tldraw (user preferences, presence) and our
 * own panels.
 */
// Signals from tldraw's own state package, not from 'tldraw': the home page uses these
// preferences too, and importing them from 'tldraw' would load the whole canvas there.
import { atom } from '@tldraw/state'
import type { TLCurrentUser, TLUserPreferences } from 'tldraw'
import { type Locale, detectLocale } from '../i18n/locale'

const STORAGE_KEY = 'stakeholder-canvas:user'

/** Colours that stay readable as cursor and name labels on a projector. */
const PRESENCE_COLOURS = [
  '#d93025',
  '#1a73e8',
  '#188038',
  '#e37400',
  '#9334e6',
  '#c5221f',
  '#007b83',
  '#b06000',
]

/** What we keep of the user between visits. */
export interface LocalUserPreferences extends TLUserPreferences {
  id: string
  name: string
  color: string
  locale: Locale
  /** In the workshop room or joining remotely; null until the person said. */
  place: ParticipantPlace | null
}

/** Where a participant takes part from. */
export type ParticipantPlace = 'room' | 'remote'

function randomId(): string {
  return crypto.randomUUID()
}

function loadPreferences(): LocalUserPreferences {
  const fallback: LocalUserPreferences = {
    id: randomId(),
    name: '',
    color: PRESENCE_COLOURS[Math.floor(Math.random() * PRESENCE_COLOURS.length)] ?? '#1a73e8',
    locale: detectLocale(navigator.languages),
    place: null,
  }
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as unknown
    if (stored && typeof stored === 'object') {
      const merged = { ...fallback, ...(stored as Partial<LocalUserPreferences>) }
      return { ...merged, locale: detectLocale([merged.locale]) }
    }
  } catch {
    // Unreadable preferences are replaced, not fatal.
  }
  return fallback
}

/** The current user's preferences, observable by tldraw and React alike. */
export const localUserPreferences = atom<LocalUserPreferences>('localUser', loadPreferences())

/** Updates and stores the current user's preferences. */
export function setLocalUserPreferences(patch: Partial<LocalUserPreferences>) {
  const next = { ...localUserPreferences.get(), ...patch }
  next.locale = detectLocale([next.locale])
  localUserPreferences.set(next)
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next))
  } catch {
    // Private mode or a full quota: the preference still holds for this visit.
  }
}

/** The tldraw `user` prop: tldraw's own menus (name, language) write back to our atom. */
export const tldrawCurrentUser: TLCurrentUser = {
  userPreferences: localUserPreferences,
  setUserPreferences: (preferences) =>
    setLocalUserPreferences(preferences as Partial<LocalUserPreferences>),
}
