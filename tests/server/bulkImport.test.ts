/**
 * Issue 15, part 5: the per-update limits must not stop honest bulk work. An owner imports
 * 500 stakeholders from a CSV file through the importer's path (parse, map columns, plan,
 * applyImport) on the published y-websocket client; the server accepts every update and a
 * fresh client sees all 500.
 */
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'
import { applyImport } from '../../shared/exchange/applyImport'
import { guessColumnMapping } from '../../shared/exchange/guessColumnMapping'
import { parseCsv } from '../../shared/exchange/parseCsv'
import { planImport } from '../../shared/exchange/planImport'
import { createFixture, createMap, waitFor, waitForSync } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** A register of `count` stakeholders with every column the importer knows of, in Dutch. */
function registerCsv(count: number): string {
  const header = 'Naam;Land;Macht;Legitimiteit;Urgentie;Invloed;Impact;Belangen;Zorgen;Notities'
  const rows = Array.from(
    { length: count },
    (_, i) =>
      `Leverancier ${i};Ghana;${(i % 5) + 1};3;2;4;5;Eerlijke prijzen ${i};Kinderarbeid;Rij ${i}`,
  )
  return [header, ...rows].join('\n')
}

describe('bulk import under the update limits', () => {
  it('syncs an import of 500 stakeholders from the published client in full', async () => {
    const test = await fixture.startServer()
    const mapId = await createMap(test)
    const owner = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'owner' })
    const secret = fixture.connectClient(test, mapId, new Y.Doc(), {
      role: 'owner',
      document: 'confidential',
    })
    await waitForSync(owner)
    await waitForSync(secret)
    const closes: number[] = []
    owner.on('connection-close', (event) => closes.push(event?.code ?? -1))
    const sent: number[] = []
    owner.doc.on('update', (update: Uint8Array) => sent.push(update.byteLength))

    const parsed = parseCsv(registerCsv(500))
    if (!parsed.ok) throw new Error('CSV did not parse')
    const header = (parsed.rows[0] ?? []).map(String)
    let next = 0
    const plan = planImport(parsed.rows, guessColumnMapping(header), {
      idFactory: () => `imported-${next++}`,
      now: '2026-05-12T10:00:00.000Z',
    })
    expect(plan.toImport).toHaveLength(500)
    const result = applyImport(owner.doc, plan, 'import', secret.doc)
    expect(result).toEqual({ ok: true, written: 500 })
    // More than one update went out: one would have been over the server's limit.
    expect(sent.length).toBeGreaterThan(1)

    const reader = fixture.connectClient(test, mapId, new Y.Doc(), { role: 'viewer' })
    await waitForSync(reader, 20_000)
    await waitFor(() => stakeholdersMap(reader.doc).size === 500, 20_000)
    expect(closes).toEqual([])
    expect(owner.wsconnected).toBe(true)
  })
})
