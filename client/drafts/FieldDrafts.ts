/**
 * Text a person typed that the document does not hold (yet): what was typed since the last
 * write, and what the model refused (an e-mail address without "@", an emptied date). It is
 * kept per map in the tab's sessionStorage, written on every keystroke, so it outlives the
 * field (a canvas click unmounts the editor), a tab switch and a reload; a field that mounts
 * again shows it instead of the stored value. An entry is removed once the document took it.
 *
 * sessionStorage can be full or switched off: then drafts live in memory only, which still
 * covers everything but a reload.
 */
import { createContext, useContext } from 'react'

const STORAGE_PREFIX = 'stakeholder-canvas:drafts:'

/** Unsaved field texts of one map, by field key (e.g. `sh-1/contacts/c-2/email`). */
export class FieldDrafts {
  private readonly texts: Map<string, string>

  constructor(
    /** The map id; drafts of other maps are never seen. */
    readonly scope: string,
    private readonly storage: Storage | null = sessionStorageOrNull(),
  ) {
    this.texts = new Map(readStored(storage, STORAGE_PREFIX + scope))
  }

  get(key: string): string | undefined {
    return this.texts.get(key)
  }

  set(key: string, text: string) {
    if (this.texts.get(key) === text) return
    this.texts.set(key, text)
    this.save()
  }

  delete(key: string) {
    if (this.texts.delete(key)) this.save()
  }

  /** Keys that start with `prefix`, e.g. every draft of one stakeholder. */
  keysUnder(prefix: string): string[] {
    return [...this.texts.keys()].filter((key) => key.startsWith(prefix))
  }

  private save() {
    try {
      const key = STORAGE_PREFIX + this.scope
      if (this.texts.size === 0) this.storage?.removeItem(key)
      else this.storage?.setItem(key, JSON.stringify([...this.texts]))
    } catch {
      // Full or refused: the drafts stay in memory for as long as the page lives.
    }
  }
}

function sessionStorageOrNull(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null
  }
}

function readStored(storage: Storage | null, key: string): [string, string][] {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(key) ?? '[]')
    if (!Array.isArray(parsed)) return []
    return parsed.filter(
      (entry): entry is [string, string] =>
        Array.isArray(entry) && typeof entry[0] === 'string' && typeof entry[1] === 'string',
    )
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
