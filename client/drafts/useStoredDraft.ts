/**
 * A form's own text that is not document data yet (a name to add, a version name, a private
 * score before it is submitted), kept in {@link FieldDrafts} on every keystroke so that it
 * outlives a tab switch, a card click and a reload, until the form uses it and clears it.
 */
import { useState } from 'react'
import { useFieldDrafts } from './FieldDrafts'

/** The draft under `key` ('' when none), a setter that keeps it, and a clear for after use. */
export function useStoredDraft(key: string): [string, (text: string) => void, () => void] {
  const drafts = useFieldDrafts()
  const [entry, setEntry] = useState(() => ({ key, text: drafts.get(key) ?? '' }))
  // A new key (another scoring round, say) starts from what is kept under that key.
  const text = entry.key === key ? entry.text : (drafts.get(key) ?? '')
  const set = (next: string) => {
    setEntry({ key, text: next })
    if (next === '') drafts.delete(key)
    else drafts.set(key, next)
  }
  return [text, set, () => set('')]
}
