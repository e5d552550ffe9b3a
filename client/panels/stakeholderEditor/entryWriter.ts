import type { WriteResult } from '../../../shared/document/stakeholderDocument'
import type { WriteOutcome } from '../../drafts/WriteThroughText'
import type { ListEditorProps } from './ListEditorProps'

/**
 * Writes one field of an entry (impact, log entry, contact) into the entry as the document
 * holds it at the moment of writing, so that what someone else changed in another field of
 * the entry meanwhile is kept. An entry someone removed while this person was typing in it
 * comes back with their text (`shown` is the entry as the form last showed it).
 */
export function entryWriter<T extends { id: string }>(
  current: () => readonly T[] | undefined,
  put: (entry: T) => WriteResult,
) {
  return (shown: T, change: Partial<T>): WriteOutcome => {
    const latest = current()?.find((entry) => entry.id === shown.id) ?? shown
    return put({ ...latest, ...change })
  }
}

/** Adds `entry` with `put` and answers its id, or null (shown at `key`) if it was refused. */
export function added<T extends { id: string }>(
  entry: T,
  put: (entry: T) => WriteResult,
  report: ListEditorProps['report'],
  key: string,
) {
  const result = put(entry)
  report(key, result)
  return result.ok ? entry.id : null
}
