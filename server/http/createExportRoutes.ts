/**
 * Downloads of a map made on the server, with no browser involved: the register as CSV and
 * XLSX (with the dialogue records, which also come as a CSV file per record type), the whole map as JSON (with the version list) and the printable report as HTML.
 *
 * Each request joins the map's room as a server-side peer (as restore and diff do), so the
 * export shows the live document, including changes not yet snapshotted, and a map nobody
 * has open is loaded and unloaded as for sockets. The files come from the same shared
 * functions the client uses (`shared/exchange`, `shared/report`), so both give the same file.
 *
 * Any role that may read the map may export it, from its map document alone: no contacts,
 * no confidential log entries and no dialogue plans marked confidential (they live in the
 * confidential document). `contacts=1` adds the confidential part, read from the
 * confidential document (its room is joined too): contacts, which are personal data, the
 * confidential log entries and the confidential plans. Only owners and facilitators may ask
 * for it (403 for the others); personal data stays out unless asked for, so all of it stays
 * out by default. The report for an owner or facilitator reads the confidential plans even
 * without it, only to leave them out as the client's report does: it says how many plans
 * (and their commitments and evaluations) it withheld. For the other roles it reads none.
 */
import { readCaseCard } from '../../shared/workshop/caseCard'
import type { ReadSession } from '../access/readSession'
import type { ServerResponse } from 'node:http'
import type * as Y from 'yjs'
import { readMapDialogues } from '../../shared/document/dialogueDocument'
import { readEngagementStages } from '../../shared/document/engagementStageDocument'
import { readRolePlayObservations } from '../../shared/document/observerNotesDocument'
import { readStakeholders } from '../../shared/document/stakeholderDocument'
import {
  dialogueRecordSheet,
  DIALOGUE_RECORD_SHEETS,
} from '../../shared/exchange/dialogueRecordSheets'
import { exportMapJson, stringifyMapJson } from '../../shared/exchange/exportMapJson'
import { registerRows } from '../../shared/exchange/registerRows'
import type { RegisterInput } from '../../shared/exchange/registerRows'
import { registerToCsv } from '../../shared/exchange/registerToCsv'
import { registerWorkbook } from '../../shared/exchange/registerWorkbook'
import { writeXlsx } from '../../shared/exchange/writeXlsx'
import type { VersionSummary } from '../../shared/protocol/accessApi'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { canReadConfidential } from '../../shared/protocol/roles'
import { renderReport } from '../../shared/report/renderReport'
import { createActionPeer } from '../rooms/createActionPeer'
import type { LoadedRooms } from '../rooms/LoadedRooms'
import type { MapStore } from '../storage/MapStore'
import { type ExportFileKind, exportFileName } from '../../shared/exchange/exportFileName'
import { parseExportOptions } from './parseExportOptions'
import type { ExportOptions } from './parseExportOptions'
import type { GuestLinkPolicy } from '../access/GuestLinkPolicy'
import { accessPolicyOf } from '../access/authenticateRequest'
import { requireMapAccess } from './requireMapAccess'
import type { Route } from './Route'
import { REPORT_CONTENT_SECURITY_POLICY } from './securityHeaders'
import { sendApiError } from './sendJson'
import { sendCompressed } from './sendCompressed'

/** What the export routes work on. */
export interface ExportRouteOptions {
  store: MapStore
  /** Organisation mode: the signed-in user's membership grants a role too; null: tokens only. */
  readSession?: ReadSession | null
  /** Whether a map's guest links work (forbidden ones are refused like revoked ones). */
  guestLinks: GuestLinkPolicy
  rooms: LoadedRooms
}

/**
 * Header with the number of stakeholder records that failed validation in the document and
 * are therefore not in the file, so a script can warn as the client does.
 */
export const RECORDS_LEFT_OUT_HEADER = 'X-Stakeholder-Records-Left-Out'

/** What one format needs to make its file from the live documents. */
interface ExportInput {
  doc: Y.Doc
  /** The confidential document, only when the options ask for the confidential part. */
  confidential: Y.Doc | null
  /**
   * The confidential document whenever the format withholds from it and the role may read
   * it (the report: plans it leaves out unless asked), else as `confidential`.
   */
  withheldFrom: Y.Doc | null
  /** The valid stakeholders, with the confidential part only when the options ask for it. */
  stakeholders: RegisterInput[]
  title: string
  now: Date
  history: readonly VersionSummary[]
  options: ExportOptions
}

interface ExportFormat {
  /** The last path segment, e.g. `export.csv`. */
  segment: string
  /** What the file is, in its name (in the export's language): `<title>-<kind>-<date>.<ext>`. */
  kind: ExportFileKind
  extension: string
  contentType: string
  /** The JSON carries the version list; the others do not need it. */
  needsHistory: boolean
  /** The report: reads the confidential document for a role that may, to withhold from it. */
  withholdsConfidential?: boolean
  render(input: ExportInput): string | Uint8Array
  extraHeaders?: Record<string, string>
}

/** The stakeholders, with their confidential part when there is a confidential document. */
function readForExport(doc: Y.Doc, confidential: Y.Doc | null) {
  return confidential === null ? readStakeholders(doc) : readStakeholders(doc, { confidential })
}

/** The server's calendar date in UTC, as the file name has it: what is overdue on the day. */
function todayOf(now: Date): string {
  return now.toISOString().slice(0, 10)
}

function registerOf({ stakeholders, options }: ExportInput) {
  const { includeConfidential, locale } = options
  return registerRows(stakeholders, { locale, includeContacts: includeConfidential })
}

const FORMATS: readonly ExportFormat[] = [
  {
    segment: 'export.json',
    kind: 'map',
    extension: 'json',
    contentType: 'application/json',
    needsHistory: true,
    render: ({ doc, confidential, title, now, history }) =>
      stringifyMapJson(
        exportMapJson(doc, { title, exportedAt: now.toISOString(), history, confidential }),
      ),
  },
  {
    segment: 'export.csv',
    kind: 'register',
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    needsHistory: false,
    render: (input) => registerToCsv(registerOf(input), { delimiter: input.options.delimiter }),
  },
  {
    segment: 'export.xlsx',
    kind: 'register',
    extension: 'xlsx',
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    needsHistory: false,
    render: ({ doc, confidential, stakeholders, now, options }) =>
      writeXlsx(
        registerWorkbook(stakeholders, {
          locale: options.locale,
          includeContacts: options.includeConfidential,
          includeConfidential: options.includeConfidential,
          dialogues: {
            ...readMapDialogues(doc, confidential),
            engagementStages: readEngagementStages(doc),
          },
          today: todayOf(now),
        }),
      ),
  },
  // One CSV file per dialogue record type: a CSV file holds one table.
  ...DIALOGUE_RECORD_SHEETS.map((sheet): ExportFormat => ({
    segment: `${sheet}.csv`,
    kind: sheet,
    extension: 'csv',
    contentType: 'text/csv; charset=utf-8',
    needsHistory: false,
    render: ({ doc, confidential, stakeholders, now, options }) =>
      registerToCsv(
        dialogueRecordSheet(
          sheet,
          { ...readMapDialogues(doc, confidential), engagementStages: readEngagementStages(doc) },
          {
            locale: options.locale,
            today: todayOf(now),
            stakeholderNames: new Map(stakeholders.map(({ id, name }) => [id, name])),
          },
        ),
        { delimiter: options.delimiter },
      ),
  })),
  {
    segment: 'report.html',
    kind: 'report',
    extension: 'html',
    contentType: 'text/html; charset=utf-8',
    needsHistory: false,
    withholdsConfidential: true,
    render: ({ doc, withheldFrom, stakeholders, title, now, options }) => {
      const { plans, commitments, evaluations, selfAssessments } = readMapDialogues(
        doc,
        withheldFrom,
      )
      return renderReport({
        title,
        generatedAt: now.toISOString(),
        version: null,
        stakeholders,
        locale: options.locale,
        includeContacts: options.includeConfidential,
        includeConfidential: options.includeConfidential,
        dialoguePlans: plans,
        commitments,
        dialogueEvaluations: evaluations,
        engagementStages: readEngagementStages(doc),
        selfAssessments,
        observations: readRolePlayObservations(doc),
        caseCard: readCaseCard(doc),
      })
    },
    // The report is made of what participants typed: should it ever be opened from this
    // origin rather than saved, nothing in it may run or load.
    extraHeaders: { 'Content-Security-Policy': REPORT_CONTENT_SECURITY_POLICY },
  },
]

function send(
  response: ServerResponse,
  format: ExportFormat,
  fileName: string,
  body: string | Uint8Array,
  leftOut: number,
): void {
  const headers = {
    'Content-Type': format.contentType,
    // The file name holds only [a-z0-9.-] (see exportFileName): quoting is enough.
    'Content-Disposition': `attachment; filename="${fileName}"`,
    'Cache-Control': 'no-store',
    [RECORDS_LEFT_OUT_HEADER]: String(leftOut),
    ...format.extraHeaders,
  }
  // A workbook is a zip already; JSON, CSV and the report shrink to a fraction.
  if (typeof body === 'string') return sendCompressed(response, 200, headers, body)
  const bytes = Buffer.from(body.buffer, body.byteOffset, body.byteLength)
  response.writeHead(200, { ...headers, 'Content-Length': bytes.byteLength })
  response.end(bytes)
}

/**
 * `GET /api/maps/<id>/export.json`, `export.csv`, `export.xlsx`, `report.html`, and the
 * dialogue records' CSV files `dialogue-plans.csv`, `commitments.csv`, `evaluations.csv`, with the
 * query options `contacts=0|1`, `lang=en|nl` and `delimiter=comma|semicolon` (CSV).
 */
export function createExportRoutes(options: ExportRouteOptions): Route[] {
  const { store, rooms } = options
  const policy = accessPolicyOf(options)
  return FORMATS.map((format) => ({
    method: 'GET',
    pattern: new RegExp(`^/api/maps/([^/]*)/${format.segment.replace('.', '\\.')}$`),
    async handle(request, response, [id]) {
      const access = await requireMapAccess(policy, request, response, id)
      if (access === null) return
      const query = new URL(request.url ?? '/', 'http://localhost').searchParams
      const parsed = parseExportOptions(query)
      if (!parsed.ok) {
        const { status, code, message } = parsed.error
        return sendApiError(response, status, code, message)
      }
      const options = parsed.value
      if (options.includeConfidential && !canReadConfidential(access.role)) {
        return sendApiError(
          response,
          403,
          ApiErrorCode.roleNotAllowed,
          `The ${access.role} role may not export contact data; leave out contacts=1.`,
        )
      }
      const map = await store.getMap(access.mapId)
      if (map === null) return sendApiError(response, 404, 'not-found', 'No map with this id.')
      const history = format.needsHistory ? await store.listVersions(access.mapId) : []
      const now = new Date()
      const peer = createActionPeer(access.role, 'Export')
      const withholds = format.withholdsConfidential === true && canReadConfidential(access.role)
      const render = (doc: Y.Doc, secret: Y.Doc | null) => {
        const confidential = options.includeConfidential ? secret : null
        const { stakeholders, invalid } = readForExport(doc, confidential)
        const input: ExportInput = {
          doc,
          confidential,
          withheldFrom: secret,
          stakeholders,
          title: map.title,
          now,
          history,
          options,
        }
        return { body: format.render(input), leftOut: invalid.length }
      }
      const result = await rooms.withRoom(access.mapId, peer, async ({ doc }) => {
        if (!options.includeConfidential && !withholds) return render(doc, null)
        const secret = await rooms.withRoom(
          access.mapId,
          peer,
          async (confidential) => render(doc, confidential.doc),
          'confidential',
        )
        return secret?.value ?? null
      })
      // The map was deleted between the check and here.
      if (result?.value == null) {
        return sendApiError(response, 404, 'not-found', 'No map with this id.')
      }
      const fileName = exportFileName(map.title, format.kind, format.extension, now, {
        utc: true,
        locale: options.locale,
      })
      send(response, format, fileName, result.value.body, result.value.leftOut)
    },
  }))
}
