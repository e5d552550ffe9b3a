/** The maps this browser opened, newest first, kept in localStorage (ids and titles only). */
const STORAGE_KEY = 'stakeholder-canvas:recent-maps'
const MAX_RECENT = 20

/** An entry of the recent-maps list. */
export interface RecentMap {
  id: string
  title: string
  openedAt: string
}

/** The stored list; an unreadable list counts as empty. */
export function loadRecentMaps(): RecentMap[] {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown
    if (!Array.isArray(stored)) return []
    return stored.filter(
      (entry): entry is RecentMap =>
        typeof entry?.id === 'string' &&
        typeof entry?.title === 'string' &&
        typeof entry?.openedAt === 'string',
    )
  } catch {
    return []
  }
}

function save(list: RecentMap[]) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list.slice(0, MAX_RECENT)))
  } catch {
    // Storage full or disabled: the list is a convenience, not data.
  }
}

/** Moves (or adds) a map to the top of the list. */
export function rememberMap(id: string, title: string) {
  const rest = loadRecentMaps().filter((entry) => entry.id !== id)
  save([{ id, title, openedAt: new Date().toISOString() }, ...rest])
}

/** Removes a map from the list (it stays on the server). */
export function forgetMap(id: string) {
  save(loadRecentMaps().filter((entry) => entry.id !== id))
}
