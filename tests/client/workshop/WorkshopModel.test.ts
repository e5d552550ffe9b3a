/**
 * The workshop model's actions on real Y.Docs: what a facilitator or participant does
 * through the model reaches everyone else's model, as the panels show it.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { timeRemaining } from '../../../shared/workshop/timer'
import { WorkshopRoom } from './workshopRoom'

let room: WorkshopRoom
afterEach(() => room.close())

/** A facilitator and three participants, one of them remote. */
function workshop() {
  room = new WorkshopRoom()
  const fatima = room.join('Fatima', 'facilitator')
  const ann = room.join('Ann', 'editor', 'room')
  const bram = room.join('Bram', 'editor', 'remote')
  const chen = room.join('Chen', 'editor', 'room')
  return { fatima, ann, bram, chen }
}

describe('raised hands through the workshop model', () => {
  it('queues hands for the facilitator, who lowers one; each participant lowers their own', () => {
    const { fatima, ann, bram } = workshop()
    bram.model.hands.raise()
    ann.model.hands.raise()
    bram.model.hands.raise()
    expect(fatima.model.hands.queue.get().map((hand) => hand.name)).toEqual(['Bram', 'Ann'])
    expect(ann.model.hands.mineIsRaised.get()).toBe(true)
    expect(fatima.model.hands.mineIsRaised.get()).toBe(false)

    fatima.model.hands.lowerFor(bram.info.userId)
    expect(bram.model.hands.mineIsRaised.get()).toBe(false)
    ann.model.hands.lower()
    expect(fatima.model.hands.queue.get()).toEqual([])
  })
})

describe('agenda and timer through the workshop model', () => {
  it('replans a block and runs its countdown the same for everyone', () => {
    const { fatima, ann } = workshop()
    fatima.model.agenda.setMinutes('phase-1', 40)
    const phase1 = ann.model.agenda.blocks.get().find((block) => block.id === 'phase-1')!
    expect(phase1.minutes).toBe(40)

    const start = room.clock.get()
    fatima.model.agenda.start(phase1)
    room.clock.set(start + 60_000)
    fatima.model.agenda.pause()
    const paused = ann.model.agenda.timer.get()!
    expect(timeRemaining(paused, start + 10 * 60_000)).toBe(39 * 60_000)

    room.clock.set(start + 10 * 60_000)
    fatima.model.agenda.resume()
    expect(timeRemaining(ann.model.agenda.timer.get()!, start + 11 * 60_000)).toBe(38 * 60_000)
    fatima.model.agenda.stop()
    expect(ann.model.agenda.timer.get()).toBeNull()
  })
})

describe('everyone’s view through the workshop model', () => {
  it('asks everyone to follow the facilitator until they stop it', () => {
    const { fatima, ann } = workshop()
    fatima.model.view.toggleFollowMe()
    expect(ann.model.facilitation.get().followMe).toEqual({
      userId: fatima.info.userId,
      at: room.clock.get(),
    })
    expect(fatima.model.view.everyoneFollowsMe.get()).toBe(true)
    expect(ann.model.view.everyoneFollowsMe.get()).toBe(false)
    fatima.model.view.toggleFollowMe()
    expect(ann.model.facilitation.get().followMe).toBeNull()
  })

  it('brings everyone to the facilitator’s area and spotlights a card', () => {
    const { fatima, ann } = workshop()
    // A tldraw Box carries more than its corners; only the area is stored.
    const viewport = { x: -300, y: 120, w: 1600, h: 900, midX: 500, extra: () => 0 }
    fatima.model.view.bringEveryoneHere(viewport)
    expect(ann.model.facilitation.get().bringHere).toEqual({
      userId: fatima.info.userId,
      at: room.clock.get(),
      bounds: { x: -300, y: 120, w: 1600, h: 900 },
    })
    fatima.model.view.spotlight('shape:card-1')
    expect(ann.model.facilitation.get().spotlight).toMatchObject({ shapeId: 'shape:card-1' })
  })
})

describe('private scoring through the workshop model', () => {
  it('shows only how many scored until the reveal, then the result; adopts the medians', async () => {
    const { fatima, ann, bram, chen } = workshop()
    const created = fatima.registry.create({ name: 'Cocoa farmers in Ghana' })
    if (!created.ok) throw new Error('not created')
    const farmers = created.value.id
    fatima.model.scoring.open(farmers)
    expect(chen.model.scoring.round.get()).toMatchObject({ stakeholderId: farmers, status: 'open' })

    void ann.model.scoring.submit({ power: 2, legitimacy: 5 })
    // A second submission changes what it names and keeps the rest, at once on one's screen.
    void ann.model.scoring.submit({ urgency: 4, influence: 2 })
    expect(ann.model.scoring.mine.get()).toMatchObject({ power: 2, urgency: 4 })
    void bram.model.scoring.submit({ power: 3, legitimacy: 5, urgency: 5, influence: 3.5 })
    void chen.model.scoring.submit({ power: 5, legitimacy: 4, urgency: 4 })
    for (const { model } of room.people) await model.scoring.settled()
    expect(ann.model.scoring.mine.get()).toMatchObject({
      power: 2,
      legitimacy: 5,
      urgency: 4,
      influence: 2,
      impact: null,
    })
    expect(fatima.model.scoring.submittedCount.get()).toBe(3)
    expect(fatima.model.eligibleCount.get()).toBe(4)
    expect(fatima.model.scoring.mine.get()).toBeNull()
    for (const { doc, model } of room.people) {
      expect(model.scoring.result.get()).toBeNull()
      expect(model.decorations.get().size).toBe(0)
      // Nobody's document holds a score: only the count.
      expect(JSON.stringify(doc.getMap('workshop').toJSON())).toBe('{}')
    }

    await fatima.model.scoring.reveal()
    expect(room.ballots.kept(fatima.model.scoring.round.get()!.id)).toBe(0)
    const result = ann.model.scoring.result.get()!
    expect(result.power).toMatchObject({ median: 3, min: 2, max: 5, disagreement: true })
    expect(result.influence).toMatchObject({ count: 2, median: 2.75 })
    expect(chen.model.decorations.get().get(farmers)?.ratings).toEqual(result)
    // Scores submitted after the reveal do not count.
    await chen.model.scoring.submit({ power: 1 })
    expect(fatima.model.scoring.result.get()?.power.median).toBe(3)

    await fatima.model.scoring.adopt()
    expect(bram.registry.get(farmers)).toMatchObject({
      power: 3,
      legitimacy: 5,
      urgency: 4,
      influence: 2.75,
      impact: null,
    })
    for (const { model } of room.people) expect(model.scoring.round.get()).toBeNull()
  })

  it('ends a round without touching the record', async () => {
    const { fatima, ann } = workshop()
    const created = fatima.registry.create({ name: 'Rabobank', power: 2 })
    if (!created.ok) throw new Error('not created')
    fatima.model.scoring.open(created.value.id)
    await ann.model.scoring.submit({ power: 5 })
    await fatima.model.scoring.reveal()
    await fatima.model.scoring.end()
    expect(ann.model.scoring.round.get()).toBeNull()
    expect(ann.registry.get(created.value.id)?.power).toBe(2)
  })
})

describe('dot voting through the workshop model', () => {
  it('keeps each participant within the budget and shows the tally once closed', async () => {
    const { fatima, ann, bram } = workshop()
    const [farmers, union, bank] = ['Farmers', 'Union', 'Bank'].map((name) => {
      const created = fatima.registry.create({ name })
      if (!created.ok) throw new Error('not created')
      return created.value.id
    }) as [string, string, string]
    fatima.model.voting.open('Whom should we engage first?', 2)
    expect(ann.model.voting.vote.get()).toMatchObject({ budget: 2, status: 'open' })

    expect(ann.model.voting.cast(farmers)).toEqual({ ok: true })
    expect(ann.model.voting.cast(union)).toEqual({ ok: true })
    expect(ann.model.voting.cast(bank)).toEqual({ ok: false, reason: 'budget-used' })
    expect(ann.model.voting.withdraw(union)).toBe(true)
    expect(ann.model.voting.withdraw(bank)).toBe(false)
    expect(ann.model.voting.cast(farmers)).toEqual({ ok: true })
    expect(ann.model.voting.myDots.get()).toEqual([farmers, farmers])
    bram.model.voting.cast(bank)
    await ann.model.voting.settled()
    await bram.model.voting.settled()
    expect(ann.model.voting.myDots.get()).toEqual([farmers, farmers])
    expect(fatima.model.voting.submittedCount.get()).toBe(2)
    expect(fatima.model.voting.tally.get()).toEqual([])
    expect(fatima.model.decorations.get().size).toBe(0)

    await fatima.model.voting.close()
    expect(bram.model.voting.cast(farmers)).toEqual({ ok: false, reason: 'closed' })
    expect(ann.model.voting.tally.get()).toEqual([
      { stakeholderId: farmers, votes: 2 },
      { stakeholderId: bank, votes: 1 },
    ])
    expect(bram.model.decorations.get().get(farmers)).toEqual({ votes: 2 })

    await fatima.model.voting.clear()
    expect(ann.model.voting.vote.get()).toBeNull()
    expect(ann.model.decorations.get().size).toBe(0)
  })

  it('keeps the server refusal as the error and shows the dots the server kept', async () => {
    const { fatima, ann } = workshop()
    fatima.model.voting.open('Whom first?', 2)
    // A stakeholder deleted meanwhile: the server refuses the dot.
    expect(ann.model.voting.cast('gone')).toEqual({ ok: true })
    await ann.model.voting.settled()
    expect(ann.model.voting.error.get()).toMatchObject({ code: 'unknown-stakeholder' })
    expect(ann.model.voting.myDots.get()).toEqual([])
  })

  it('never asks the server for the ballot of a viewer (the projector), who may not hand one in', async () => {
    const { fatima, ann } = workshop()
    const projector = room.join('Projector', 'viewer')
    const created = fatima.registry.create({ name: 'Farmers' })
    if (!created.ok) throw new Error('not created')
    fatima.model.scoring.open(created.value.id)
    fatima.model.voting.open('Whom first?', 2)
    await ann.model.scoring.submit({ power: 4 })
    expect(projector.model.voting.cast(created.value.id)).toEqual({ ok: true })
    await projector.model.voting.settled()
    await projector.model.scoring.settled()
    expect(room.ballots.refusedCalls).toEqual([])
    expect(projector.model.voting.submittedCount.get()).toBe(0)
    expect(projector.model.scoring.submittedCount.get()).toBe(1)
  })

  it('refuses a dot when no vote is open', () => {
    const { ann } = workshop()
    expect(ann.model.voting.cast('farmers')).toEqual({ ok: false, reason: 'closed' })
    expect(ann.model.voting.withdraw('farmers')).toBe(false)
  })
})

describe('participants through the workshop model', () => {
  it('lists everyone with role and place, and keeps who left as disconnected', () => {
    const { fatima, bram } = workshop()
    const list = () =>
      fatima.model.participants
        .get()
        .map((p) => `${p.name} ${p.role} ${p.place} ${p.connected ? 'here' : 'gone'}`)
    expect(list()).toEqual([
      'Ann editor room here',
      'Bram editor remote here',
      'Chen editor room here',
      'Fatima facilitator room here',
    ])
    room.leave(bram)
    expect(list()).toContain('Bram editor remote gone')
    expect(list()[3]).toBe('Bram editor remote gone')
    expect(fatima.model.participants.get().find((p) => p.self)?.name).toBe('Fatima')
  })

  it('shows nothing a peer invented: no unknown role, no name that is not text', () => {
    const { fatima, ann } = workshop()
    ann.awareness.setLocalStateField('user', { userId: ann.info.userId, name: 42, role: 'admin' })
    const shown = fatima.model.participants.get().find((p) => p.userId === ann.info.userId)
    expect(shown).toMatchObject({ name: 'Anonymous', role: '', place: null })
  })
})
