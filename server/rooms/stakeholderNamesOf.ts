/**
 * The stakeholder names the library lists and searches, read from a map document: one per
 * record of the `stakeholders` root, in its order. The root may hold anything a client
 * managed to put there; only records have names, and anything else counts as nameless.
 * Used by the live room (LibrarySummary.ts) and by the one-time backfill of maps nobody
 * opened since the library came (backfillLibrarySummaries.ts), so both count alike.
 */
import * as Y from 'yjs'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'

/** The names of the document's stakeholders ('' for one without a name). */
export function stakeholderNamesOf(doc: Y.Doc): string[] {
  const names: string[] = []
  for (const record of stakeholdersMap(doc).values() as Iterable<unknown>) {
    const name = record instanceof Y.Map ? record.get('name') : undefined
    names.push(typeof name === 'string' ? name : '')
  }
  return names
}
