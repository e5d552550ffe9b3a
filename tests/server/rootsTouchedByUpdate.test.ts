import { describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { rootsTouchedByUpdate } from '../../server/rooms/rootsTouchedByUpdate'

/** Item info bits (Yjs v1): string content, right origin given. */
const CONTENT_STRING = 4
const RIGHT_ORIGIN = 0b1000000

/** A client doc synced with `server`, whose next changes are captured as one update. */
function clientOf(server: Y.Doc): Y.Doc {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  return client
}

function updateOf(doc: Y.Doc, change: () => void): Uint8Array {
  const before = Y.encodeStateVector(doc)
  change()
  return Y.encodeStateAsUpdate(doc, before)
}

function roots(server: Y.Doc, update: Uint8Array) {
  const touched = rootsTouchedByUpdate(server, update)
  return { roots: [...touched.roots].sort(), unresolved: touched.unresolved }
}

describe('rootsTouchedByUpdate', () => {
  it('names the root of a top-level set', () => {
    const server = new Y.Doc()
    const client = clientOf(server)
    const update = updateOf(client, () => client.getMap('stakeholders').set('a', 1))
    expect(roots(server, update)).toEqual({ roots: ['stakeholders'], unresolved: false })
  })

  it('follows nested types created in the same update and already in the doc', () => {
    const server = new Y.Doc()
    const client = clientOf(server)
    const nested = updateOf(client, () => {
      const record = new Y.Map<unknown>()
      client.getMap('stakeholders').set('s1', record)
      const impacts = new Y.Map<unknown>()
      record.set('impacts', impacts)
      impacts.set('i1', { description: 'x' })
    })
    expect(roots(server, nested)).toEqual({ roots: ['stakeholders'], unresolved: false })
    Y.applyUpdate(server, nested)

    // Now the parent lives in the server doc: the update only carries its ID.
    const deeper = updateOf(client, () => {
      const record = client.getMap('stakeholders').get('s1') as Y.Map<unknown>
      ;(record.get('impacts') as Y.Map<unknown>).set('i2', { description: 'y' })
    })
    expect(roots(server, deeper)).toEqual({ roots: ['stakeholders'], unresolved: false })
  })

  it('resolves array items that only carry an origin', () => {
    const server = new Y.Doc()
    const client = clientOf(server)
    const first = updateOf(client, () => {
      const list = new Y.Array<string>()
      client.getMap('facilitation').set('agenda', list)
      list.push(['intro'])
    })
    Y.applyUpdate(server, first)
    const next = updateOf(client, () => {
      ;(client.getMap('facilitation').get('agenda') as Y.Array<string>).push(['phase 1'])
    })
    expect(roots(server, next)).toEqual({ roots: ['facilitation'], unresolved: false })
  })

  it('finds the root of deleted content through the doc', () => {
    const server = new Y.Doc()
    const client = clientOf(server)
    Y.applyUpdate(
      server,
      updateOf(client, () => client.getMap('facilitation').set('timer', 5)),
    )
    const deletion = updateOf(client, () => client.getMap('facilitation').delete('timer'))
    expect(roots(server, deletion)).toEqual({ roots: ['facilitation'], unresolved: false })
  })

  it('ignores deletions the doc already has (a sync step 2 repeats them)', () => {
    const server = new Y.Doc()
    const facilitator = clientOf(server)
    Y.applyUpdate(
      server,
      updateOf(facilitator, () => facilitator.getMap('facilitation').set('t', 1)),
    )
    Y.applyUpdate(
      server,
      updateOf(facilitator, () => facilitator.getMap('facilitation').delete('t')),
    )
    const editor = clientOf(server)
    const step2 = updateOf(editor, () => editor.getMap('stakeholders').set('a', 1))
    const full = Y.encodeStateAsUpdate(editor, Y.encodeStateVector(server))
    expect(roots(server, step2).roots).toEqual(['stakeholders'])
    expect(roots(server, full)).toEqual({ roots: ['stakeholders'], unresolved: false })
  })

  it('ignores structs the doc already has', () => {
    const server = new Y.Doc()
    const client = clientOf(server)
    const update = updateOf(client, () => client.getMap('facilitation').set('t', 1))
    Y.applyUpdate(server, update)
    expect(roots(server, update)).toEqual({ roots: [], unresolved: false })
  })

  it('reports unknown roots by name', () => {
    const server = new Y.Doc()
    const client = clientOf(server)
    const update = updateOf(client, () => client.getText('sneaky').insert(0, 'x'))
    expect(roots(server, update).roots).toEqual(['sneaky'])
  })

  it('reports content whose parent it cannot find', () => {
    const server = new Y.Doc()
    const client = clientOf(server)
    updateOf(client, () => client.getMap('stakeholders').set('s', new Y.Map()))
    const orphan = updateOf(client, () => {
      ;(client.getMap('stakeholders').get('s') as Y.Map<unknown>).set('name', 'x')
    })
    expect(roots(server, orphan)).toEqual({ roots: [], unresolved: true })
  })
})

describe('rootsTouchedByUpdate with gaps', () => {
  it('reports an update that starts past what the doc has of its client', () => {
    const server = new Y.Doc()
    const client = clientOf(server)
    updateOf(client, () => client.getMap('meta').set('a', 1))
    const second = updateOf(client, () => client.getMap('meta').set('b', 2))
    expect(rootsTouchedByUpdate(server, second).unresolved).toBe(true)
  })

  it('follows a chain through 100,000 clients without exhausting the stack', () => {
    // Written byte by byte (v1 layout): client i's one character names only its right
    // neighbour, client i - 1's; client 1's names the root. The highest client comes first,
    // so finding its root walks the whole chain. Only a server with a raised
    // MAX_UPDATE_STRUCTS lets such an update this far, but it must not throw there.
    const clients = 100_000
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, clients)
    for (let client = clients; client >= 1; client--) {
      encoding.writeVarUint(encoder, 1) // structs
      encoding.writeVarUint(encoder, client)
      encoding.writeVarUint(encoder, 0) // clock
      const hasRightOrigin = client > 1
      encoding.writeUint8(encoder, CONTENT_STRING | (hasRightOrigin ? RIGHT_ORIGIN : 0))
      if (hasRightOrigin) {
        encoding.writeVarUint(encoder, client - 1)
        encoding.writeVarUint(encoder, 0)
      } else {
        encoding.writeVarUint(encoder, 1) // parent is a root, by name
        encoding.writeVarString(encoder, 'notes')
      }
      encoding.writeVarString(encoder, 'x')
    }
    encoding.writeVarUint(encoder, 0) // no deletions
    const chain = encoding.toUint8Array(encoder)
    expect(roots(new Y.Doc(), chain)).toEqual({ roots: ['notes'], unresolved: false })
  })
})
