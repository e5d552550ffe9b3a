/**
 * Text a person typed that the document does not hold (yet): what was typed since the last
 * write, what the model refused (an e-mail address without "@", an emptied date), and a
 * form's own text (a member search, a guest's new name, a guest link's last day). It is
 * kept per map in localStorage, written on every keystroke, so it outlives the field (a
 * canvas click unmounts the editor), a tab switch, a reload and closing the tab; a field
 * that mounts again shows it instead of the stored value. An entry is removed once the
 * document (or the form) took it, and every entry when the person signs out.
 *
 * One storage entry per field, so two tabs of one map never overwrite each other's drafts
 * of other fields. localStorage can be full or switched off: then drafts live in memory
 * only, which still covers everything but a reload.
 */
import { createContext, useContext } from 'react'

const STORAGE_PREFIX = 'stakeholder-canvas:draft:'

/** Unsaved field texts of one map, by field key (e.g. `sh-1/contacts/c-2/email`). */
export class FieldDrafts {
  private readonly texts: Map<string, string>

  constructor(
    /** The map id; drafts of other maps are never seen. */
    readonly scope: string,
    private readonly storage: Storage | null = localStorageOrNull(),
  ) {
    this.texts = new Map(readStored(storage, this.prefix()))
  }

  get(key: string): string | undefined {
    return this.texts.get(key)
  }

  set(key: string, text: string) {
    if (this.texts.get(key) === text) return
    this.texts.set(key, text)
    try {
      this.storage?.setItem(this.prefix() + key, text)
    } catch {
      // Full or refused: the draft stays in memory for as long as the page lives.
    }
  }

  delete(key: string) {
    if (!this.texts.delete(key)) return
    try {
      this.storage?.removeItem(this.prefix() + key)
    } catch {
      // Refused: nothing more to do.
    }
  }

  /** Keys that start with `prefix`, e.g. every draft of one stakeholder. */
  keysUnder(prefix: string): string[] {
    return [...this.texts.keys()].filter((key) => key.startsWith(prefix))
  }

  private prefix(): string {
    return `${STORAGE_PREFIX}${this.scope}:`
  }
}

/**
 * Forgets the drafts of every map in this browser: a person signing out leaves nothing they
 * typed (names, e-mail addresses) for the next person at the same computer.
 */
export function forgetAllDrafts(storage: Storage | null = localStorageOrNull()) {
  try {
    const keys: string[] = []
    for (let index = 0; index < (storage?.length ?? 0); index++) {
      const key = storage?.key(index)
      if (key?.startsWith(STORAGE_PREFIX)) keys.push(key)
    }
    for (const key of keys) storage?.removeItem(key)
  } catch {
    // Refused: there was nothing stored either.
  }
}

function localStorageOrNull(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

function readStored(storage: Storage | null, prefix: string): [string, string][] {
  try {
    const entries: [string, string][] = []
    for (let index = 0; index < (storage?.length ?? 0); index++) {
      const key = storage?.key(index)
      if (!key?.startsWith(prefix)) continue
      const text = storage?.getItem(key)
      if (typeof text === 'string') entries.push([key.slice(prefix.length), text])
    }
    return entries
  } catch {
    return []
  }
}

/** The drafts of the open map; outside a map, drafts are kept in memory only. */
export const FieldDraftsContext = createContext<FieldDrafts>(new FieldDrafts('none', null))

/** The drafts of the open map. */
export function useFieldDrafts(): FieldDrafts {
  return useContext(FieldDraftsContext)
}
