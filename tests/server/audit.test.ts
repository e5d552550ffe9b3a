import { afterEach, describe, expect, it } from 'vitest'
import {
  patchStakeholder,
  readStakeholders,
  writeStakeholder,
} from '../../shared/document/stakeholderDocument'
import type { AuditEntry } from '../../shared/protocol/accessApi'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import type { Contact } from '../../shared/stakeholder/Stakeholder'
import { apiFetch, createFixture, createMap, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const now = '2026-05-12T09:00:00.000Z'
const EMAIL = `audit-secret-${Date.now()}@example.org`

/**
 * An owner adds "Fair Cocoa NGO" (legitimacy 2) with a contact; then the editor Ada, on the
 * published y-websocket client, raises legitimacy to 5, sets it vulnerable and rewrites its
 * notes; a second editor, whose name looks like a spreadsheet formula, sets the attitude.
 */
async function scene() {
  const test = await fixture.startServer()
  const mapId = await createMap(test)
  const owner = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
  const ownerSecret = fixture.connectClient(test, mapId, undefined, {
    role: 'owner',
    document: 'confidential',
  })
  const ada = fixture.connectClient(test, mapId, undefined, { role: 'editor' })
  const eve = fixture.connectClient(test, mapId, undefined, { role: 'editor' })
  await Promise.all([owner, ownerSecret, ada, eve].map((client) => waitForSync(client)))
  owner.awareness.setLocalStateField('user', { name: 'Olga Owner' })
  ada.awareness.setLocalStateField('user', { name: 'Ada Editor' })
  eve.awareness.setLocalStateField('user', { name: '=HYPERLINK("http://evil")' })
  const contact: Contact = {
    id: 'c1',
    name: 'Jan Jansen',
    role: 'spokesperson',
    organisation: 'Fair Cocoa NGO',
    email: EMAIL,
    phone: '+31 6 1234 5678',
    notes: `write to ${EMAIL}`,
  }
  const record = createStakeholder(
    { id: 'ngo', name: 'Fair Cocoa NGO', legitimacy: 2, notes: 'first notes', contacts: [contact] },
    { now },
  )
  expect(writeStakeholder(owner.doc, record, null, ownerSecret.doc).ok).toBe(true)
  await waitFor(() => readStakeholders(ada.doc).stakeholders[0]?.legitimacy === 2)
  await waitFor(() => readStakeholders(eve.doc).stakeholders[0]?.legitimacy === 2)
  patchStakeholder(ada.doc, 'ngo', { legitimacy: 5, vulnerable: true }, { now })
  patchStakeholder(ada.doc, 'ngo', { notes: 'the secret words of the notes' }, { now })
  patchStakeholder(eve.doc, 'ngo', { attitude: 'critical' }, { now })
  const audit = (role: 'owner' | 'facilitator' | 'editor' | 'viewer', query = '') =>
    apiFetch(test, mapId, role, `/api/maps/${mapId}/audit${query}`)
  await waitFor(async () => {
    const rows = (await (await audit('owner')).json()) as AuditEntry[]
    return rows.some((row) => row.participant.name === 'Ada Editor') && rows.length >= 3
  })
  return { test, mapId, audit }
}

describe('audit trail', () => {
  it('shows the owner who changed legitimacy from 2 to 5, with name and role', async () => {
    const { audit } = await scene()
    const rows = (await (await audit('owner')).json()) as AuditEntry[]
    const ada = rows.find((row) => row.participant.name === 'Ada Editor')
    expect(ada?.participant.role).toBe('editor')
    expect(ada?.stakeholderId).toBe('ngo')
    expect(ada?.kind).toBe('change')
    expect(ada?.changes).toEqual(
      expect.arrayContaining([
        { field: 'legitimacy', kind: 'value', from: 2, to: 5 },
        { field: 'vulnerable', kind: 'value', from: false, to: true },
        { field: 'notes', kind: 'text' },
      ]),
    )
    // The text itself is not kept: only that it changed.
    expect(JSON.stringify(rows)).not.toContain('secret words')
    const eve = rows.find((row) => row.participant.name.startsWith('=HYPERLINK'))
    expect(eve?.changes).toContainEqual({
      field: 'attitude',
      kind: 'value',
      from: 'unknown',
      to: 'critical',
    })
    const olga = rows.find((row) => row.participant.name === 'Olga Owner')
    expect(olga?.changes).toContainEqual({ field: 'record', kind: 'added' })
    // The contact went to the confidential part: the trail says only that it changed.
    const secret = rows.find((row) => row.fields.includes('confidential'))
    expect(secret?.participant.role).toBe('owner')
    expect(secret?.changes).toEqual([{ field: 'confidential', kind: 'changed' }])
  })

  it('refuses editors and viewers (403) and answers facilitators', async () => {
    const { audit } = await scene()
    for (const role of ['editor', 'viewer'] as const) {
      for (const query of ['', '?stakeholder=ngo']) {
        const json = await audit(role, query)
        expect(json.status, `${role} ${query}`).toBe(403)
        expect(await json.text()).not.toContain('Ada Editor')
      }
      const csv = await audit(role, '.csv?lang=nl')
      expect(csv.status).toBe(403)
      expect(await csv.text()).not.toContain('Ada Editor')
    }
    expect((await audit('facilitator')).status).toBe(200)
    expect((await audit('facilitator', '.csv?lang=en')).status).toBe(200)
  })

  it('filters by stakeholder, person and date', async () => {
    const { audit } = await scene()
    const list = async (query: string) =>
      (await (await audit('owner', query)).json()) as AuditEntry[]
    const ada = await list(`?person=${encodeURIComponent('Ada Editor')}`)
    expect(ada.length).toBeGreaterThan(0)
    expect(ada.every((row) => row.participant.name === 'Ada Editor')).toBe(true)
    expect(await list('?stakeholder=someone-else')).toEqual([])
    const today = new Date().toISOString().slice(0, 10)
    expect((await list(`?from=${today}&to=${today}`)).length).toBe((await list('')).length)
    expect(await list('?to=2020-01-01')).toEqual([])
    expect(await list('?from=2999-01-01')).toEqual([])
    expect((await audit('owner', '?from=yesterday')).status).toBe(400)
  })

  it('marks a socket with a link token only as a guest, under the name it chose', async () => {
    const { audit } = await scene()
    const rows = (await (
      await audit('owner', `?person=${encodeURIComponent('Ada Editor')}`)
    ).json()) as AuditEntry[]
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) {
      expect(row.participant).toEqual({ name: 'Ada Editor', role: 'editor', kind: 'guest' })
    }
  })

  it('exports CSV in Dutch (semicolons) and English with labels, formula-safe', async () => {
    const { audit } = await scene()
    const nl = await audit('owner', '.csv?lang=nl')
    expect(nl.status).toBe(200)
    expect(nl.headers.get('content-type')).toContain('text/csv')
    expect(nl.headers.get('content-disposition')).toContain('attachment')
    const nlText = await nl.text()
    const nlLines = nlText.replace(/^\uFEFF/, '').split('\r\n')
    expect(nlLines[0]).toBe(
      'Begonnen;Laatste wijziging;Gast of gebruiker;Persoon;Rol;Stakeholder;Stakeholder-id;Veld;Oude waarde;Nieuwe waarde of wijziging',
    )
    // Sockets with a link token only are guests of their connection: the export says so.
    expect(nlText).toMatch(/;gast;Ada Editor;Bewerker;Fair Cocoa NGO;ngo;Legitimiteit;2;5\r\n/)
    expect(nlText).toMatch(/;Kwetsbaar of gemarginaliseerd;nee;ja\r\n/)
    expect(nlText).toMatch(/;Notities;;tekst gewijzigd\r\n/)
    expect(nlText).toMatch(/;Houding;Onbekend;Kritisch\r\n/)
    // A name that would run as a formula starts with an apostrophe, and so stays text.
    expect(nlText).toContain(`;"'=HYPERLINK(""http://evil"")";`)
    expect(nlText).not.toMatch(/[;\n]=HYPERLINK/)
    const en = await (await audit('owner', '.csv?lang=en')).text()
    expect(en).toContain('Old value')
    expect(en).toMatch(/,guest,Ada Editor,Editor,Fair Cocoa NGO,ngo,Legitimacy,2,5\r\n/)
    expect(en).toMatch(/,Notes,,text changed\r\n/)
  })

  it('never gives out contact data, in any answer or filter', async () => {
    const { audit } = await scene()
    const bodies: string[] = []
    for (const role of ['owner', 'facilitator'] as const) {
      for (const query of ['', '?stakeholder=ngo', '.csv?lang=nl', '.csv?lang=en']) {
        bodies.push(await (await audit(role, query)).text())
      }
    }
    for (const body of bodies) {
      expect(body).not.toContain(EMAIL)
      expect(body).not.toContain('Jan Jansen')
      expect(body).not.toContain('1234 5678')
    }
  })
})
