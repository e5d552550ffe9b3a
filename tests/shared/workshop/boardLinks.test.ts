import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { FACILITATION_MAP } from '../../../shared/document/mapDocumentLayout'
import { EXAMPLE_WORKSHEET } from '../../../shared/dialogue/exampleWorksheet'
import {
  WORKSHEET_SECTIONS,
  WORKSHEET_SECTION_FIELDS,
} from '../../../shared/dialogue/worksheetSections'
import { DIALOGUE_PLAN_COLUMNS } from '../../../shared/labels/dialogueFieldLabels'
import {
  DEFAULT_AGENDA,
  boardOf,
  readAgenda,
  withBlockBoard,
} from '../../../shared/workshop/agenda'
import {
  PHASE_1_BOARD,
  PHASE_2_BOARD,
  PHASE_4_BOARD,
  SELF_ASSESSMENT_BOARD,
  readOpenBoard,
} from '../../../shared/workshop/boardLinks'
import { readFacilitation, setFacilitation } from '../../../shared/workshop/facilitationState'

const block = (id: string) => DEFAULT_AGENDA.find((each) => each.id === id)!

describe('agenda blocks that open a board', () => {
  it('opens the self-assessment from the opening, the tables’ phase-1 areas, phase 2’s worksheets and phase 4’s follow-up boards from their blocks, and no board from the others, by default', () => {
    expect(boardOf(block('introduction'))).toBe(SELF_ASSESSMENT_BOARD)
    expect(boardOf(block('phase-1'))).toBe(PHASE_1_BOARD)
    expect(boardOf(block('phase-2'))).toBe(PHASE_2_BOARD)
    expect(boardOf(block('phase-4'))).toBe(PHASE_4_BOARD)
    for (const id of ['break', 'phase-3', 'closing']) {
      expect(boardOf(block(id))).toBeNull()
    }
  })

  it('links any block to any board, or unlinks it, through the document', () => {
    const doc = new Y.Doc()
    let agenda = withBlockBoard(DEFAULT_AGENDA, 'phase-4', 'phase-4-follow-up')
    agenda = withBlockBoard(agenda, 'phase-2', '')
    setFacilitation(doc, 'agenda', agenda)
    const read = readFacilitation(doc).agenda
    expect(boardOf(read.find((each) => each.id === 'phase-4')!)).toBe('phase-4-follow-up')
    expect(boardOf(read.find((each) => each.id === 'phase-2')!)).toBeNull()
  })

  it('reads a board that is no board id as the block’s own, and an agenda from before boards as the manual’s', () => {
    const stored = DEFAULT_AGENDA.map((each) =>
      each.id === 'phase-2' ? { ...each, board: 'Not a board!' } : each,
    )
    expect(boardOf(readAgenda(stored).find((each) => each.id === 'phase-2')!)).toBe(PHASE_2_BOARD)
    expect(readAgenda(DEFAULT_AGENDA)).toEqual(DEFAULT_AGENDA)
  })

  it('keeps the facilitator’s "open this board" and reads a malformed one as none', () => {
    const doc = new Y.Doc()
    setFacilitation(doc, 'openBoard', { userId: 'f', at: 5, board: PHASE_2_BOARD })
    expect(readFacilitation(doc).openBoard).toEqual({ userId: 'f', at: 5, board: 'phase-2' })
    doc.getMap(FACILITATION_MAP).set('openBoard', { userId: 'f', at: 5, board: '../x' })
    expect(readFacilitation(doc).openBoard).toBeNull()
    expect(readOpenBoard({ userId: 'f', board: 'phase-2' })).toBeNull()
  })

  it('hides the filled-in example until the trainer shows it', () => {
    const doc = new Y.Doc()
    expect(readFacilitation(doc).exampleShown).toBe(false)
    setFacilitation(doc, 'exampleShown', true)
    expect(readFacilitation(doc).exampleShown).toBe(true)
    doc.getMap(FACILITATION_MAP).set('exampleShown', 'yes')
    expect(readFacilitation(doc).exampleShown).toBe(false)
  })
})

describe('the worksheet and its filled-in example', () => {
  it('puts every field of a plan a group fills in into exactly one section', () => {
    const onSheet = WORKSHEET_SECTIONS.flatMap((section) => WORKSHEET_SECTION_FIELDS[section])
    expect(new Set(onSheet).size).toBe(onSheet.length)
    const left = DIALOGUE_PLAN_COLUMNS.filter((column) => !onSheet.includes(column))
    // The plan's bookkeeping is the Dialogues tab's, not the group's worksheet.
    expect(left).toEqual(['id', 'title', 'status', 'confidentiality', 'notes'])
  })

  it('fills in every field of the worksheet in Dutch and English', () => {
    for (const locale of ['en', 'nl'] as const) {
      for (const section of WORKSHEET_SECTIONS) {
        for (const field of WORKSHEET_SECTION_FIELDS[section]) {
          expect(EXAMPLE_WORKSHEET[locale].fields[field]?.trim(), `${locale} ${field}`).toBeTruthy()
        }
      }
    }
  })
})
