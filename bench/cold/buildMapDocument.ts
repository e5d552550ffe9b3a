/**
 * A generated map as the app stores it: `n` stakeholders (writeStakeholder) shown as cards
 * on one influence × impact matrix at the point of their scores (so the client has nothing
 * to move on load), and one relationship arrow for every second card, bound at both ends.
 */
import { ArrowBindingUtil, ArrowShapeUtil, getIndices } from 'tldraw'
import type * as Y from 'yjs'
import { pointForScores } from '../../client/shapes/influence-impact-matrix/matrixGeometry'
import { MATRIX_SIZE } from '../../client/shapes/influence-impact-matrix/matrixShape'
import { COMPACT_CARD_SIZE } from '../../client/shapes/stakeholder-card/stakeholderCardShape'
import { TLDRAW_RECORDS_MAP } from '../../shared/document/mapDocumentLayout'
import { writeStakeholder } from '../../shared/document/stakeholderDocument'
import type { Stakeholder } from '../../shared/stakeholder/Stakeholder'
import { createStakeholder } from '../../shared/stakeholder/createStakeholder'

const PAGE_ID = 'page:page'
const MATRIX_ID = 'shape:matrix'

/** A small deterministic PRNG (mulberry32), so every run builds the same map. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A plausible stakeholder with every score set (1–5). */
export function generatedStakeholder(index: number, random: () => number): Stakeholder {
  const score = () => 1 + Math.floor(random() * 5)
  return createStakeholder(
    {
      id: `s-${index}`,
      name: `Stakeholder ${index}`,
      countryOrRegion: 'Ghana',
      power: score(),
      legitimacy: score(),
      urgency: score(),
      influence: score(),
      impact: score(),
      affected: random() < 0.4,
      interests: 'Fair prices, safe working conditions and a voice in the programme.',
    },
    { now: '2025-01-01T00:00:00.000Z' },
  )
}

function shape(id: string, type: string, parentId: string, index: string, x: number, y: number) {
  return {
    id,
    typeName: 'shape',
    type,
    parentId,
    index,
    x,
    y,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
  }
}

/** Writes the map into `doc` in one transaction; answers the card shape ids. */
export function buildMapDocument(doc: Y.Doc, stakeholders: number, seed = 1): string[] {
  const random = seededRandom(seed)
  const records = doc.getMap<unknown>(TLDRAW_RECORDS_MAP)
  const arrowProps = new ArrowShapeUtil({} as never).getDefaultProps()
  const bindingProps = new ArrowBindingUtil({} as never).getDefaultProps()
  const cardIds: string[] = []
  doc.transact(() => {
    records.set('document:document', {
      id: 'document:document',
      typeName: 'document',
      gridSize: 10,
      name: '',
      meta: {},
    })
    records.set(PAGE_ID, { id: PAGE_ID, typeName: 'page', name: 'Page 1', index: 'a1', meta: {} })
    records.set(MATRIX_ID, {
      ...shape(MATRIX_ID, 'influence-impact-matrix', PAGE_ID, 'a1', 0, 0),
      props: { w: MATRIX_SIZE.w, h: MATRIX_SIZE.h, title: '' },
    })
    const indices = getIndices(stakeholders + 1)
    const centres: { x: number; y: number }[] = []
    for (let i = 0; i < stakeholders; i++) {
      const stakeholder = generatedStakeholder(i, random)
      const written = writeStakeholder(doc, stakeholder)
      if (!written.ok) throw new Error(`generated stakeholder ${i} is invalid`)
      const centre = pointForScores(
        { influence: stakeholder.influence ?? 3, impact: stakeholder.impact ?? 3 },
        MATRIX_SIZE.w,
        MATRIX_SIZE.h,
      )
      centres.push(centre)
      const id = `shape:card-${i}`
      cardIds.push(id)
      records.set(id, {
        ...shape(
          id,
          'stakeholder-card',
          MATRIX_ID,
          indices[i + 1] ?? 'a1',
          centre.x - COMPACT_CARD_SIZE.w / 2,
          centre.y - COMPACT_CARD_SIZE.h / 2,
        ),
        props: { stakeholderId: stakeholder.id, w: COMPACT_CARD_SIZE.w, h: COMPACT_CARD_SIZE.h },
      })
    }
    const arrowIndices = getIndices(Math.ceil(stakeholders / 2) + 1, 'a2' as never)
    for (let i = 0; i + 1 < stakeholders; i += 2) {
      const from = centres[i] ?? { x: 0, y: 0 }
      const target = (i + 1 + Math.floor(random() * (stakeholders - 1))) % stakeholders
      const to = centres[target] ?? from
      const id = `shape:arrow-${i}`
      records.set(id, {
        ...shape(id, 'arrow', PAGE_ID, arrowIndices[i / 2 + 1] ?? 'a2', from.x, from.y),
        props: {
          ...arrowProps,
          start: { x: 0, y: 0 },
          end: { x: to.x - from.x, y: to.y - from.y },
        },
        meta: { relationship: 'influences' },
      })
      for (const [terminal, cardIndex] of [
        ['start', i],
        ['end', target],
      ] as const) {
        const bindingId = `binding:arrow-${i}-${terminal}`
        records.set(bindingId, {
          id: bindingId,
          typeName: 'binding',
          type: 'arrow',
          fromId: id,
          toId: `shape:card-${cardIndex}`,
          props: { ...bindingProps, terminal },
          meta: {},
        })
      }
    }
  })
  return cardIds
}
