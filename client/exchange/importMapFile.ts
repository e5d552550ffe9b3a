/**
 * Imports a map JSON export as a NEW map: read and validate the file, create a map on the
 * server, write the content into it over a y-websocket connection, and only report success
 * once the server demonstrably holds it.
 *
 * Flow: `POST /api/maps` → writer providers connect and sync the (empty) documents: the
 * map document, and the confidential one when the file has contacts, confidential log
 * entries or confidential dialogue plans (the owner's token may open it) → `importMapJson` writes everything, in
 * transactions under the server's per-update limit → second, read-only connections sync from the server and are
 * watched until they see every stakeholder, tldraw record and contact. y-websocket has no
 * "all updates acknowledged" signal, and the writer's own `sync` event says nothing about
 * its later updates; a fresh reader seeing the data is the proof. Last, the evaluations'
 * results: no socket may write one, so the map is created as an import (`imported: true`)
 * and the results go to the server once, over HTTP (`POST …/imported-results`,
 * shared/protocol/importedResultsApi.ts), which writes them marked as imported.
 *
 * Tokens: the server is about to require one per map (`POST /api/maps` answering
 * `{ id, tokens: { owner } }`, sockets with `?token=`). Pass `token`, or it is taken from
 * the create answer when present, and sent as the provider's `params`.
 */
import { WebsocketProvider } from 'y-websocket'
import { sendUpdatesInParts } from '../sync/sendUpdatesInParts'
import * as Y from 'yjs'
import {
  CONFIDENTIAL_DOCUMENT,
  OBSERVER_NOTES_MAP,
  ROLE_BRIEFS_MAP,
  TLDRAW_RECORDS_MAP,
} from '../../shared/document/mapDocumentLayout'
import {
  COMMITMENT_LAYOUT,
  DIALOGUE_EVALUATION_LAYOUT,
  DIALOGUE_PLAN_LAYOUT,
  recordsMap,
} from '../../shared/document/dialogueDocument'
import {
  confidentialLogMap,
  contactsMap,
  stakeholdersMap,
} from '../../shared/document/stakeholderDocument'
import { EXCHANGE_LIMITS } from '../../shared/exchange/exchangeLimits'
import type { ExchangeError } from '../../shared/exchange/exchangeLimits'
import { holdsConfidentialContent, importMapJson } from '../../shared/exchange/importMapJson'
import type { ParsedMapJson } from '../../shared/exchange/mapJsonFormat'
import { parseMapJson } from '../../shared/exchange/parseMapJson'
import type { ParseMapJsonResult } from '../../shared/exchange/parseMapJson'
import type { CreateMapRequest, CreateMapResponse } from '../../shared/protocol/api'
import type { Role } from '../../shared/protocol/roles'
import { createMap as createMapOnServer, postImportedResults } from '../config/apiClient'
import { resultsToImport } from '../../shared/exchange/importedResults'
import type {
  ImportedResultsRequest,
  ImportedResultsResponse,
} from '../../shared/protocol/importedResultsApi'
import type { Locale } from '../i18n/locale'
import { rememberAccess } from '../sharing/mapAccess'
import { syncUrlForLocation } from '../sync/MapConnection'
import { translateExchange } from './exchangeMessages'

/** Bytes of a map file read at most: a JSON text of 50 M characters in UTF-8, roughly. */
export const MAX_MAP_FILE_BYTES = EXCHANGE_LIMITS.mapJsonChars

/** Reads and validates a map file; never throws. Too large a file is refused unread. */
export async function readMapFile(
  file: Blob,
): Promise<ParseMapJsonResult | { ok: false; tooLarge: true }> {
  if (file.size > MAX_MAP_FILE_BYTES) return { ok: false, tooLarge: true }
  let text: string
  try {
    text = await file.text()
  } catch {
    return {
      ok: false,
      errors: [{ path: '', code: 'unreadable', params: {}, message: 'could not be read' }],
    }
  }
  return parseMapJson(text)
}

/** Steps reported while importing, for a progress message. */
export type ImportMapStep = 'creating' | 'writing' | 'confirming'

/** The new map's title: the file's, or a default in the user's language when it has none. */
export function importedMapTitle(parsed: ParsedMapJson, locale: Locale): string {
  return parsed.title.trim() || translateExchange(locale, 'importMap.defaultTitle')
}

/** Options for {@link importMapIntoNewMap}. */
export interface ImportMapOptions {
  /** The user's language: the title of a file without one is chosen here, not on the server. */
  locale: Locale
  /** The sync endpoint; default the server that served this page. */
  serverUrl?: string
  /** Access token for the new map's socket; default `tokens.owner` of the create answer. */
  token?: string
  /** How long to wait for the server at each step; default 20 s. */
  timeoutMs?: number
  onProgress?: (step: ImportMapStep) => void
  /** Creates the map; default `POST /api/maps`. Replaceable for tests. */
  createMap?: (body: CreateMapRequest) => Promise<CreateMapResponse>
  /** Hands the server the file's results; default `POST …/imported-results`. */
  sendResults?: (
    mapId: string,
    token: string | null,
    body: ImportedResultsRequest,
  ) => Promise<ImportedResultsResponse>
}

/** Outcome of {@link importMapIntoNewMap}; `mapId` is set once the map exists. */
export type ImportMapOutcome =
  | { ok: true; mapId: string; token: string | undefined }
  | {
      ok: false
      reason: 'create-failed' | 'not-synced' | 'write-failed' | 'not-confirmed' | 'results-refused'
      /** In English, for the console; the UI words the `reason` (and `errors`) itself. */
      message: string
      /** Why the writing was refused (with `write-failed`), as codes to translate. */
      errors?: readonly ExchangeError[]
      /**
       * What creating the map threw (with `create-failed`), or handing over the results
       * (`results-refused`), to word by its API code.
       */
      cause?: unknown
      mapId?: string
    }

const DEFAULT_TIMEOUT_MS = 20_000

function connect(serverUrl: string, room: string, token: string | undefined) {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    // As in MapConnection: no tab-to-tab channel behind the server's back.
    disableBc: true,
    params: token === undefined ? {} : { token },
    connect: false,
  })
  sendUpdatesInParts(provider)
  provider.connect()
  return {
    doc,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Resolves true once `check()` holds, re-checking on each `event`; false after `timeoutMs`. */
function waitFor(
  subscribe: (listener: () => void) => () => void,
  check: () => boolean,
  timeoutMs: number,
): Promise<boolean> {
  return new Promise((resolve) => {
    if (check()) return resolve(true)
    const finish = (value: boolean) => {
      clearTimeout(timer)
      unsubscribe()
      resolve(value)
    }
    const timer = setTimeout(() => finish(false), timeoutMs)
    const unsubscribe = subscribe(() => {
      if (check()) finish(true)
    })
  })
}

function whenSynced(provider: WebsocketProvider, timeoutMs: number): Promise<boolean> {
  return waitFor(
    (listener) => {
      provider.on('sync', listener)
      return () => provider.off('sync', listener)
    },
    () => provider.synced,
    timeoutMs,
  )
}

/** Creates a new map titled as the export and writes the export into it; see the module. */
export async function importMapIntoNewMap(
  parsed: ParsedMapJson,
  options: ImportMapOptions,
): Promise<ImportMapOutcome> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const serverUrl = options.serverUrl ?? syncUrlForLocation(window.location)
  const create = options.createMap ?? createMapOnServer
  options.onProgress?.('creating')
  let created: CreateMapResponse & { tokens?: Partial<Record<Role, string>> }
  try {
    created = await create({ title: importedMapTitle(parsed, options.locale), imported: true })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, reason: 'create-failed', message, cause: error }
  }
  const mapId = created.id
  // Keep the new map's links at once: even if the import does not finish, it can be opened.
  if (created.tokens) rememberAccess(mapId, created.tokens)
  const token = options.token ?? created.tokens?.owner

  const secretRoom = `${mapId}/${CONFIDENTIAL_DOCUMENT}`
  const withSecret = holdsConfidentialContent(parsed)
  const writer = connect(serverUrl, mapId, token)
  const secretWriter = withSecret ? connect(serverUrl, secretRoom, token) : null
  try {
    const writers = [writer.provider, ...(secretWriter ? [secretWriter.provider] : [])]
    const synced = await Promise.all(writers.map((provider) => whenSynced(provider, timeoutMs)))
    if (synced.includes(false)) {
      return { ok: false, reason: 'not-synced', message: 'the server did not answer', mapId }
    }
    options.onProgress?.('writing')
    const written = importMapJson(writer.doc, parsed, undefined, secretWriter?.doc ?? null)
    if (!written.ok) {
      return {
        ok: false,
        reason: 'write-failed',
        message: written.errors.map((error) => error.message).join('; '),
        errors: written.errors,
        mapId,
      }
    }
    options.onProgress?.('confirming')
    const mapSeen = await confirmedBy(
      serverUrl,
      mapId,
      token,
      (doc) =>
        stakeholdersMap(doc).size >= parsed.stakeholders.length &&
        doc.getMap<unknown>(TLDRAW_RECORDS_MAP).size >= parsed.tldraw.records.length &&
        doc.getMap<unknown>(OBSERVER_NOTES_MAP).size >= Object.keys(parsed.observerNotes).length,
      timeoutMs,
    )
    const secretCount = secretWriter === null ? 0 : confidentialEntries(secretWriter.doc)
    const secretSeen =
      secretWriter === null ||
      (await confirmedBy(
        serverUrl,
        secretRoom,
        token,
        (doc) => confidentialEntries(doc) >= secretCount,
        timeoutMs,
      ))
    if (!mapSeen || !secretSeen) {
      return {
        ok: false,
        reason: 'not-confirmed',
        message: 'the server did not confirm the content in time',
        mapId,
      }
    }
    // Once, even with no results: the new map's chance to take any closes with it.
    const send = options.sendResults ?? postImportedResults
    try {
      await send(mapId, token ?? null, resultsToImport(parsed))
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      return { ok: false, reason: 'results-refused', message, cause: error, mapId }
    }
    return { ok: true, mapId, token }
  } finally {
    secretWriter?.destroy()
    writer.destroy()
  }
}

/**
 * Stakeholders with contacts plus stakeholders with confidential entries plus confidential
 * plans and their commitments and evaluations plus role briefs, in a confidential document.
 */
function confidentialEntries(doc: Y.Doc): number {
  return (
    doc.getMap<unknown>(ROLE_BRIEFS_MAP).size +
    contactsMap(doc).size +
    confidentialLogMap(doc).size +
    recordsMap(doc, DIALOGUE_PLAN_LAYOUT).size +
    recordsMap(doc, COMMITMENT_LAYOUT).size +
    recordsMap(doc, DIALOGUE_EVALUATION_LAYOUT).size
  )
}

/**
 * Connects a fresh read-only client to `room` and answers whether what the server sends it
 * satisfies `sees` within `timeoutMs`.
 */
async function confirmedBy(
  serverUrl: string,
  room: string,
  token: string | undefined,
  sees: (doc: Y.Doc) => boolean,
  timeoutMs: number,
): Promise<boolean> {
  const reader = connect(serverUrl, room, token)
  try {
    return await waitFor(
      (listener) => {
        // y-websocket applies the server's sync step 2 (the 'update') BEFORE it sets
        // `synced` and emits 'sync': watching updates alone misses the one moment the check
        // can pass, and the import would wait for a later change that never comes.
        reader.doc.on('update', listener)
        reader.provider.on('sync', listener)
        return () => {
          reader.doc.off('update', listener)
          reader.provider.off('sync', listener)
        }
      },
      () => reader.provider.synced && sees(reader.doc),
      timeoutMs,
    )
  } finally {
    reader.destroy()
  }
}
