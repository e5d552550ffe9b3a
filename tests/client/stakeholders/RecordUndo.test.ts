import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RecordUndo } from '../../../client/stakeholders/RecordUndo'
import { StakeholderRegistry } from '../../../client/stakeholders/StakeholderRegistry'
import { createContact } from '../../../shared/stakeholder/createStakeholder'

/** Waits out the undo's capture timeout (Yjs reads the real clock): the next edit is a step of its own. */
function later() {
  return new Promise((resolve) => setTimeout(resolve, 850))
}

/** A registry of an owner (both documents) and the undo of its session, as the map page makes them. */
async function session() {
  const doc = new Y.Doc()
  const confidential = new Y.Doc()
  const origin = { kind: 'local' }
  const registry = new StakeholderRegistry(doc, origin, confidential)
  const undo = new RecordUndo(doc, origin, confidential)
  const created = registry.create({ id: 'sh-1', name: 'Farmers union' })
  if (!created.ok) throw new Error('not created')
  await later()
  return { doc, confidential, registry, undo }
}

describe('record undo over both documents', () => {
  it('undoes and redoes the newest own edit first, whichever document it is in', async () => {
    const { registry, undo } = await session()
    expect(
      registry.putContact('sh-1', { ...createContact('c-1'), email: 'a@example.org' }).ok,
    ).toBe(true)
    await later()
    expect(registry.patch('sh-1', { power: 4 }).ok).toBe(true)
    expect(undo.undoSize).toBe(3)

    undo.undo()
    expect(registry.get('sh-1')?.power).toBeNull()
    expect(registry.get('sh-1')?.contacts).toHaveLength(1)
    undo.undo()
    expect(registry.get('sh-1')?.contacts).toEqual([])
    expect(undo.redoSize).toBe(2)
    undo.redo()
    expect(registry.get('sh-1')?.contacts).toHaveLength(1)
    expect(registry.get('sh-1')?.power).toBeNull()
    undo.redo()
    expect(registry.get('sh-1')?.power).toBe(4)
  })

  it('tells its listeners when what can be undone changes', async () => {
    const { registry, undo } = await session()
    let calls = 0
    const stop = undo.onChange(() => calls++)
    registry.patch('sh-1', { power: 2 })
    undo.undo()
    expect(calls).toBeGreaterThanOrEqual(2)
    stop()
    const before = calls
    registry.patch('sh-1', { power: 3 })
    expect(calls).toBe(before)
  })
})
