/**
 * `node --expose-gc --import tsx bench/cold/measureBareDoc.ts <update file>`: prints the heap
 * a plain Y.Doc needs to hold the update, after a full GC before and after. Run in its own
 * process so that nothing else on the heap moves the figure. This is Yjs' own footprint: the
 * server's loaded room is compared against it.
 */
import { readFileSync } from 'node:fs'
import * as Y from 'yjs'

const gc = (globalThis as { gc?: () => void }).gc
if (!gc) throw new Error('run with --expose-gc')
const file = process.argv[2]
if (!file) throw new Error('usage: measureBareDoc.ts <update file>')
const update = new Uint8Array(readFileSync(file))
gc()
const before = process.memoryUsage().heapUsed
const doc = new Y.Doc({ gc: true })
Y.applyUpdate(doc, update)
gc()
const after = process.memoryUsage().heapUsed
// Keep the doc alive until after the reading.
process.stdout.write(JSON.stringify({ heapBytes: after - before, keys: doc.share.size }))
