/**
 * Confirmation links (issue 21), attacked from outside with the real server and the
 * published y-websocket client, on SQLite and PostgreSQL. An editor asks for a stakeholder's
 * confirmation of one engagement-log entry; the page shows that entry's summary and nothing
 * else of the map (no contacts, no other entry, no other stakeholder, not the map's title);
 * the one answer lands in the document as evidence and in the audit trail; the link's
 * secret opens no socket, no API, no version and no other map; expired and revoked links
 * show a clear page in the reader's language and take no answer.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import { readStakeholderAnswers } from '../../shared/document/stakeholderAnswerDocument'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import { STAKEHOLDER_ANSWERS_MAP } from '../../shared/document/mapDocumentLayout'
import type { AuditEntry } from '../../shared/protocol/accessApi'
import { CloseCode } from '../../shared/protocol/closeCodes'
import type {
  ConfirmationLinkSummary,
  CreateConfirmationLinkResponse,
} from '../../shared/protocol/confirmationLinks'
import type { Role } from '../../shared/protocol/roles'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'
import type { EngagementEntry } from '../../shared/stakeholder/Stakeholder'
import { createTestSchema, type TestSchema } from './testPostgres'
import {
  apiFetch,
  createFixture,
  createMap,
  nextClose,
  type TestServer,
  waitFor,
  waitForSync,
} from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const probe = await createTestSchema()
await probe?.drop()
const schemas: TestSchema[] = []
afterAll(async () => {
  for (const schema of schemas.splice(0)) await schema.drop()
})

const BACKENDS = [
  { name: 'SQLite', env: async (): Promise<Record<string, string>> => ({}) },
  ...(probe === null
    ? []
    : [
        {
          name: 'PostgreSQL',
          env: async (): Promise<Record<string, string>> => {
            const schema = await createTestSchema()
            if (schema === null) throw new Error('PostgreSQL went away')
            schemas.push(schema)
            return { DATABASE_URL: schema.url }
          },
        },
      ]),
]

const DAY_MS = 86_400_000
const MAP_TITLE = 'Cocoa chain, internal'
const CONTACT_EMAIL = 'kofi.private@example.org'
const OTHER_ENTRY_TEXT = 'an earlier call about wages'
const OTHER_STAKEHOLDER = 'Retailers association'
const BARRIER_TEXT = 'fear of retaliation by the buyer'
const SECRET_TEXT = 'a whistleblower told us in confidence'

function entry(id: string, fields: Partial<EngagementEntry>): EngagementEntry {
  return {
    id,
    date: '2026-04-02',
    step: 'identify-assess',
    method: 'Site visit with interpreter',
    informationShared: '',
    inputReceived: '',
    howInputWasUsed: '',
    followUp: '',
    barriers: '',
    barrierMeasures: '',
    confidentiality: 'internal',
    ...fields,
  }
}

interface Scene {
  test: TestServer
  mapId: string
  editor: WebsocketProvider
  owner: WebsocketProvider
  ownerSecret: WebsocketProvider
  clock: { offset: number }
}

/** A map with a union (two entries, one confidential, a contact) and another stakeholder. */
async function sceneOn(env: Record<string, string>): Promise<Scene> {
  const clock = { offset: 0 }
  const test = await fixture.startServer(env, { clock: () => Date.now() + clock.offset })
  const mapId = await createMap(test, MAP_TITLE)
  const editor = fixture.connectClient(test, mapId, undefined, { role: 'editor' })
  const owner = fixture.connectClient(test, mapId, undefined, { role: 'owner' })
  const ownerSecret = fixture.connectClient(test, mapId, undefined, {
    role: 'owner',
    document: 'confidential',
  })
  await Promise.all([editor, owner, ownerSecret].map((provider) => waitForSync(provider)))
  const union = createStakeholder({
    id: 'union',
    name: 'Farmers union',
    contacts: [
      {
        id: 'c-1',
        name: 'Kofi Boateng',
        role: 'Chair',
        organisation: 'Union',
        email: CONTACT_EMAIL,
        phone: '',
        notes: '',
      },
    ],
    engagement: {
      status: 'ongoing',
      intendedLevel: 'involve',
      log: [
        entry('log-visit', {
          informationShared: 'Our purchasing prices for 2026',
          inputReceived: 'Prices do not cover a living income',
          followUp: 'We review the premium by June',
          barriers: BARRIER_TEXT,
        }),
        entry('log-earlier', { date: '2026-01-10', inputReceived: OTHER_ENTRY_TEXT }),
        entry('log-secret', { inputReceived: SECRET_TEXT, confidentiality: 'confidential' }),
      ],
    },
  })
  const retailers = createStakeholder({ id: 'retailers', name: OTHER_STAKEHOLDER })
  expect(writeStakeholder(owner.doc, union, null, ownerSecret.doc).ok).toBe(true)
  expect(writeStakeholder(owner.doc, retailers).ok).toBe(true)
  await waitFor(() => editor.doc.getMap('stakeholders').has('retailers'))
  await waitFor(async () => {
    const response = await apiFetch(
      test,
      mapId,
      'owner',
      `/api/maps/${mapId}/confirmation-links?stakeholder=union&entry=log-secret`,
    )
    return response.status === 200
  })
  return { test, mapId, editor, owner, ownerSecret, clock }
}

async function makeLink(scene: Scene, as: Role, body: Record<string, unknown>): Promise<Response> {
  return apiFetch(scene.test, scene.mapId, as, `/api/maps/${scene.mapId}/confirmation-links`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
}

async function madeLink(scene: Scene, as: Role, body: Record<string, unknown>) {
  const response = await makeLink(scene, as, body)
  expect(response.status).toBe(201)
  return (await response.json()) as CreateConfirmationLinkResponse
}

function page(scene: Scene, token: string, language = 'nl-NL,nl;q=0.9', query = '') {
  return fetch(`${scene.test.httpUrl}/confirm/${token}${query}`, {
    headers: { 'accept-language': language },
  })
}

function answer(scene: Scene, token: string, form: Record<string, string>) {
  return fetch(`${scene.test.httpUrl}/confirm/${token}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      origin: scene.test.httpUrl,
    },
    body: new URLSearchParams(form).toString(),
  })
}

for (const backend of BACKENDS) {
  describe(`confirmation links: ${backend.name}`, () => {
    it('shows only the entry, in Dutch or English, and keeps its one answer as evidence', async () => {
      const scene = await sceneOn(await backend.env())
      const { link, token } = await madeLink(scene, 'editor', {
        stakeholderId: 'union',
        entryId: 'log-visit',
        by: 'Ann (sustainability)',
      })
      expect(Date.parse(link.expiresAt) - Date.now()).toBeGreaterThan(29 * DAY_MS)
      expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThan(31 * DAY_MS)

      const dutch = await page(scene, token)
      expect(dutch.status).toBe(200)
      expect(dutch.headers.get('content-security-policy')).toContain("default-src 'none'")
      const html = await dutch.text()
      expect(html).toContain('lang="nl"')
      expect(html).toContain('Klopt dit met ons gesprek?')
      expect(html).toContain('Prices do not cover a living income')
      expect(html).toContain('We review the premium by June')
      for (const never of [
        MAP_TITLE,
        CONTACT_EMAIL,
        'Kofi',
        OTHER_ENTRY_TEXT,
        OTHER_STAKEHOLDER,
        BARRIER_TEXT,
        SECRET_TEXT,
        scene.mapId,
      ]) {
        expect(html).not.toContain(never)
      }
      const english = await (await page(scene, token, 'nl', '?lang=en')).text()
      expect(english).toContain('Is this what we discussed?')
      // Another entry named in the query changes nothing: the link is for its entry.
      const other = await (await page(scene, token, 'en', '?entry=log-earlier')).text()
      expect(other).not.toContain(OTHER_ENTRY_TEXT)

      const missing = await answer(scene, token, { verdict: 'corrected', lang: 'nl' })
      expect(missing.status).toBe(400)
      expect(await missing.text()).toContain('Schrijf op wat er verbeterd moet worden')

      const sent = await answer(scene, token, {
        verdict: 'corrected',
        corrections: 'We asked for the review by April, not June',
        comments: 'Thank you for the visit',
        lang: 'nl',
      })
      expect(sent.status).toBe(200)
      expect(await sent.text()).toContain('Dank u wel. Uw antwoord is vastgelegd.')

      // The editor's document holds the answer, with the date and who asked.
      await waitFor(
        () => readStakeholderAnswers([scene.editor.doc], 'union', 'log-visit').length === 1,
      )
      const [stored] = readStakeholderAnswers([scene.editor.doc], 'union', 'log-visit')
      expect(stored).toMatchObject({
        verdict: 'corrected',
        corrections: 'We asked for the review by April, not June',
        comments: 'Thank you for the visit',
        language: 'nl',
        askedBy: { name: 'Ann (sustainability)', role: 'editor' },
      })
      expect(stored!.summary.followUp).toBe('We review the premium by June')

      // One answer per link: a second one is not taken, the first one is shown.
      const again = await answer(scene, token, { verdict: 'confirmed', lang: 'en' })
      expect(await again.text()).toContain('It takes no other answer.')
      const shown = await (await page(scene, token, 'en')).text()
      expect(shown).toContain('We asked for the review by April, not June')
      expect(readStakeholderAnswers([scene.editor.doc], 'union', 'log-visit')).toHaveLength(1)

      const listed = await apiFetch(
        scene.test,
        scene.mapId,
        'editor',
        `/api/maps/${scene.mapId}/confirmation-links?stakeholder=union&entry=log-visit`,
      )
      const links = (await listed.json()) as ConfirmationLinkSummary[]
      expect(links.map((each) => each.answer?.verdict)).toEqual(['corrected'])
      expect(JSON.stringify(links)).not.toContain(token)

      // The audit trail says the stakeholder's answer came in on Ann's link.
      await waitFor(async () => {
        const audit = await apiFetch(
          scene.test,
          scene.mapId,
          'owner',
          `/api/maps/${scene.mapId}/audit`,
        )
        const rows = (await audit.json()) as AuditEntry[]
        return rows.some(
          (row) =>
            row.stakeholderId === 'union' &&
            row.fields.includes('stakeholderAnswer') &&
            row.participant.name.startsWith('Ann (sustainability)'),
        )
      })
    })

    it("the link's secret opens nothing else: no socket, no API, no versions, no other map", async () => {
      const scene = await sceneOn(await backend.env())
      const otherMap = await createMap(scene.test, 'Another map')
      const { token } = await madeLink(scene, 'owner', {
        stakeholderId: 'union',
        entryId: 'log-visit',
      })
      const bearer = { authorization: `Bearer ${token}` }
      for (const mapId of [scene.mapId, otherMap]) {
        for (const path of [
          `/api/maps/${mapId}`,
          `/api/maps/${mapId}/export.json`,
          `/api/maps/${mapId}/export.csv`,
          `/api/maps/${mapId}/report.html`,
          `/api/maps/${mapId}/versions`,
          `/api/maps/${mapId}/versions/1`,
          `/api/maps/${mapId}/audit`,
          `/api/maps/${mapId}/confirmation-links?stakeholder=union&entry=log-earlier`,
          `/api/maps/${mapId}/guest-links`,
        ]) {
          const response = await fetch(`${scene.test.httpUrl}${path}`, { headers: bearer })
          expect([401, 403], path).toContain(response.status)
          expect(await response.text()).not.toContain('Prices do not cover')
        }
        for (const document of ['map', 'confidential'] as const) {
          const client = fixture.connectClient(scene.test, mapId, undefined, { token, document })
          const first = await Promise.race([
            nextClose(client),
            waitForSync(client).then(() => 'open' as const),
          ])
          fixture.disconnectClient(client)
          expect(first).not.toBe('open')
          expect(client.doc.getMap('stakeholders').size).toBe(0)
        }
      }
      // Making another link with it is refused too.
      const forged = await fetch(
        `${scene.test.httpUrl}/api/maps/${scene.mapId}/confirmation-links`,
        {
          method: 'POST',
          headers: { ...bearer, 'content-type': 'application/json', origin: scene.test.httpUrl },
          body: JSON.stringify({ stakeholderId: 'union', entryId: 'log-earlier' }),
        },
      )
      expect([401, 403]).toContain(forged.status)
      // A made-up token and a token of a map role open no page.
      expect((await page(scene, 'A'.repeat(32))).status).toBe(404)
      const roleToken = scene.test.tokens.get(scene.mapId)!.owner
      const asRole = await page(scene, roleToken, 'en')
      expect(asRole.status).toBe(404)
      expect(await asRole.text()).toContain('This link does not work')
    })

    it('expired and revoked links show why, in the reader’s language, and take no answer', async () => {
      const scene = await sceneOn(await backend.env())
      const short = await madeLink(scene, 'editor', {
        stakeholderId: 'union',
        entryId: 'log-visit',
        expiresInDays: 2,
      })
      const revoked = await madeLink(scene, 'editor', {
        stakeholderId: 'union',
        entryId: 'log-visit',
      })
      const withdrawn = await apiFetch(
        scene.test,
        scene.mapId,
        'editor',
        `/api/maps/${scene.mapId}/confirmation-links/${revoked.link.id}`,
        { method: 'DELETE' },
      )
      expect(withdrawn.status).toBe(200)
      const gone = await page(scene, revoked.token, 'nl')
      expect(gone.status).toBe(410)
      expect(await gone.text()).toContain('Deze link is ingetrokken')
      expect((await answer(scene, revoked.token, { verdict: 'confirmed' })).status).toBe(410)

      scene.clock.offset = 3 * DAY_MS
      const expired = await page(scene, short.token, 'en-GB')
      expect(expired.status).toBe(410)
      expect(await expired.text()).toContain('This link has expired')
      expect(await (await page(scene, short.token, 'nl')).text()).toContain('Deze link is verlopen')
      expect((await answer(scene, short.token, { verdict: 'confirmed' })).status).toBe(410)
      expect(scene.editor.doc.getMap(STAKEHOLDER_ANSWERS_MAP).size).toBe(0)
    })

    it('a confidential entry: only roles that read it may ask; its answer stays confidential', async () => {
      const scene = await sceneOn(await backend.env())
      const refused = await makeLink(scene, 'editor', {
        stakeholderId: 'union',
        entryId: 'log-secret',
      })
      expect(refused.status).toBe(404)
      expect(((await refused.json()) as { error: { code: string } }).error.code).toBe(
        'unknown-entry',
      )
      const { token } = await madeLink(scene, 'owner', {
        stakeholderId: 'union',
        entryId: 'log-secret',
      })
      expect(await (await page(scene, token, 'en')).text()).toContain(SECRET_TEXT)
      const sent = await answer(scene, token, { verdict: 'corrected', corrections: 'Only to you' })
      expect(sent.status).toBe(200)
      await waitFor(
        () => readStakeholderAnswers([scene.ownerSecret.doc], 'union', 'log-secret').length === 1,
      )
      expect(readStakeholderAnswers([scene.editor.doc], 'union', 'log-secret')).toHaveLength(0)
      expect(JSON.stringify(scene.editor.doc.toJSON())).not.toContain('Only to you')
    })

    it('restoring an older version keeps the answers: evidence is not rolled back', async () => {
      const scene = await sceneOn(await backend.env())
      const named = await apiFetch(
        scene.test,
        scene.mapId,
        'owner',
        `/api/maps/${scene.mapId}/versions`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: 'Before the answer' }),
        },
      )
      expect(named.status).toBe(201)
      const version = (await named.json()) as { id: number }
      const { token } = await madeLink(scene, 'editor', {
        stakeholderId: 'union',
        entryId: 'log-visit',
      })
      expect((await answer(scene, token, { verdict: 'confirmed' })).status).toBe(200)
      await waitFor(
        () => readStakeholderAnswers([scene.editor.doc], 'union', 'log-visit').length === 1,
      )
      const restored = await apiFetch(
        scene.test,
        scene.mapId,
        'owner',
        `/api/maps/${scene.mapId}/versions/${version.id}/restore`,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' },
      )
      expect(restored.status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 200))
      expect(readStakeholderAnswers([scene.editor.doc], 'union', 'log-visit')).toHaveLength(1)
      expect(readStakeholderAnswers([scene.owner.doc], 'union', 'log-visit')[0]?.verdict).toBe(
        'confirmed',
      )
    })

    it("an editor's socket may not write an answer itself", async () => {
      const scene = await sceneOn(await backend.env())
      const closed = nextClose(scene.editor)
      scene.editor.doc.getMap(STAKEHOLDER_ANSWERS_MAP).set('union', 'forged')
      expect(await closed).toBe(CloseCode.policyViolation)
      expect(scene.owner.doc.getMap(STAKEHOLDER_ANSWERS_MAP).size).toBe(0)
    })
  })
}
