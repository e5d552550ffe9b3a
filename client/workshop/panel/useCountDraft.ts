/**
 * The text of a CountInput, kept as a draft of the map (FieldDrafts) on every keystroke:
 * Tab, Enter, a click on the canvas, another panel tab and a reload each leave it in the
 * field, until the action that uses it (split, open the vote) clears it. Not typed, the
 * field shows `fallback` (e.g. the running split's number of tables).
 */
import { useState } from 'react'
import { useFieldDrafts } from '../../drafts/FieldDrafts'

/** The whole number `text` says, kept within 1..`max`; null for anything else. */
export function parseCount(text: string | undefined, max: number): number | null {
  const trimmed = text?.trim() ?? ''
  if (!/^\d+$/.test(trimmed)) return null
  return Math.min(max, Math.max(1, Number(trimmed)))
}

/** The field's text, its setter, the count it stands for, and a clear for after use. */
export function useCountDraft(draftKey: string, fallback: number, max: number) {
  const drafts = useFieldDrafts()
  // undefined: nothing typed. An emptied field is kept as '' (the person is retyping).
  const [typed, setTyped] = useState(() => drafts.get(draftKey))
  return {
    text: typed ?? String(fallback),
    setText(next: string) {
      setTyped(next)
      drafts.set(draftKey, next)
    },
    count: parseCount(typed, max) ?? fallback,
    clear() {
      setTyped(undefined)
      drafts.delete(draftKey)
    },
  }
}
