// @vitest-environment happy-dom
/**
 * Merge fuzz test of the canvas binding, after tldraw's syncFuzz: two to four participants
 * edit one map at once through real tldraw editors bound with `bindTldrawStoreToYDoc` and the
 * stakeholder registry, go offline and back, reload the page, and exchange their changes
 * through a simulated y-websocket server in random interleavings. Once everyone is online and
 * every message has arrived, every participant must see the same canvas and the same
 * stakeholder records, and every Y.Doc (the server's too) must hold the same state. The second
 * block adds the confidential document: owners and facilitators edit contacts and confidential
 * log entries on a second socket, editors have neither, and everyone must still agree.
 * One seed is run by fuzz/runBindingFuzz.ts.
 *
 * Seeds are in the test names. `FUZZ_SEED=<n>` runs one more seed in each block; add
 * `-t 'FUZZ_SEED'` to run only that one. A seed that found a bug stays below as a named
 * regression case.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { runSeed, totals } from './fuzz/runBindingFuzz'

const replay = process.env['FUZZ_SEED']
/** Seeds run by `npm test`; fixed, so a red run is the change's fault, not the dice's. */
const SEEDS = Array.from({ length: 32 }, (_, index) => 1000 + index * 7919)

describe('tldraw ↔ Yjs binding under concurrent edits, disconnects and reloads', () => {
  for (const seed of SEEDS) it(`seed ${seed}`, () => void runSeed(seed))
  if (replay !== undefined) it(`seed ${replay} (FUZZ_SEED)`, () => void runSeed(Number(replay)))

  // Seeds that found bugs in the binding (client/sync/TldrawYjsBinding.ts), kept as they were.
  it('seed 8919: a card whose move waited for a missing update kept its arrows', () => {
    // A card moved by someone whose earlier change had not arrived looked deleted for a
    // moment; tldraw then dropped the arrows bound to it, on that screen only.
    runSeed(8919)
  })
  it('seed 24757: an arrow drawn to a card deleted at the same time looks alike everywhere', () => {
    // The drawer's tldraw moved the arrow's loose end to where the card had been; that
    // reaction to a remote deletion was never written, so only that screen showed it.
    runSeed(24757)
  })
  it('seed 20922155: a binding tldraw removed on a remote deletion is not written back', () => {
    // An arrow drawn to a card just before the card's deletion arrived: tldraw removed the
    // binding, but the binding's queued creation was still written when the throttle ended.
    runSeed(20922155)
  })

  // Known limitation, not the binding's: a card dropped into a board that someone else deleted
  // at the same time keeps the deleted board as parent, so it is invisible to everyone (the
  // stakeholder record itself is untouched). tldraw's own sync does the same (tldraw issues
  // #9567 and #10024). When tldraw repairs such shapes this test fails: then check every seed.
  // With user records kept off the map (issue 18) this seed's run drops three cards into
  // two matrices deleted at the same time (p0-matrix-2, p3-matrix-14), all of this kind.
  it('seed 2699309: cards dropped into boards deleted at the same time are left without a parent', () => {
    expect(runSeed(2699309)).toEqual(['shape:p0-card-4', 'shape:p2-card-5', 'shape:p3-card-13'])
  })

  it('the seeds did build maps: shapes, arrows, stakeholders, impacts and log entries', () => {
    // Counted over this block's seeds only (the confidential block below runs after it).
    expect(totals.shapes).toBeGreaterThan(SEEDS.length)
    expect(totals.bindings).toBeGreaterThan(0)
    expect(totals.stakeholders).toBeGreaterThan(SEEDS.length)
    expect(totals.impacts).toBeGreaterThan(0)
    expect(totals.logEntries).toBeGreaterThan(0)
  })
})

/** Seeds with the confidential document, also run by `npm test`. */
const CONFIDENTIAL_SEEDS = Array.from({ length: 24 }, (_, index) => 5000 + index * 6271)

describe('the same, with owners and facilitators also editing contacts and confidential entries', () => {
  // What the first block counted, taken when this block starts running.
  const before = { ...totals }
  beforeAll(() => void Object.assign(before, totals))
  const confidential = { confidential: true }
  for (const seed of CONFIDENTIAL_SEEDS) {
    it(`seed ${seed}`, () => void runSeed(seed, confidential))
  }
  if (replay !== undefined) {
    it(`seed ${replay} (FUZZ_SEED)`, () => void runSeed(Number(replay), confidential))
  }

  it('the seeds did build contacts and confidential log entries, and editors took part', () => {
    expect(totals.contacts - before.contacts).toBeGreaterThan(CONFIDENTIAL_SEEDS.length)
    expect(totals.confidentialLogEntries - before.confidentialLogEntries).toBeGreaterThan(0)
    expect(totals.stakeholders - before.stakeholders).toBeGreaterThan(CONFIDENTIAL_SEEDS.length)
  })
})
