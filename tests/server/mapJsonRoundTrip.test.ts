/**
 * The map file round-trips a whole workshop (issue 21): a map made on the real server with
 * the published y-websocket client — stakeholders, plans (one confidential), commitments,
 * two evaluations scored and revealed in real rounds, a self-assessment, the case card, the
 * map's engagement stages, role cards with a brief, rounds, observer notes, the example
 * shown — exported by the server's export API, imported as a new map by the client's own
 * import code, and exported again gives the same file, but for what must differ: when it
 * was exported, the version history, and the mark on each result that it was taken from
 * an imported file.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { DIALOGUE_ELEMENTS } from '../../shared/dialogue/dialogueVocabulary'
import type { MapJson } from '../../shared/exchange/mapJsonFormat'
import { canonicalJson } from '../../shared/exchange/canonicalJson'
import { EXCHANGE_LIMITS } from '../../shared/exchange/exchangeLimits'
import { EVALUATIONS, buildWorkshopMap, exportMapFile, importThroughClient } from './mapFileFixture'
import { createFixture } from './testServer'

const fixture = createFixture()
afterEach(() => fixture.cleanup())

/** The file without what an import must change; `importedAt` checked and taken off. */
function comparable(map: MapJson, imported: boolean) {
  const { exportedAt: _at, history: _history, ...rest } = map
  const evaluations = rest.dialogueEvaluations.map((evaluation) => ({
    ...evaluation,
    elements: Object.fromEntries(
      Object.entries(evaluation.elements).map(([element, { result, notes }]) => {
        if (result === null) return [element, { result, notes }]
        const { importedAt, ...counted } = result
        expect(importedAt !== undefined, `${evaluation.id}.${element} marked`).toBe(imported)
        return [element, { result: counted, notes }]
      }),
    ),
  }))
  return canonicalJson({ ...rest, dialogueEvaluations: evaluations }, EXCHANGE_LIMITS.jsonDepth + 4)
}

describe('the map file of a whole workshop', () => {
  it('round-trips through the export API and the client import exactly, results marked as imported', async () => {
    const test = await fixture.startServer()
    const source = await buildWorkshopMap(fixture, test)
    const first = await exportMapFile(test, source)
    const firstMap = JSON.parse(first) as MapJson
    // The file really holds all of it, so the comparison below compares something.
    expect(firstMap.stakeholders).toHaveLength(3)
    expect(firstMap.dialoguePlans.map((plan) => plan.confidentiality).sort()).toEqual([
      'confidential',
      'internal',
    ])
    expect(firstMap.commitments).toHaveLength(2)
    expect(firstMap.selfAssessments).toHaveLength(1)
    expect(firstMap.caseCard?.country).toBe('Ivoorkust')
    expect(Object.keys(firstMap.engagementStages).sort()).toEqual([
      'remediation',
      'stage-aftercare',
    ])
    expect(firstMap.rolePlay.cards).toHaveLength(2)
    expect(firstMap.rolePlay.rounds).toHaveLength(2)
    expect(firstMap.rolePlay.briefs).toEqual({ 'role-buyer': 'Beloof vandaag geen hogere prijs.' })
    expect(Object.keys(firstMap.observerNotes)).toHaveLength(2)
    expect(firstMap.exampleShown).toBe(true)
    const revealed = firstMap.dialogueEvaluations.find(({ id }) => id === EVALUATIONS.secret)!
    expect(revealed.elements.motivation.result).toEqual({
      count: 2,
      median: 4.5,
      min: 4,
      max: 5,
      disagreement: false,
    })

    const outcome = await importThroughClient(test, first)
    if (!outcome.ok) throw new Error(outcome.message)
    expect(outcome.mapId).not.toBe(source)
    const second = JSON.parse(await exportMapFile(test, outcome.mapId)) as MapJson
    expect(comparable(second, true)).toEqual(comparable(firstMap, false))
    // Every revealed element is there, counted as the original map counted it.
    for (const evaluation of second.dialogueEvaluations) {
      for (const element of DIALOGUE_ELEMENTS) {
        expect(evaluation.elements[element].result === null).toBe(false)
      }
    }
  })
})
