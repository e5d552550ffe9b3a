/**
 * The download routes (`export.json`, `export.csv`, `export.xlsx`, `report.html`) against a
 * real server: a y-websocket client writes a map, the files are fetched over HTTP and read
 * back with the shared parsers, and compared with what the client would make itself.
 */
import readExcelFile from 'read-excel-file/node'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { readStakeholders, writeStakeholder } from '../../shared/document/stakeholderDocument'
import { dialogueRecordSheet } from '../../shared/exchange/dialogueRecordSheets'
import type { DialogueRecordSheet } from '../../shared/exchange/dialogueRecordSheets'
import {
  readDialoguePlans,
  readMapDialogues,
  writeDialoguePlan,
} from '../../shared/document/dialogueDocument'
import { createDialoguePlan } from '../../shared/dialogue/createDialogueRecords'
import { exportMapJson, stringifyMapJson } from '../../shared/exchange/exportMapJson'
import { importMapJson } from '../../shared/exchange/importMapJson'
import { parseCsv } from '../../shared/exchange/parseCsv'
import { parseMapJson } from '../../shared/exchange/parseMapJson'
import { parseXlsx } from '../../shared/exchange/parseXlsx'
import { registerRows } from '../../shared/exchange/registerRows'
import { registerToCsv } from '../../shared/exchange/registerToCsv'
import type { VersionSummary } from '../../shared/protocol/accessApi'
import type { ApiError } from '../../shared/protocol/api'
import type { Role } from '../../shared/protocol/roles'
import { escapeHtml } from '../../shared/report/escapeHtml'
import { REPORT_REGISTER_COLUMNS } from '../../shared/report/registerSection'
import { REPORT_TEXT } from '../../shared/report/reportText'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import { CONFIDENTIAL_INPUT, NOW, richDoc, richStakeholders } from '../shared/exchange/richMap'
import { DIALOGUE_FORMULA, writeDialogueRecords } from '../shared/exchange/dialogueMap'
import { judgedAbsent, unscoredRightsholders } from '../shared/exchange/salienceCases'
import { libreOfficeAvailable, readWithLibreOffice } from '../libreOfficeSheets'
import { createActionPeer } from '../../server/rooms/createActionPeer'
import { apiFetch, createFixture, createMap, tokenOf, waitFor, waitForSync } from './testServer'
import type { TestServer } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** A title with markup and punctuation: escaped in the report, dropped in file names. */
const TITLE = 'Cacaoketen <script>alert(1)</script> & "Ghana"'
const FILE_TITLE = 'cacaoketen-script-alert-1-script-ghana'
const FORMULA = '=HYPERLINK("http://x")'
const CONTACT_NAME = 'Ama Owusu'
const CONTACT_EMAIL = 'ama@example.org'
const FORMATS = ['export.json', 'export.csv', 'export.xlsx', 'report.html'] as const
const UTF8_BOM = [0xef, 0xbb, 0xbf]

interface MapUnderTest {
  test: TestServer
  mapId: string
  /** The owner's client that wrote the map. */
  writer: WebsocketProvider
  /** The owner's client of the confidential document, which wrote contacts (if any). */
  writerSecret?: WebsocketProvider
  /** A viewer's client, whose doc is in step with the server. */
  reader: WebsocketProvider
  /** The viewer's copy of the map. */
  doc: Y.Doc
}

/**
 * A map with the rich stakeholders (contacts, logs, Dutch text), one named by a formula,
 * two tldraw records and a named version, written by an owner's clients; resolves once a
 * second client has received all of it from the server.
 */
async function mapWithContent(): Promise<MapUnderTest> {
  const test = await fixture.startServer()
  const mapId = await createMap(test, TITLE)
  const writer = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
  const writerSecret = fixture.connectClient(test, mapId, undefined, {
    role: 'owner',
    document: 'confidential',
  })
  const reader = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
  await Promise.all([waitForSync(writer), waitForSync(writerSecret), waitForSync(reader)])
  const formula = createStakeholder({ id: 'sh-formula', name: FORMULA, power: 4 }, { now: NOW })
  for (const stakeholder of [...richStakeholders(), formula]) {
    const written = writeStakeholder(writer.doc, stakeholder, null, writerSecret.doc)
    if (!written.ok) throw new Error(JSON.stringify(written.errors))
  }
  const source = richDoc()
  writer.doc.transact(() => {
    for (const root of ['tldraw', 'meta']) {
      const target = writer.doc.getMap<unknown>(root)
      source.getMap<unknown>(root).forEach((value, key) => target.set(key, value))
    }
  })
  await waitFor(
    () =>
      readStakeholders(reader.doc).stakeholders.length === 4 &&
      reader.doc.getMap('tldraw').size === 2 &&
      reader.doc.getMap('meta').size === 2,
  )
  // The contacts are stored once the owner's confidential client is in step with the server.
  await waitFor(async () => (await test.server.store.countUpdates(mapId, 'confidential')) > 0)
  const version = await apiFetch(test, mapId, 'facilitator', `/api/maps/${mapId}/versions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Na de workshop', by: 'Marloes' }),
  })
  expect(version.status).toBe(201)
  return { test, mapId, writer, writerSecret, reader, doc: reader.doc }
}

/**
 * The dialogue records written into the map by the server itself: the evaluation holds
 * revealed results, which no socket may write (only a round's reveal does).
 */
async function writeDialogueRecordsAsServer({ test, mapId }: MapUnderTest): Promise<void> {
  const peer = createActionPeer('owner', 'Server')
  await test.server.rooms.withRoom(mapId, peer, async (room) => {
    room.doc.transact(() => writeDialogueRecords(room.doc), peer)
    await room.flush()
  })
}

function download(
  { test, mapId }: MapUnderTest,
  role: Role,
  file: (typeof FORMATS)[number] | `${DialogueRecordSheet}.csv`,
  query = '',
) {
  return apiFetch(test, mapId, role, `/api/maps/${mapId}/${file}${query}`)
}

async function bytesOf(response: Response): Promise<Uint8Array> {
  expect(response.status).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

/** The body as text with a byte order mark kept (Response.text() would drop it). */
async function textOf(response: Response): Promise<string> {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await bytesOf(response))
}

async function errorOf(response: Response): Promise<ApiError['error']> {
  return ((await response.json()) as ApiError).error
}

describe('export downloads', () => {
  it('answers each format with its type, an attachment name and no caching', async () => {
    const map = await mapWithContent()
    const expected = {
      'export.json': ['application/json', `${FILE_TITLE}-map`, 'json'],
      'export.csv': ['text/csv; charset=utf-8', `${FILE_TITLE}-register`, 'csv'],
      'export.xlsx': [
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        `${FILE_TITLE}-register`,
        'xlsx',
      ],
      'report.html': ['text/html; charset=utf-8', `${FILE_TITLE}-report`, 'html'],
    } as const
    const today = new Date().toISOString().slice(0, 10)
    for (const file of FORMATS) {
      // Uncompressed, so Content-Length is the file's own size (compression.test.ts covers br/gzip).
      const response = await apiFetch(
        map.test,
        map.mapId,
        'viewer',
        `/api/maps/${map.mapId}/${file}`,
        {
          headers: { 'accept-encoding': 'identity' },
        },
      )
      expect(response.status, file).toBe(200)
      expect(response.headers.get('content-encoding'), file).toBeNull()
      const [type, name, extension] = expected[file]
      expect(response.headers.get('content-type'), file).toBe(type)
      expect(response.headers.get('content-disposition'), file).toBe(
        `attachment; filename="${name}-${today}.${extension}"`,
      )
      expect(response.headers.get('cache-control'), file).toBe('no-store')
      expect(response.headers.get('x-content-type-options'), file).toBe('nosniff')
      expect(response.headers.get('x-stakeholder-records-left-out'), file).toBe('0')
      expect((await bytesOf(response)).byteLength).toBe(
        Number(response.headers.get('content-length')),
      )
    }
    // A Dutch report is a "rapport", also in its file name.
    const dutch = await apiFetch(
      map.test,
      map.mapId,
      'viewer',
      `/api/maps/${map.mapId}/report.html?lang=nl`,
    )
    expect(dutch.headers.get('content-disposition')).toMatch(/-rapport-\d{4}-\d{2}-\d{2}\.html"$/)
    const report = await download(map, 'viewer', 'report.html')
    const csp = report.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("style-src 'unsafe-inline'")
    expect(csp).toContain('img-src data:')
    expect(csp).not.toMatch(/script-src|unsafe-eval/)
  })

  it('accepts the token as ?token= and exports a map nobody has open', async () => {
    const map = await mapWithContent()
    const { test, mapId } = map
    fixture.disconnectClient(map.writer)
    if (map.writerSecret) fixture.disconnectClient(map.writerSecret)
    fixture.disconnectClient(map.reader)
    await waitFor(() => test.server.rooms.size === 0, 5000, 'room not unloaded')
    const url = `${test.httpUrl}/api/maps/${mapId}/export.json?token=${tokenOf(test, mapId, 'viewer')}`
    const parsed = parseMapJson(await textOf(await fetch(url)))
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    expect(parsed.value.stakeholders).toHaveLength(4)
    // The export joined the room like any peer, and left it: the map is unloaded again.
    await waitFor(() => test.server.rooms.size === 0, 5000, 'room not unloaded after export')
  })

  it('reads the live document: a change just made is in the next export', async () => {
    const map = await mapWithContent()
    const renamed = 'Bank (hernoemd)'
    const bank = richStakeholders().find((stakeholder) => stakeholder.id === 'sh-bank')!
    const written = writeStakeholder(
      map.writer.doc,
      { ...bank, name: renamed },
      null,
      map.writerSecret!.doc,
    )
    expect(written.ok).toBe(true)
    // Once the viewer has it, the server applied it; no snapshot was taken since.
    await waitFor(() => readStakeholders(map.doc).stakeholders.some((s) => s.name === renamed))
    const csv = await textOf(await download(map, 'viewer', 'export.csv'))
    expect(csv).toContain(renamed)
  })
})

describe('the register as CSV and XLSX', () => {
  it('starts with a BOM, neutralises formulas and is what the client would write', async () => {
    const map = await mapWithContent()
    const csv = await download(map, 'editor', 'export.csv')
    const text = await textOf(csv)
    expect([...new TextEncoder().encode(text).subarray(0, 3)]).toEqual(UTF8_BOM)
    const parsed = parseCsv(text)
    if (!parsed.ok) throw new Error(parsed.error.code)
    const { stakeholders } = readStakeholders(map.doc)
    const table = registerRows(stakeholders, { locale: 'en' })
    expect(parsed.rows[0]).toEqual(table.header)
    const names = parsed.rows.slice(1).map((row) => row[table.columns.indexOf('name')])
    expect(names).toContain(`'${FORMULA}`)
    expect(names).not.toContain(FORMULA)
    expect(text).toBe(registerToCsv(table, { delimiter: ',' }))
  })

  it('uses ; and Dutch headers with lang=nl, and , when asked', async () => {
    const map = await mapWithContent()
    const { stakeholders } = readStakeholders(map.doc)
    const table = registerRows(stakeholders, { locale: 'nl' })
    const dutch = await textOf(await download(map, 'viewer', 'export.csv', '?lang=nl'))
    expect(dutch).toBe(registerToCsv(table, { delimiter: ';' }))
    expect(dutch.split('\r\n')[0]).toBe(`\uFEFF${table.header.join(';')}`)
    const comma = await textOf(
      await download(map, 'viewer', 'export.csv', '?lang=nl&delimiter=comma'),
    )
    expect(comma).toBe(registerToCsv(table, { delimiter: ',' }))
    const semicolon = await textOf(
      await download(map, 'viewer', 'export.csv', '?delimiter=semicolon'),
    )
    expect(semicolon).toBe(
      registerToCsv(registerRows(stakeholders, { locale: 'en' }), { delimiter: ';' }),
    )
  })

  it('writes an XLSX workbook: register, impacts and log, text as typed (no formula, no apostrophe)', async () => {
    const map = await mapWithContent()
    const bytes = await bytesOf(await download(map, 'viewer', 'export.xlsx', '?lang=nl'))
    const parsed = parseXlsx(bytes)
    if (!parsed.ok) throw new Error(parsed.error.code)
    const table = registerRows(readStakeholders(map.doc).stakeholders, { locale: 'nl' })
    const [header, ...rows] = parsed.rows
    expect(header).toEqual(table.header)
    expect(rows).toHaveLength(4)
    const name = table.columns.indexOf('name')
    expect(rows.map((row) => row[name])).toEqual(table.rows.map((row) => row[name]))
    expect(rows.map((row) => row[name])).toContain(FORMULA)
    const rank = table.columns.indexOf('rank')
    expect(rows.map((row) => row[rank])).toEqual([1, 2, 3, 4])
    // An independent reader sees the same sheets, Dutch names and headers.
    const sheets = await readExcelFile(Buffer.from(bytes), { trim: false })
    expect(sheets.map((sheet) => sheet.sheet)).toEqual([
      'Register',
      'Negatieve impact',
      'Logboek',
      'Dialoogplannen',
      'Toezeggingen',
      'Evaluaties',
      'Zelfevaluaties',
    ])
    expect(sheets[1]!.data[0]!.slice(0, 4)).toEqual([
      'Volgorde',
      'Stakeholder-id',
      'Stakeholder',
      'Onderwerp',
    ])
    expect(sheets[1]!.data).toHaveLength(3)
    // The confidential log entry is not in a viewer's map at all, so not in its file either.
    expect(sheets[2]!.data).toHaveLength(2)
  })
})

describe('an unscored rightsholder and one judged absent, through the export API', () => {
  /** A map with both salience cases, written by an editor's client. */
  async function mapWithSalienceCases(): Promise<MapUnderTest> {
    const test = await fixture.startServer()
    const mapId = await createMap(test, 'Palmolie Borneo')
    const writer = fixture.connectClient(test, mapId)
    const reader = fixture.connectClient(test, mapId, undefined, { role: 'viewer' })
    await Promise.all([waitForSync(writer), waitForSync(reader)])
    for (const stakeholder of [judgedAbsent(), unscoredRightsholders()]) {
      const written = writeStakeholder(writer.doc, stakeholder)
      if (!written.ok) throw new Error(JSON.stringify(written.errors))
    }
    await waitFor(() => readStakeholders(reader.doc).stakeholders.length === 2)
    return { test, mapId, writer, reader, doc: reader.doc }
  }

  const CASES = [
    ['nl', 'Saillantie niet beoordeeld', 'Geen stakeholder (beoordeeld als afwezig)'],
    ['en', 'Salience not assessed', 'Non-stakeholder (assessed as absent)'],
  ] as const

  it.each(CASES)(
    '%s: the CSV, XLSX and report say "not assessed" for the first in line, never non-stakeholder',
    async (locale, notAssessed, absent) => {
      const map = await mapWithSalienceCases()
      const query = `?lang=${locale}`
      const csv = parseCsv(await textOf(await download(map, 'viewer', 'export.csv', query)))
      if (!csv.ok) throw new Error(csv.error.code)
      const xlsx = await readExcelFile(
        Buffer.from(await bytesOf(await download(map, 'viewer', 'export.xlsx', query))),
      )
      for (const rows of [csv.rows, xlsx[0]!.data]) {
        const header = rows[0]!.map(String)
        const salience = header.indexOf(locale === 'nl' ? 'Saillantieklasse' : 'Salience class')
        expect(rows[1]![1]).toBe('Inheemse gemeenschap Kayapó')
        expect(rows[1]![salience]).toBe(notAssessed)
        expect(rows[2]![salience]).toBe(absent)
      }
      const html = await textOf(await download(map, 'viewer', 'report.html', query))
      const register = /<section[^>]*id="register">(.*?)<\/section>/s.exec(html)?.[1] ?? ''
      expect(register).toContain(`<td>${notAssessed}</td>`)
      const figure = /<g data-class="not-assessed">(.*?)<\/g>/s.exec(html)?.[1] ?? ''
      expect(figure).toContain('data-stakeholder-id="sh-unscored"')
      const judged = /<g data-class="non-stakeholder">(.*?)<\/g>/s.exec(html)?.[1] ?? ''
      expect(judged).not.toContain('sh-unscored')
      // The JSON keeps the record as it is: unscored stays null, judged absent keeps its scores.
      const json = JSON.parse(await textOf(await download(map, 'viewer', 'export.json'))) as {
        stakeholders: { id: string; power: number | null }[]
      }
      const power = Object.fromEntries(json.stakeholders.map((s) => [s.id, s.power]))
      expect(power).toEqual({ 'sh-absent': 1, 'sh-unscored': null })
    },
  )

  it.runIf(libreOfficeAvailable())(
    'the XLSX opened in LibreOffice Calc says the same, in nl and en',
    async () => {
      const map = await mapWithSalienceCases()
      for (const [locale, notAssessed, absent] of CASES) {
        const bytes = await bytesOf(await download(map, 'viewer', 'export.xlsx', `?lang=${locale}`))
        const register = (await readWithLibreOffice(bytes)).get('Register')!
        const salience = register[0]!.indexOf(
          locale === 'nl' ? 'Saillantieklasse' : 'Salience class',
        )
        expect(register[1]![salience]).toBe(notAssessed)
        expect(register[2]![salience]).toBe(absent)
      }
    },
    60_000,
  )
})

describe('the map as JSON', () => {
  it('parses, carries the version list and round-trips exactly into a fresh doc', async () => {
    const map = await mapWithContent()
    for (const query of ['', '?contacts=1']) {
      const text = await textOf(await download(map, 'owner', 'export.json', query))
      const parsed = parseMapJson(text)
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
      const { value } = parsed
      expect(value.title).toBe(TITLE)
      expect(value.contactsIncluded).toBe(query !== '')
      expect(value.stakeholders.map((stakeholder) => stakeholder.id)).toEqual([
        'sh-bank',
        'sh-farmers',
        'sh-formula',
        'sh-union',
      ])
      expect(value.tldraw.records.map((record) => record.id)).toEqual(['page:page', 'shape:b'])
      const history = value.history as unknown as VersionSummary[]
      expect(history.map((version) => [version.name, version.kind])).toEqual([
        ['Na de workshop', 'named'],
      ])
      expect(history[0]?.createdBy).toEqual({ name: 'Marloes', role: 'facilitator' })

      const fresh = new Y.Doc()
      const freshSecret = value.contactsIncluded ? new Y.Doc() : null
      expect(importMapJson(fresh, value, undefined, freshSecret)).toEqual({ ok: true })
      const again = exportMapJson(fresh, {
        title: value.title,
        exportedAt: '2000-01-01T00:00:00.000Z',
        history: value.history,
        confidential: freshSecret,
      })
      const exportedAt = /"exportedAt": "[^"]*"/
      const normalise = (json: string) => json.replace(exportedAt, '"exportedAt": ""')
      expect(normalise(stringifyMapJson(again))).toBe(normalise(text))
    }
  })
})

describe('contact data', () => {
  it('is left out by default, included with contacts=1 for owners and facilitators', async () => {
    const map = await mapWithContent()
    for (const file of ['export.json', 'export.csv', 'report.html'] as const) {
      const plain = await textOf(await download(map, 'owner', file))
      expect(plain, file).not.toContain(CONTACT_NAME)
      expect(plain, file).not.toContain(CONTACT_EMAIL)
      expect(plain, file).not.toContain(escapeHtml(CONFIDENTIAL_INPUT))
      for (const role of ['owner', 'facilitator'] as const) {
        const full = await textOf(await download(map, role, file, '?contacts=1'))
        expect(full, `${file} ${role}`).toContain(CONTACT_NAME)
        expect(full, `${file} ${role}`).toContain(CONTACT_EMAIL)
        // The register has no log text; the map and the report carry the confidential entry.
        if (file !== 'export.csv') expect(full, file).toContain(escapeHtml(CONFIDENTIAL_INPUT))
      }
      expect(await textOf(await download(map, 'owner', file, '?contacts=0'))).not.toContain(
        CONTACT_EMAIL,
      )
    }
    const xlsx = parseXlsx(await bytesOf(await download(map, 'owner', 'export.xlsx')))
    const xlsxFull = parseXlsx(
      await bytesOf(await download(map, 'owner', 'export.xlsx', '?contacts=1')),
    )
    if (!xlsx.ok || !xlsxFull.ok) throw new Error('xlsx did not parse')
    expect(JSON.stringify(xlsx.rows)).not.toContain(CONTACT_EMAIL)
    expect(JSON.stringify(xlsxFull.rows)).toContain(CONTACT_EMAIL)
  })

  it('is refused to editors and viewers (403 role-not-allowed)', async () => {
    const map = await mapWithContent()
    for (const role of ['editor', 'viewer'] as const) {
      for (const file of FORMATS) {
        const response = await download(map, role, file, '?contacts=1')
        expect(response.status, `${role} ${file}`).toBe(403)
        expect((await errorOf(response)).code).toBe('role-not-allowed')
      }
    }
  })
})

describe('the report', () => {
  it.each(['nl', 'en'] as const)(
    'in %s holds the escaped title, the register and the method, and no script',
    async (locale) => {
      const map = await mapWithContent()
      const html = await textOf(await download(map, 'viewer', 'report.html', `?lang=${locale}`))
      const text = REPORT_TEXT[locale]
      expect(html).toContain(`<html lang="${locale}">`)
      expect(html).toContain(`<h1>${escapeHtml(TITLE)}</h1>`)
      expect(html).not.toMatch(/<script/i)
      expect(html).toContain(escapeHtml(text.registerHeading))
      const { header, columns } = registerRows([], { locale })
      for (const column of REPORT_REGISTER_COLUMNS) {
        const label = header[columns.indexOf(column)]!
        expect(html).toContain(`<th scope="col">${escapeHtml(label)}</th>`)
      }
      expect(html).toContain(escapeHtml('Cacaoboeren in Ghana — coöperatie “Ɔdɔ”'))
      expect(html).toContain(escapeHtml(text.methodHeading))
      for (const part of text.methodParts) expect(html).toContain(escapeHtml(part.heading))
    },
  )
})

describe('refusals', () => {
  it('answers 400 for option values it does not know', async () => {
    const map = await mapWithContent()
    const queries = [
      '?lang=de',
      '?lang=NL',
      '?lang=en&lang=nl',
      '?delimiter=tab',
      '?delimiter=',
      '?contacts=yes',
      '?contacts=true',
    ]
    for (const query of queries) {
      const response = await download(map, 'owner', 'export.csv', query)
      expect(response.status, query).toBe(400)
      const error = await errorOf(response)
      expect(error.code).toBe('invalid-option')
      expect(error.message).toMatch(/^(lang|delimiter|contacts) must be one of: /)
    }
    // Unknown parameters are not options: left alone.
    expect((await download(map, 'owner', 'export.csv', '?utm=1')).status).toBe(200)
  })

  it('answers 404, 401 and 403 as every map route does', async () => {
    const map = await mapWithContent()
    const { test, mapId } = map
    const other = await createMap(test, 'Other map')
    const get = (path: string, token?: string) =>
      fetch(`${test.httpUrl}${path}`, {
        headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      })
    const unknownId = 'A'.repeat(22)
    for (const file of FORMATS) {
      const owner = tokenOf(test, mapId, 'owner')
      expect((await get(`/api/maps/${unknownId}/${file}`, owner)).status, file).toBe(404)
      expect((await get(`/api/maps/not*valid/${file}`, owner)).status, file).toBe(400)
      expect((await get(`/api/maps/${mapId}/${file}`)).status, file).toBe(401)
      expect((await get(`/api/maps/${mapId}/${file}`, 'x'.repeat(32))).status, file).toBe(401)
      const foreign = await get(`/api/maps/${mapId}/${file}`, tokenOf(test, other, 'owner'))
      expect(foreign.status, file).toBe(403)
      expect((await errorOf(foreign)).code).toBe('forbidden')
    }
    const post = await apiFetch(test, mapId, 'owner', `/api/maps/${mapId}/export.csv`, {
      method: 'POST',
    })
    expect(post.status).toBe(405)
  })
})

describe('dialogue record exports', () => {
  it('serves the dialogue records as workbook sheets and as a CSV file per record type', async () => {
    const map = await mapWithContent()
    await writeDialogueRecordsAsServer(map)
    await waitFor(() => readMapDialogues(map.doc, null).commitments.length === 3)
    // The server decides what is overdue on its own (UTC) day.
    const today = new Date().toISOString().slice(0, 10)
    const names = new Map(
      readStakeholders(map.doc).stakeholders.map(({ id, name }) => [id, name] as const),
    )
    const sheets = await readExcelFile(
      Buffer.from(await bytesOf(await download(map, 'viewer', 'export.xlsx'))),
      { trim: false },
    )
    const commitments = sheets.find((sheet) => sheet.sheet === 'Commitments')!.data.slice(1)
    expect(commitments[0]!.slice(0, 2)).toEqual(['yes', 'commit-overdue'])
    expect(commitments.find((row) => row[1] === 'commit-done')![0]).toBe('no')
    for (const [kind, word] of [
      ['dialogue-plans', 'dialoogplannen'],
      ['commitments', 'toezeggingen'],
      ['evaluations', 'evaluaties'],
    ] as const) {
      const response = await download(map, 'viewer', `${kind}.csv`, '?lang=nl')
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="${FILE_TITLE}-${word}-${today}.csv"`,
      )
      const expected = registerToCsv(
        dialogueRecordSheet(kind, readMapDialogues(map.doc, null), {
          locale: 'nl',
          today,
          stakeholderNames: names,
        }),
        { delimiter: ';' },
      )
      expect(await textOf(response)).toBe(expected)
    }
  })

  it('puts the dialogue records in the report: commitments overdue first, confidential plans only when asked', async () => {
    const map = await mapWithContent()
    await writeDialogueRecordsAsServer(map)
    const secret = createDialoguePlan(
      {
        id: 'plan-secret',
        title: 'Gesprek met klokkenluiders',
        status: 'planned',
        invited: [{ stakeholderId: 'sh-farmers', representedBy: null }],
        confidentiality: 'confidential',
      },
      { now: NOW },
    )
    const written = writeDialoguePlan(map.writer.doc, secret, {
      confidential: map.writerSecret!.doc,
    })
    if (!written.ok) throw new Error(JSON.stringify(written.errors))
    await waitFor(() => readMapDialogues(map.doc, null).commitments.length === 3)
    // Stored once the owner's confidential client is in step with the server.
    await waitFor(async () => {
      const stored = await map.test.server.store.loadUpdates(map.mapId, 'confidential')
      const doc = new Y.Doc()
      for (const update of stored.updates) Y.applyUpdate(doc, update)
      return readDialoguePlans(doc, null).records.length === 1
    })
    const section = (html: string, id: string) =>
      new RegExp(`<section[^>]*id="${id}">(.*?)</section>`, 's').exec(html)?.[1] ?? ''

    const html = await textOf(await download(map, 'viewer', 'report.html', '?lang=nl'))
    const commitments = section(html, 'commitments')
    expect(commitments).toContain('<h2>7. Toezeggingen</h2>')
    // The server's day decides what is overdue: the commitment due 1 May 2026 is, and is first.
    const rows = [...commitments.matchAll(/<tr( class="overdue")?>(.*?)<\/tr>/gs)].slice(1)
    expect(rows[0]![1]).toBe(' class="overdue"')
    expect(rows[0]![2]).toContain(escapeHtml(DIALOGUE_FORMULA))
    expect(rows[0]![2]).toContain('Te laat')
    expect(rows[0]![2]).toContain(escapeHtml('Cacaoboeren in Ghana — coöperatie “Ɔdɔ”'))
    const done = rows.find((row) => row[2]!.includes('Verslag delen'))!
    expect(done[1]).toBeUndefined()
    expect(done[2]).toContain('Verslag van 18 april')
    const plans = section(html, 'plans')
    expect(plans).toContain('Leefbaar inkomen, coöperatie Soubré')
    expect(plans).toContain(`<li>${escapeHtml('Cacaoboeren in Ghana — coöperatie “Ɔdɔ”')}</li>`)
    expect(plans).toContain('(vertegenwoordigd door FNV Mondiaal)')
    expect(section(html, 'evaluations')).toContain('Kom terug met cijfers')
    // A confidential plan is not in a viewer's report, nor does it say one was left out:
    // the viewer's role never learns of it. The owner's report says so, and prints it with
    // contacts=1.
    const withheld = '1 vertrouwelijk dialoogplan is uit dit rapport weggelaten.'
    expect(html).not.toContain('klokkenluiders')
    expect(html).not.toContain(withheld)
    const owners = await textOf(await download(map, 'owner', 'report.html', '?lang=nl'))
    expect(owners).not.toContain('klokkenluiders')
    expect(owners).toContain(withheld)
    const open = await textOf(await download(map, 'owner', 'report.html', '?lang=nl&contacts=1'))
    expect(section(open, 'plans')).toContain('Gesprek met klokkenluiders')
  })
})
