// @vitest-environment happy-dom
/**
 * The workshop actions that work on the canvas, with a real tldraw editor on each person's
 * doc bound as on the map page: locking the SER template, splitting the room into tables,
 * bringing a table's result into the plenary boards.
 */
import { type Editor, type TLShapeId, createShapeId } from 'tldraw'
import { afterEach, describe, expect, it } from 'vitest'
import { pointForScores } from '../../../client/shapes/influence-impact-matrix/matrixGeometry'
import { MATRIX_SIZE } from '../../../client/shapes/influence-impact-matrix/matrixShape'
import {
  COMPACT_CARD_SIZE,
  STAKEHOLDER_CARD_TYPE,
} from '../../../client/shapes/stakeholder-card/stakeholderCardShape'
import {
  applySerPhase1Template,
  templateFrameIds,
} from '../../../client/templates/serPhase1Template'
import { keepLockedTemplateStill } from '../../../client/workshop/keepLockedTemplateStill'
import { groupShapeIds } from '../../../client/workshop/tableGroups'
import { rectsTouch } from '../../../shared/workshop/nearestFreePosition'
import { CHECKLIST_ITEM_TYPE } from '../../../client/shapes/checklist-item/checklistItemShape'
import { type OpenMap, closeMapPage, openMapPage } from '../sync/fuzz/FuzzPeer'
import { type Person, WorkshopRoom } from './workshopRoom'

let room: WorkshopRoom
const pages: OpenMap[] = []
afterEach(() => {
  for (const page of pages.splice(0)) closeMapPage(page)
  room.close()
})

/** The person's map page: a tldraw editor bound to their doc. */
function openPage(person: Person): OpenMap {
  const page = openMapPage(person.doc, person.origin)
  pages.push(page)
  return page
}

/** What the binding has not yet written goes to the doc (and so to everyone) now. */
function sendCanvas(...open: OpenMap[]) {
  for (const page of open) page.binding.flush()
}

function lockedShapeIds(editor: Editor): TLShapeId[] {
  return editor
    .getCurrentPageShapes()
    .filter((shape) => shape.isLocked)
    .map((shape) => shape.id)
    .sort()
}

describe('locking the template through the workshop model', () => {
  it('keeps exactly the SER template’s three frames and two boards still, for everyone, and the cards inside free', () => {
    room = new WorkshopRoom()
    const fatima = room.join('Fatima', 'facilitator')
    const ann = room.join('Ann', 'editor')
    const facilitatorPage = openPage(fatima)
    const participantPage = openPage(ann)
    const stopGuard = keepLockedTemplateStill(participantPage.editor, ann.doc)
    applySerPhase1Template(facilitatorPage.editor, 'en', { prefix: 'ser1' })
    const card = createShapeId('card')
    facilitatorPage.editor.createShape({
      id: card,
      type: STAKEHOLDER_CARD_TYPE,
      parentId: templateFrameIds('ser1').matrix,
      x: 100,
      y: 100,
      props: { stakeholderId: 'farmers' },
    })
    // Someone locked the third frame by hand before (as earlier versions locked the template):
    // that would freeze the cards inside, so locking clears it.
    facilitatorPage.editor.toggleLock([templateFrameIds('ser1').who])
    sendCanvas(facilitatorPage)

    fatima.model.lock.setLocked(facilitatorPage.editor, true)
    sendCanvas(facilitatorPage)
    expect(ann.model.lock.locked.get()).toBe(true)
    expect(lockedShapeIds(participantPage.editor)).toEqual([])
    const template = Object.values(templateFrameIds('ser1')).sort()
    const editor = participantPage.editor
    for (const id of template) {
      const before = editor.getShape(id)!
      editor.updateShape({ id, type: before.type, x: before.x + 200 })
      editor.deleteShape(id)
      expect(editor.getShape(id)).toEqual(before)
      editor.select(id)
      expect(editor.getSelectedShapeIds()).toEqual([])
    }
    editor.updateShape({ id: card, type: STAKEHOLDER_CARD_TYPE, x: 300 })
    expect(editor.getShape(card)).toMatchObject({
      x: 300,
      parentId: templateFrameIds('ser1').matrix,
    })
    expect(facilitatorPage.editor.getCurrentPageShapes().length).toBeGreaterThan(template.length)

    fatima.model.lock.setLocked(facilitatorPage.editor, false)
    sendCanvas(facilitatorPage)
    expect(ann.model.lock.locked.get()).toBe(false)
    const matrix = templateFrameIds('ser1').matrix
    editor.updateShape({ id: matrix, type: editor.getShape(matrix)!.type, x: 5 })
    expect(editor.getShape(matrix)?.x).toBe(5)
    stopGuard()
  })
})

describe('table groups through the workshop model', () => {
  it('seats the participants present at the tables, makes each table’s area and ends the split', () => {
    room = new WorkshopRoom()
    const fatima = room.join('Fatima', 'facilitator')
    const ann = room.join('Ann', 'editor', 'room')
    const bram = room.join('Bram', 'editor', 'remote')
    const chen = room.join('Chen', 'editor', 'room')
    const facilitatorPage = openPage(fatima)
    const bramsPage = openPage(bram)

    fatima.model.tables.split(facilitatorPage.editor, 2, (n) => `Table ${n}`, 'en')
    sendCanvas(facilitatorPage)
    for (const index of [0, 1]) {
      const frame = bramsPage.editor.getShape(groupShapeIds(index).frame)
      expect(frame).toMatchObject({ type: 'frame', props: { name: `Table ${index + 1}` } })
      // All three assignments of phase 1 are in the table's area, not only the last one.
      const editor = bramsPage.editor
      const assignments = templateFrameIds(`table-${index}`)
      for (const id of [assignments.why, assignments.prepare, assignments.who]) {
        expect(editor.getShape(id)).toMatchObject({ type: 'frame', parentId: frame!.id })
      }
      expect(editor.getShape(groupShapeIds(index).matrix)?.parentId).toBe(assignments.who)
      expect(editor.getShape(groupShapeIds(index).salience)?.parentId).toBe(assignments.who)
      const checklist = editor
        .getSortedChildIdsForParent(assignments.prepare)
        .map((id) => editor.getShape(id))
      expect(checklist).toHaveLength(6)
      expect(checklist.every((item) => item?.type === CHECKLIST_ITEM_TYPE)).toBe(true)
      expect(
        editor.getSortedChildIdsForParent(assignments.why).map((id) => editor.getShape(id)?.type),
      ).toEqual(['note', 'note', 'note', 'note'])
    }
    const seated = [ann, bram, chen].map((person) => person.model.tables.myTable.get())
    expect(seated.every((table) => table === 0 || table === 1)).toBe(true)
    expect(new Set(seated).size).toBe(2)
    expect(fatima.model.tables.myTable.get()).toBeUndefined()
    expect(
      fatima.model.tables.seating
        .get()
        .map((people) => people.map((p) => p.name).sort())
        .flat()
        .sort(),
    ).toEqual(['Ann', 'Bram', 'Chen'])

    fatima.model.tables.end()
    expect(bram.model.tables.groups.get()).toBeNull()
    expect(bram.model.tables.myTable.get()).toBeUndefined()
    // The areas stay, with what the tables put on them.
    expect(bramsPage.editor.getShape(groupShapeIds(1).frame)).toBeDefined()
  })

  it('brings a table’s cards into the plenary matrix once, placed by their scores', () => {
    room = new WorkshopRoom()
    const fatima = room.join('Fatima', 'facilitator')
    room.join('Ann', 'editor')
    const page = openPage(fatima)
    applySerPhase1Template(page.editor, 'en', { prefix: 'ser1' })
    fatima.model.tables.split(page.editor, 1, (n) => `Table ${n}`, 'en')
    const created = fatima.registry.create({ name: 'Trade union FNV', influence: 4.5, impact: 4 })
    if (!created.ok) throw new Error('not created')
    page.editor.createShape({
      type: STAKEHOLDER_CARD_TYPE,
      parentId: groupShapeIds(0).matrix,
      x: 700,
      y: 150,
      props: { stakeholderId: created.value.id },
    })

    expect(fatima.model.tables.bringToPlenary(page.editor, 0)).toBe(1)
    expect(fatima.model.tables.bringToPlenary(page.editor, 0)).toBe(0)
    const inPlenary = page.editor
      .getSortedChildIdsForParent(templateFrameIds('ser1').matrix)
      .map((id) => page.editor.getShape(id))
      .filter((shape) => shape?.type === STAKEHOLDER_CARD_TYPE)
    expect(inPlenary).toHaveLength(1)
    const point = pointForScores({ influence: 4.5, impact: 4 }, MATRIX_SIZE.w, MATRIX_SIZE.h)
    expect(inPlenary[0]).toMatchObject({
      x: point.x - COMPACT_CARD_SIZE.w / 2,
      y: point.y - COMPACT_CARD_SIZE.h / 2,
      props: { stakeholderId: created.value.id },
    })
  })

  it('brings cards scored alike into the plenary without covering each other or a card already there', () => {
    room = new WorkshopRoom()
    const fatima = room.join('Fatima', 'facilitator')
    room.join('Ann', 'editor')
    const page = openPage(fatima)
    const { editor } = page
    applySerPhase1Template(editor, 'en', { prefix: 'ser1' })
    fatima.model.tables.split(editor, 1, (n) => `Table ${n}`, 'en')
    const plenaryMatrix = templateFrameIds('ser1').matrix
    const ids = ['Cocoa farmers', 'Trade union FNV', 'Municipality'].map((name) => {
      const created = fatima.registry.create({ name, influence: 4, impact: 4 })
      if (!created.ok) throw new Error('not created')
      return created.value.id
    })
    // The first is already on the plenary matrix, at its scores' point.
    const point = pointForScores({ influence: 4, impact: 4 }, MATRIX_SIZE.w, MATRIX_SIZE.h)
    editor.createShape({
      type: STAKEHOLDER_CARD_TYPE,
      parentId: plenaryMatrix,
      x: point.x - COMPACT_CARD_SIZE.w / 2,
      y: point.y - COMPACT_CARD_SIZE.h / 2,
      props: { stakeholderId: ids[0], ...COMPACT_CARD_SIZE },
    })
    for (const stakeholderId of ids) {
      editor.createShape({
        type: STAKEHOLDER_CARD_TYPE,
        parentId: groupShapeIds(0).matrix,
        x: 100,
        y: 100,
        props: { stakeholderId, ...COMPACT_CARD_SIZE },
      })
    }

    expect(fatima.model.tables.bringToPlenary(editor, 0)).toBe(2)
    const cards = editor
      .getSortedChildIdsForParent(plenaryMatrix)
      .map((id) => editor.getShape(id)!)
      .filter((shape) => shape.type === STAKEHOLDER_CARD_TYPE)
      .map((shape) => ({ x: shape.x, y: shape.y, ...COMPACT_CARD_SIZE }))
    expect(cards).toHaveLength(3)
    for (const [index, card] of cards.entries()) {
      expect(cards.some((other, j) => j !== index && rectsTouch(card, other, 0))).toBe(false)
      // Still inside the matrix, near the point its scores give.
      expect(card.x + card.w).toBeLessThanOrEqual(MATRIX_SIZE.w)
      expect(Math.hypot(card.x + card.w / 2 - point.x, card.y + card.h / 2 - point.y)).toBeLessThan(
        250,
      )
    }
  })

  it('gives the projector on the viewer link no table, and seats a participant who arrives late', () => {
    room = new WorkshopRoom()
    const fatima = room.join('Fatima', 'facilitator')
    room.join('Ann', 'editor')
    room.join('Bram', 'editor')
    const projector = room.join('Projector', 'viewer')
    const page = openPage(fatima)
    fatima.model.tables.split(page.editor, 2, (n) => `Table ${n}`, 'en')
    expect(projector.model.tables.myTable.get()).toBeUndefined()

    const chen = room.join('Chen', 'editor', 'remote')
    expect(chen.model.tables.myTable.get()).toBeUndefined()
    fatima.model.tables.seatLateJoiners()
    expect([0, 1]).toContain(chen.model.tables.myTable.get())
    expect(projector.model.tables.myTable.get()).toBeUndefined()
  })
})
