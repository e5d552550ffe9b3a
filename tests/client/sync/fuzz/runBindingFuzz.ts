/**
 * One seed of the binding fuzz (see TldrawYjsBinding.fuzz.test.ts): two to four participants
 * edit one map through real tldraw editors bound with `bindTldrawStoreToYDoc` and the
 * stakeholder registry, go offline and back and reload, while their messages reach the
 * simulated server in a random interleaving. At the end everyone is online, every message has
 * arrived, and every participant must see the same canvas and the same stakeholder records
 * (those with the confidential document: the same contacts and confidential entries too), and
 * every Y.Doc must hold the server's state. A failing seed prints its journal.
 */
import { isDeepStrictEqual } from 'node:util'
import type { TLRecord } from 'tldraw'
import { expect } from 'vitest'
import * as Y from 'yjs'
import { readStakeholders } from '../../../../shared/document/stakeholderDocument'
import {
  ARRAY_ROOT_NAMES,
  CONFIDENTIAL_ROOT_NAMES,
  MAP_ROOT_NAMES,
  TLDRAW_RECORDS_MAP,
} from '../../../../shared/document/mapDocumentLayout'
import type { Stakeholder } from '../../../../shared/stakeholder/Stakeholder'
import { Dice, FuzzPeer } from './FuzzPeer'
import { SimulatedServer } from './SimulatedRelay'

/** Steps per seed: edits, flushes, messages delivered, disconnects, reloads. */
const STEPS = 160
const MAX_PEERS = 4
/** Rounds of flush-and-deliver before a settled map is expected. */
const MAX_SETTLE_ROUNDS = 20

/** Delivers one waiting message on a random socket, in a random direction. */
function deliverRandomMessage(dice: Dice, peers: FuzzPeer[]): boolean {
  const busy = peers.filter((peer) => peer.connection.pending > 0)
  const peer = dice.pick(busy)
  if (!peer) return false
  const toServer = dice.chance(0.5)
  return peer.connection.deliverOne(toServer) || peer.connection.deliverOne(!toServer)
}

/** As the map page does: wait for the first sync when online, then open the map. */
function openAfterSync(peer: FuzzPeer) {
  while (peer.connection.pending > 0) {
    peer.connection.deliverToServer()
    peer.connection.deliverToClient()
  }
  peer.openMap()
}

/** Everyone online, every change written and delivered, until nothing moves any more. */
function settle(dice: Dice, peers: FuzzPeer[]) {
  for (const peer of peers) peer.connection.connect()
  for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
    for (const peer of peers) peer.flush()
    if (peers.every((peer) => peer.connection.pending === 0)) return
    while (deliverRandomMessage(dice, peers));
  }
  throw new Error(`the peers still exchange changes after ${MAX_SETTLE_ROUNDS} rounds`)
}

function rootsOf(doc: Y.Doc) {
  return {
    ...Object.fromEntries(MAP_ROOT_NAMES.map((name) => [name, doc.getMap(name).toJSON()])),
    ...Object.fromEntries(ARRAY_ROOT_NAMES.map((name) => [name, doc.getArray(name).toJSON()])),
  }
}

/** The registry's records in id order (two stakeholders may share a name). */
function stakeholdersById(peer: FuzzPeer) {
  return [...peer.map.registry.all.get()].sort((a, b) => (a.id < b.id ? -1 : 1))
}

function documentRecords(peer: FuzzPeer): TLRecord[] {
  return (
    Object.values(peer.map.store.serialize('document'))
      // Each screen keeps its own tldraw user record; it is not part of the map.
      .filter((record) => record.typeName !== 'user')
      .sort((a, b) => (a.id < b.id ? -1 : 1))
  )
}

/** Ids whose record differs between `a` and `b` (missing on one side included), with both. */
function differingRecords(a: Record<string, TLRecord>, b: Record<string, TLRecord>) {
  const ids = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()
  return ids
    .filter((id) => !isDeepStrictEqual(a[id], b[id]))
    .map((id) => ({ id, canvas: a[id] ?? null, document: b[id] ?? null }))
}

/** What a user could see break on one peer, whatever the others hold. */
function checkUsable(peer: FuzzPeer) {
  const { editor, store } = peer.map
  expect(editor.getCurrentPage(), `${peer.name} has a current page`).toBeDefined()
  const fromDoc = peer.doc.getMap<TLRecord>(TLDRAW_RECORDS_MAP).toJSON() as Record<string, TLRecord>
  const inStore = Object.fromEntries(documentRecords(peer).map((record) => [record.id, record]))
  expect(
    differingRecords(inStore, fromDoc),
    `${peer.name}'s canvas shows what its document holds`,
  ).toEqual([])
  for (const record of documentRecords(peer)) {
    if (record.typeName === 'binding') {
      expect(store.has(record.fromId), `arrow of ${record.id} on ${peer.name}`).toBe(true)
      expect(store.has(record.toId), `target of ${record.id} on ${peer.name}`).toBe(true)
    }
  }
  const readout = readStakeholders(peer.doc, { confidential: peer.confidentialDoc })
  expect(readout.invalid, `invalid stakeholder records on ${peer.name}`).toEqual([])
  expect(stakeholdersById(peer), `${peer.name}'s registry shows its document's records`).toEqual(
    [...readout.stakeholders].sort((a, b) => (a.id < b.id ? -1 : 1)),
  )
}

/**
 * Shapes whose parent is gone: a card dropped into a board that someone else deleted at the
 * same time. tldraw keeps such a shape (invisible, on every screen alike) with its own sync as
 * with ours; see the known-limitation case below.
 */
function orphansOf(peer: FuzzPeer): string[] {
  const { store } = peer.map
  return documentRecords(peer)
    .filter((record) => record.typeName === 'shape' && !store.has(record.parentId))
    .map((record) => record.id)
}

function confidentialRootsOf(doc: Y.Doc) {
  return Object.fromEntries(
    CONFIDENTIAL_ROOT_NAMES.map((name) => [name, doc.getMap(name).toJSON()]),
  )
}

/** A record as a role without the confidential document reads it. */
function withoutConfidential(stakeholder: Stakeholder): Stakeholder {
  const log = stakeholder.engagement.log.filter((entry) => entry.confidentiality !== 'confidential')
  return { ...stakeholder, contacts: [], engagement: { ...stakeholder.engagement, log } }
}

function checkConverged(
  server: SimulatedServer,
  confidentialServer: SimulatedServer | null,
  peers: FuzzPeer[],
) {
  for (const peer of peers) {
    expect(
      Y.equalSnapshots(Y.snapshot(peer.doc), Y.snapshot(server.doc)),
      `${peer.name}'s doc has the server's state vector and deletions`,
    ).toBe(true)
    expect(rootsOf(peer.doc), `${peer.name}'s doc content`).toEqual(rootsOf(server.doc))
    if (peer.confidentialDoc && confidentialServer) {
      expect(
        Y.equalSnapshots(Y.snapshot(peer.confidentialDoc), Y.snapshot(confidentialServer.doc)),
        `${peer.name}'s confidential doc has the server's state`,
      ).toBe(true)
      expect(
        confidentialRootsOf(peer.confidentialDoc),
        `${peer.name}'s confidential doc content`,
      ).toEqual(confidentialRootsOf(confidentialServer.doc))
    }
    checkUsable(peer)
  }
  // The first peer is the map's owner: it has the confidential document whenever there is one.
  const [first, ...others] = peers
  for (const peer of others) {
    expect(documentRecords(peer), `${peer.name}'s canvas equals ${first!.name}'s`).toEqual(
      documentRecords(first!),
    )
    const expected = stakeholdersById(first!)
    expect(stakeholdersById(peer), `${peer.name}'s records equal ${first!.name}'s`).toEqual(
      peer.confidentialDoc || !first!.confidentialDoc
        ? expected
        : expected.map(withoutConfidential),
    )
  }
}

/** Counts over all seeds, so a fuzz that stopped doing anything is noticed. */
export const totals = {
  shapes: 0,
  bindings: 0,
  stakeholders: 0,
  impacts: 0,
  logEntries: 0,
  contacts: 0,
  confidentialLogEntries: 0,
}

/** What a seed runs with. */
export interface FuzzOptions {
  /**
   * Owners and facilitators also hold the confidential document (contacts, confidential log
   * entries) on a second socket; editors, drawn at random, do not. Off: the map document only,
   * as the seeds pinned before the confidential document replay.
   */
  confidential?: boolean
}

/** Runs one seed to the end and checks convergence; answers the shapes left without a parent. */
export function runSeed(seed: number, options: FuzzOptions = {}): string[] {
  const dice = new Dice(seed)
  const server = new SimulatedServer()
  const confidentialServer = options.confidential ? new SimulatedServer() : null
  const count = 2 + dice.int(MAX_PEERS - 1)
  const journal: string[] = []
  let step = 0
  const peers = Array.from({ length: count }, (_, index) => {
    const name = `p${index}`
    const record = (entry: string) => journal.push(`${step} ${name}: ${entry}`)
    const peerDice = new Dice(dice.int(2 ** 31))
    // The first peer is the owner; each other one a facilitator (70 %) or an editor.
    const readsConfidential = confidentialServer && (index === 0 || dice.chance(0.7))
    return new FuzzPeer(
      name,
      server,
      peerDice,
      record,
      readsConfidential ? confidentialServer : null,
    )
  })
  try {
    // The first participant creates the map; the others join at random moments.
    peers[0]!.connection.connect()
    peers[0]!.openMap()
    for (const peer of peers.slice(1)) if (dice.chance(0.7)) peer.connection.connect()

    for (step = 0; step < STEPS; step++) {
      const peer = dice.pick(peers)!
      const roll = dice.int(100)
      if (!peer.isOpen) {
        if (roll < 40) openAfterSync(peer)
        else if (roll < 50) peer.connection.connect()
        else deliverRandomMessage(dice, peers)
      } else if (roll < 45) peer.randomEdit()
      else if (roll < 60) peer.flush()
      else if (roll < 66) {
        if (peer.connection.connected) peer.connection.disconnect()
        else peer.connection.connect()
        journal.push(`${step} ${peer.name}: ${peer.connection.connected ? 'online' : 'offline'}`)
      } else if (roll < 69) {
        peer.closeMap()
        if (dice.chance(0.7)) peer.openMap()
      } else {
        for (let i = dice.int(10); i >= 0; i--) deliverRandomMessage(dice, peers)
      }
    }

    settle(dice, peers)
    // Whoever has the page closed opens it now, on what its doc holds after the sync.
    for (const peer of peers) peer.openMap()
    settle(dice, peers)
    checkConverged(server, confidentialServer, peers)

    const records = documentRecords(peers[0]!)
    const stakeholders = peers[0]!.map.registry.all.get()
    totals.shapes += records.filter((record) => record.typeName === 'shape').length
    totals.bindings += records.filter((record) => record.typeName === 'binding').length
    totals.stakeholders += stakeholders.length
    totals.impacts += stakeholders.reduce((sum, s) => sum + s.impacts.length, 0)
    totals.logEntries += stakeholders.reduce((sum, s) => sum + s.engagement.log.length, 0)
    totals.contacts += stakeholders.reduce((sum, s) => sum + s.contacts.length, 0)
    totals.confidentialLogEntries += stakeholders.reduce(
      (sum, s) => sum + s.engagement.log.filter((e) => e.confidentiality === 'confidential').length,
      0,
    )
    return orphansOf(peers[0]!)
  } catch (error) {
    const which = options.confidential ? 'confidential binding fuzz' : 'binding fuzz'
    console.error(`${which} seed ${seed} failed (replay with FUZZ_SEED=${seed})`)
    console.error(journal.join('\n'))
    throw error
  } finally {
    for (const peer of peers) peer.closeMap()
  }
}
