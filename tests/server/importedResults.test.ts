/**
 * `POST /api/maps/<id>/imported-results`: the only way a dialogue evaluation's result gets
 * into a map besides the server's count at a round's reveal. Attacked over real HTTP with
 * every other role's link, on a map not made as an import, twice, with results for
 * evaluations the map does not hold, with malformed results, over a result counted on the
 * map, and too late; and the mark it puts on each result defended against the owner's own
 * socket (the published y-websocket client), so an imported result cannot pass for one
 * counted here.
 */
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { createDialogueEvaluation } from '../../shared/dialogue/createDialogueRecords'
import type { DialogueEvaluation } from '../../shared/dialogue/DialogueEvaluation'
import {
  DIALOGUE_EVALUATION_LAYOUT,
  readDialogueRecord,
  recordsMap,
  writeDialoguePlan,
  writePlanRecord,
} from '../../shared/document/dialogueDocument'
import { importedResultsPath } from '../../shared/protocol/importedResultsApi'
import type { MapTokens } from '../../shared/protocol/accessApi'
import type { Role } from '../../shared/protocol/roles'
import { CloseCode } from '../../shared/protocol/closeCodes'
import { SQLITE_FILE_NAME } from '../../server/storage/SqliteMapStore'
import { plan } from '../shared/dialogue/dialogueFixtures'
import { evaluationSeen, handIn, openEvaluation, reveal, startGuest } from './ballotFixture'
import { storageBackends } from './storageBackends'
import {
  type TestServer,
  apiFetch,
  createFixture,
  createMap,
  nextClose,
  waitFor,
  waitForSync,
} from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

const RESULT = { count: 2, median: 4.5, min: 4, max: 5, disagreement: false }
/** What an import of a file with two revealed evaluations sends. */
const VALID = {
  evaluations: {
    'eval-open': { motivation: RESULT, inclusion: { ...RESULT, median: 3, min: 2, max: 4 } },
    'eval-secret': { knowledge: RESULT },
  },
}

/** A map made as an import: `POST /api/maps` with `imported: true`. */
async function createImportedMap(test: TestServer): Promise<string> {
  const response = await fetch(`${test.httpUrl}/api/maps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'Imported', imported: true }),
  })
  expect(response.status).toBe(201)
  const { id, tokens } = (await response.json()) as { id: string; tokens: MapTokens }
  test.tokens.set(id, tokens)
  return id
}

/**
 * Writes the evaluations an import writes over its sockets (no results): `eval-open` in the
 * map document, `eval-secret` of a confidential plan in the confidential one; answers the
 * owner's two sockets once the server holds both.
 */
async function writeEvaluations(test: TestServer, mapId: string) {
  const owner = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
  const secret = fixture.connectClient(test, mapId, new Y.Doc(), {
    role: 'owner',
    document: 'confidential',
  })
  await waitForSync(owner)
  await waitForSync(secret)
  const hidden = { ...plan(), id: 'plan-hidden', confidentiality: 'confidential' as const }
  expect(writeDialoguePlan(owner.doc, hidden, { confidential: secret.doc }).ok).toBe(true)
  for (const [id, dialogueId] of [
    ['eval-open', null],
    ['eval-secret', hidden.id],
  ] as const) {
    const evaluation = createDialogueEvaluation({
      id,
      dialogueId,
      elements: { motivation: { result: null, notes: 'Iedereen wilde komen' } },
    })
    const written = writePlanRecord(owner.doc, DIALOGUE_EVALUATION_LAYOUT, evaluation, {
      confidential: secret.doc,
    })
    expect(written.ok).toBe(true)
  }
  // A fresh reader of each document proves the server has them.
  const reader = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
  const secretReader = fixture.connectClient(test, mapId, new Y.Doc(), {
    role: 'owner',
    document: 'confidential',
  })
  await waitFor(() => recordsMap(reader.doc, DIALOGUE_EVALUATION_LAYOUT).has('eval-open'))
  await waitFor(() => recordsMap(secretReader.doc, DIALOGUE_EVALUATION_LAYOUT).has('eval-secret'))
  return { owner, secret, reader, secretReader }
}

/** `POST …/imported-results` with the role's link (or none). */
function post(test: TestServer, mapId: string, role: Role | null, body: unknown) {
  const init = {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  }
  return role === null
    ? fetch(`${test.httpUrl}${importedResultsPath(mapId)}`, init)
    : apiFetch(test, mapId, role, importedResultsPath(mapId), init)
}

/** The status and error code of an answer. */
async function refusal(response: Response): Promise<[number, string]> {
  const body = (await response.json()) as { error?: { code: string } }
  return [response.status, body.error?.code ?? 'none']
}

/** The evaluation as `client`'s document holds it (validated). */
function evaluationOf(client: WebsocketProvider, id: string): DialogueEvaluation {
  const read = readDialogueRecord(client.doc, DIALOGUE_EVALUATION_LAYOUT, id)
  if (read === null || !read.ok) throw new Error(`no valid evaluation ${id}`)
  return read.value
}

describe.each(await storageBackends())('imported results on $name', ({ env }) => {
  it('are taken from the owner only, once, and written as the server into either document, marked as imported', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createImportedMap(test)
    const { reader, secretReader } = await writeEvaluations(test, mapId)

    // Every other role, and no link at all, is refused: the results are the owner's import.
    for (const role of ['facilitator', 'editor', 'viewer'] as const) {
      expect(await refusal(await post(test, mapId, role, VALID))).toEqual([403, 'role-not-allowed'])
    }
    expect((await post(test, mapId, null, VALID)).status).toBe(401)

    const taken = await post(test, mapId, 'owner', VALID)
    expect(taken.status, await taken.clone().text()).toBe(200)
    const answer = (await taken.json()) as { written: number; importedAt: string }
    expect(answer.written).toBe(3)
    expect(Date.now() - Date.parse(answer.importedAt)).toBeLessThan(60_000)

    // In the map document for everyone, in the confidential one for its readers; notes kept.
    await waitFor(() => evaluationOf(reader, 'eval-open').elements.motivation.result !== null)
    const open = evaluationOf(reader, 'eval-open')
    expect(open.elements.motivation).toEqual({
      result: { ...RESULT, importedAt: answer.importedAt },
      notes: 'Iedereen wilde komen',
    })
    expect(open.elements.inclusion.result?.median).toBe(3)
    expect(open.elements.knowledge.result).toBeNull()
    await waitFor(
      () => evaluationOf(secretReader, 'eval-secret').elements.knowledge.result !== null,
    )
    expect(evaluationOf(secretReader, 'eval-secret').elements.knowledge.result).toEqual({
      ...RESULT,
      importedAt: answer.importedAt,
    })
    expect(recordsMap(reader.doc, DIALOGUE_EVALUATION_LAYOUT).has('eval-secret')).toBe(false)

    // Once: a second call, even the same or an empty one, is refused.
    for (const body of [VALID, { evaluations: {} }]) {
      expect(await refusal(await post(test, mapId, 'owner', body))).toEqual([
        409,
        'imported-results-taken',
      ])
    }

    // The report says where the results come from, in both languages.
    for (const [lang, words] of [
      ['nl', 'uit een geïmporteerd bestand'],
      ['en', 'from an imported file'],
    ]) {
      const report = await apiFetch(
        test,
        mapId,
        'owner',
        `/api/maps/${mapId}/report.html?lang=${lang}`,
      )
      expect(await report.text()).toContain(words)
    }
  })

  it('refuses a map not created as an import, whatever the owner sends', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createMap(test)
    await writeEvaluations(test, mapId)
    expect(await refusal(await post(test, mapId, 'owner', VALID))).toEqual([409, 'not-an-import'])
  })

  it('refuses malformed results and unknown evaluations without using up the one chance', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createImportedMap(test)
    await writeEvaluations(test, mapId)
    const malformed: unknown[] = [
      'not json',
      [],
      { evaluations: [] },
      { evaluations: { 'eval-open': 'high' } },
      { evaluations: { 'eval-open': { charisma: RESULT } } },
      { evaluations: { 'eval-open': { motivation: { ...RESULT, median: 6, max: 6 } } } },
      { evaluations: { 'eval-open': { motivation: { ...RESULT, median: 5.5 } } } },
      { evaluations: { 'eval-open': { motivation: { ...RESULT, min: 5, max: 4 } } } },
      { evaluations: { 'eval-open': { motivation: { ...RESULT, count: -1 } } } },
      { evaluations: { 'eval-open': { motivation: { ...RESULT, count: 0 } } } },
      { evaluations: { 'eval-open': { motivation: { median: 4, min: 4, max: 4 } } } },
      { evaluations: { 'eval-open': { motivation: null } } },
      { evaluations: { '../eval': { motivation: RESULT } } },
    ]
    for (const body of malformed) {
      const [status, code] = await refusal(await post(test, mapId, 'owner', body))
      expect([status, code], JSON.stringify(body)).toEqual([
        400,
        body === 'not json' ? 'invalid-body' : 'invalid-results',
      ])
    }
    expect(
      await refusal(
        await post(test, mapId, 'owner', {
          evaluations: { ...VALID.evaluations, 'eval-gone': { motivation: RESULT } },
        }),
      ),
    ).toEqual([400, 'unknown-evaluation'])
    // None of that used up the chance, and nothing was written: the valid call still works.
    expect((await post(test, mapId, 'owner', VALID)).status).toBe(200)
  })

  it('refuses to overwrite a result counted on the map', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createImportedMap(test)
    const facilitator = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'facilitator' })
    const witness = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(facilitator)
    await waitForSync(witness)
    const round = await openEvaluation(facilitator, witness, 'eval-counted')
    const ann = await startGuest(test, mapId, 'Ann')
    await handIn(test, mapId, round.id, { motivation: 2 }, ann.guestToken)
    expect((await reveal(test, mapId, round.id)).status).toBe(200)
    await waitFor(() => evaluationSeen(witness)?.status === 'revealed')
    const body = { evaluations: { 'eval-counted': { motivation: RESULT } } }
    expect(await refusal(await post(test, mapId, 'owner', body))).toEqual([409, 'result-exists'])
  })

  it('keeps the mark: no socket, the owner’s included, can strip it or forge one', async () => {
    const test = await fixture.startServer(await env())
    const mapId = await createImportedMap(test)
    const { owner } = await writeEvaluations(test, mapId)
    expect((await post(test, mapId, 'owner', VALID)).status).toBe(200)
    await waitFor(() => evaluationOf(owner, 'eval-open').elements.motivation.result !== null)
    const elements = recordsMap(owner.doc, DIALOGUE_EVALUATION_LAYOUT)
      .get('eval-open')!
      .get('elements') as Y.Map<unknown>
    // Passing the imported result off as counted here: the same numbers without the mark.
    const closed = nextClose(owner)
    elements.set('motivation', { result: RESULT, notes: 'Iedereen wilde komen' })
    expect(await closed).toBe(CloseCode.policyViolation)
    // Nor can a socket mark a result of its own as imported.
    const script = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
    await waitForSync(script)
    const forged = nextClose(script)
    const scriptElements = recordsMap(script.doc, DIALOGUE_EVALUATION_LAYOUT)
      .get('eval-open')!
      .get('elements') as Y.Map<unknown>
    scriptElements.set('knowledge', {
      result: { ...RESULT, importedAt: new Date().toISOString() },
      notes: '',
    })
    expect(await forged).toBe(CloseCode.policyViolation)
  })
})

describe('imported results, late', () => {
  it('are refused an hour after the import', async () => {
    const test = await fixture.startServer()
    const mapId = await createImportedMap(test)
    await writeEvaluations(test, mapId)
    const db = new Database(path.join(test.config.dataDir, SQLITE_FILE_NAME))
    const earlier = new Date(Date.now() - 61 * 60_000).toISOString()
    db.prepare('UPDATE maps SET created_at = ? WHERE id = ?').run(earlier, mapId)
    db.close()
    expect(await refusal(await post(test, mapId, 'owner', VALID))).toEqual([
      409,
      'import-window-closed',
    ])
  })
})
