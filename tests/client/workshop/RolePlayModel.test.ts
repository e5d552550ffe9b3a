/**
 * The role play's model on the page: a person's own role is asked of the server once when
 * a card is dealt to them, again when its brief changes, and not for changes to others'
 * cards; a card taken back clears it. (Asking in a loop once made a holder's page busy.)
 */
import { atom } from 'tldraw'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { MyRoleResponse } from '../../../shared/protocol/roleBriefApi'
import { RolePlayModel } from '../../../client/workshop/model/RolePlayModel'

function setup() {
  const doc = new Y.Doc()
  const confidential = new Y.Doc()
  const calls: number[] = []
  let answer: MyRoleResponse = { role: null }
  const model = new RolePlayModel(
    doc,
    confidential,
    null,
    async () => {
      calls.push(Date.now())
      return answer
    },
    atom('self', 'guest-ann'),
  )
  return { model, calls, setAnswer: (next: MyRoleResponse) => (answer = next) }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('RolePlayModel', () => {
  it('asks for my role once per change of my card, never for others’', async () => {
    const { model, calls, setAnswer } = setup()
    model.useDefaultRoles('en')
    await settle()
    expect(calls).toHaveLength(0)
    const [mine, other] = model.cards.get()
    setAnswer({ role: { card: { ...mine!, holderId: 'guest-ann' }, brief: 'Keep the price.' } })
    model.deal(mine!.id, 'guest-ann')
    await settle()
    expect(calls).toHaveLength(1)
    expect(model.mine.get()).toMatchObject({ status: 'held', role: { brief: 'Keep the price.' } })
    model.deal(other!.id, 'guest-bram')
    await settle()
    expect(calls).toHaveLength(1)
    model.setBrief(mine!.id, 'Keep the price, and listen.')
    await settle()
    expect(calls).toHaveLength(2)
    // Shown all along: the card does not blink to "loading" while it is fetched again.
    expect(model.mine.get().status).toBe('held')
    model.deal(mine!.id, null)
    await settle()
    expect(model.mine.get()).toEqual({ status: 'none' })
    expect(calls).toHaveLength(2)
    model.dispose()
  })
})
