import type * as Y from 'yjs'
import { contactsMap, stakeholdersMap, writeStakeholder } from '../document/stakeholderDocument'
import { exchangeError } from './exchangeLimits'
import type { ExchangeError } from './exchangeLimits'
import { validateStakeholder } from '../stakeholder/validateStakeholder'
import { TLDRAW_SCHEMA_KEY } from './mapJsonFormat'
import { META_MAP, TLDRAW_RECORDS_MAP } from '../document/mapDocumentLayout'
import type { ParsedMapJson } from './mapJsonFormat'

/** Outcome of {@link importMapJson}. */
export type ImportMapJsonResult = { ok: true } | { ok: false; errors: ExchangeError[] }

/**
 * Writes a parsed map export into an EMPTY document, in one Yjs transaction: stakeholders
 * through `writeStakeholder` (contacts into their own map), tldraw records into
 * `doc.getMap('tldraw')` keyed by id, the schema and metadata into `doc.getMap('meta')`.
 * Exporting the document afterwards gives the same JSON. Refuses a document that has
 * content: importing is creating a map, never merging into one.
 */
export function importMapJson(
  doc: Y.Doc,
  parsed: ParsedMapJson,
  origin?: unknown,
): ImportMapJsonResult {
  const tldraw = doc.getMap<unknown>(TLDRAW_RECORDS_MAP)
  const meta = doc.getMap<unknown>(META_MAP)
  if (stakeholdersMap(doc).size + contactsMap(doc).size + tldraw.size + meta.size > 0) {
    return {
      ok: false,
      errors: [exchangeError('map-not-empty', 'a map can only be imported into an empty map')],
    }
  }
  // Parsed records are valid; this check only matters for a `parsed` built by hand, and
  // keeps the import all or nothing.
  const errors = parsed.stakeholders.flatMap((stakeholder, index) =>
    validateStakeholder(stakeholder).ok
      ? []
      : [
          {
            ...exchangeError('invalid-record', 'invalid stakeholder'),
            path: `stakeholders[${index}]`,
          },
        ],
  )
  if (errors.length > 0) return { ok: false, errors }
  doc.transact(() => {
    for (const stakeholder of parsed.stakeholders) writeStakeholder(doc, stakeholder, origin)
    for (const record of parsed.tldraw.records) tldraw.set(record.id as string, record)
    for (const [key, value] of Object.entries(parsed.meta)) meta.set(key, value)
    if (parsed.tldraw.schema !== null) meta.set(TLDRAW_SCHEMA_KEY, parsed.tldraw.schema)
  }, origin)
  return { ok: true }
}
