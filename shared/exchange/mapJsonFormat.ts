/**
 * The map JSON export format: a complete, versioned copy of one map (stakeholder records,
 * the tldraw records and schema, the document metadata and, optionally, version history).
 *
 * Version 1:
 * ```
 * { format: 'stakeholder-canvas-map', version: 1, title, exportedAt, contactsIncluded,
 *   stakeholders: [...], tldraw: { schema, records: [...] }, meta: {...}, history: [...] }
 * ```
 * Keys are sorted at every level, stakeholders and records by id, so the same document
 * always gives the same JSON. Without contacts, stakeholders have no `contacts` key at all.
 * A new version gets a new number; readers refuse versions newer than they know.
 */
import type { Stakeholder, StakeholderWithoutContacts } from '../stakeholder/Stakeholder'
import type { JsonObject, JsonValue } from './canonicalJson'

/** Value of the `format` key. */
export const MAP_JSON_FORMAT = 'stakeholder-canvas-map'
/** Format version written by this code. */
export const MAP_JSON_VERSION = 1

export { TLDRAW_SCHEMA_KEY } from '../document/mapDocumentLayout'

/** A map export, as written (version {@link MAP_JSON_VERSION}). */
export interface MapJson {
  format: typeof MAP_JSON_FORMAT
  version: typeof MAP_JSON_VERSION
  title: string
  /** ISO 8601 UTC timestamp. */
  exportedAt: string
  /** Whether contacts (personal data) are in the file. */
  contactsIncluded: boolean
  /** Sorted by id; `contacts` only when `contactsIncluded`. */
  stakeholders: (Stakeholder | StakeholderWithoutContacts)[]
  tldraw: {
    /** The tldraw schema the records were written with (`null` when the map has none yet). */
    schema: JsonValue
    /** Document-scoped tldraw records, sorted by id. */
    records: JsonObject[]
  }
  /** The document metadata other than the tldraw schema. */
  meta: JsonObject
  /** Version-history metadata supplied by the server, as given. */
  history: JsonValue[]
}

/** A validated map export, ready for `importMapJson`: every record checked and current. */
export interface ParsedMapJson {
  title: string
  exportedAt: string
  contactsIncluded: boolean
  /** Current-version records; `contacts` is `[]` when the file has none. */
  stakeholders: Stakeholder[]
  tldraw: { schema: JsonValue; records: JsonObject[] }
  meta: JsonObject
  history: JsonValue[]
}
