/**
 * What the per-update limits cost the server (issue 15), measured in-process on the code the
 * room runs, no network: refusing a 200,000-insert update (wireFormat's readMessage, which reads
 * the struct count from the header), and checking plus applying the largest update the
 * default limits allow (2,000 structs: decode, rootsTouchedByUpdate, checkUpdateShape,
 * Y.applyUpdate). Median and worst of several warm runs. `npx tsx bench/runUpdateLimitsBench.ts`
 */
import os from 'node:os'
import * as Y from 'yjs'
import { loadConfig } from '../server/config'
import { checkUpdateShape } from '../server/rooms/checkUpdateShape'
import { rootsTouchedByUpdate } from '../server/rooms/rootsTouchedByUpdate'
import { readMessage, writeMessage } from '../server/transport/wireFormat'
import { MAP_DOCUMENT_SHAPE } from '../shared/document/documentShape'

const config = loadConfig({})
const limits = { maxUpdateStructs: config.maxUpdateStructs, maxAwarenessBytes: 64 * 1024 }

function frame(update: Uint8Array): Uint8Array {
  return writeMessage({ type: 'update', update })
}

function inserts(count: number): Uint8Array {
  const doc = new Y.Doc()
  const list = new Y.Array<number>()
  doc.getMap('workshop').set('score:flood:x', list)
  doc.transact(() => {
    for (let i = 0; i < count; i++) list.insert(0, [i])
  })
  return Y.encodeStateAsUpdate(doc)
}

function scores(count: number, seed: number): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    for (let i = 0; i < count; i++) doc.getMap('workshop').set(`score:r${seed}:u${i}`, { a: 1 })
  })
  return Y.encodeStateAsUpdate(doc)
}

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b)
  const median = sorted[Math.floor(sorted.length / 2)] ?? 0
  return `median ${median.toFixed(1)} ms, worst ${(sorted.at(-1) ?? 0).toFixed(1)} ms`
}

const hostile = frame(inserts(200_000))
const refuse: number[] = []
for (let run = 0; run < 10; run++) {
  const started = performance.now()
  const result = readMessage(hostile, limits)
  refuse.push(performance.now() - started)
  if (result.ok || result.tooLarge !== true) throw new Error('not refused')
}

const apply: number[] = []
const server = new Y.Doc({ gc: true })
for (let run = 0; run < 12; run++) {
  const update = scores(limits.maxUpdateStructs - 1, run)
  const started = performance.now()
  const decoded = readMessage(frame(update), limits)
  if (!decoded.ok || decoded.message.type !== 'update') throw new Error('refused')
  rootsTouchedByUpdate(server, decoded.message.decoded)
  if (checkUpdateShape(server, decoded.message.decoded, MAP_DOCUMENT_SHAPE, 8) !== null) {
    throw new Error('shape refused')
  }
  Y.applyUpdate(server, update)
  // The first two runs warm the JIT up.
  if (run >= 2) apply.push(performance.now() - started)
}

console.log(
  `machine: ${os.cpus().length} cores, load ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' / ')}`,
)
console.log(`refuse 200,000 inserts (${hostile.byteLength} bytes): ${stats(refuse)}`)
console.log(`check and apply ${limits.maxUpdateStructs - 1} structs: ${stats(apply)}`)
