/**
 * The SER workshop's phase 1 ("In aanloop naar stakeholderdialoog") as a board: three areas
 * for its three assignments — why do we want dialogue, what must we prepare inside the
 * company (a checklist with real tick boxes), who are our stakeholders — the last with a
 * matrix and a salience diagram. The same template makes each table's area when the
 * facilitator splits the room (../workshop/tableGroups.ts), so every table has all three.
 *
 * Shapes get ids derived from a prefix: the automatic seeding of a new map uses a fixed
 * prefix, so two people opening the map at once write the same shapes, not two copies.
 */
import { type Editor, type TLParentId, type TLShapeId, createShapeId, toRichText } from 'tldraw'
import type { Locale } from '../i18n/locale'
import {
  CHECKLIST_ITEM_SIZE,
  CHECKLIST_ITEM_TYPE,
} from '../shapes/checklist-item/checklistItemShape'
import { MATRIX_SIZE, MATRIX_TYPE } from '../shapes/influence-impact-matrix/matrixShape'
import {
  SALIENCE_DIAGRAM_SIZE,
  SALIENCE_DIAGRAM_TYPE,
} from '../shapes/salience-diagram/salienceDiagramShape'

/** Id prefix of the template seeded into a new map. */
export const SEEDED_TEMPLATE_PREFIX = 'ser1'

const TEXT = {
  en: {
    why: '1. Why do we want to engage in dialogue?',
    whyPrompts: [
      'What motivates us to start a dialogue with our stakeholders?',
      'What do we want to achieve — and what can our stakeholders gain?',
      'What happens if we do not engage?',
    ],
    prepare: '2. What must we prepare inside the company?',
    checklist: [
      'Commitment and a mandate from management',
      'Someone responsible, with time and budget',
      'Purchasing, CSR, product and legal aligned',
      'What we can and cannot share (transparency)',
      'How we will follow up on what we hear',
      'Knowledge of the local context, language and culture',
    ],
    who: '3. Who are our stakeholders?',
    whoPrompts: [
      'Who is affected by what we do — in our own operations and in the value chain?',
      'Who can speak for those who cannot speak for themselves (representatives, unions, NGOs)?',
      'Who has influence on us, and whom do we influence?',
      'Nature and future generations are silent stakeholders: who speaks for them?',
    ],
    ourNotes: 'Our notes…',
  },
  nl: {
    why: '1. Waarom willen we de dialoog aangaan?',
    whyPrompts: [
      'Wat motiveert ons om de dialoog met onze stakeholders te starten?',
      'Wat willen we bereiken — en wat levert het onze stakeholders op?',
      'Wat gebeurt er als we de dialoog niet aangaan?',
    ],
    prepare: '2. Wat moeten we intern voorbereiden?',
    checklist: [
      'Commitment en mandaat van de directie',
      'Een verantwoordelijke, met tijd en budget',
      'Inkoop, MVO, product en juridisch op één lijn',
      'Wat we wel en niet kunnen delen (transparantie)',
      'Hoe we opvolgen wat we horen',
      'Kennis van de lokale context, taal en cultuur',
    ],
    who: '3. Wie zijn onze stakeholders?',
    whoPrompts: [
      'Wie wordt geraakt door wat we doen — in onze eigen bedrijfsvoering en in de keten?',
      'Wie kan spreken voor wie dat zelf niet kan (vertegenwoordigers, vakbonden, ngo’s)?',
      'Wie heeft invloed op ons, en op wie hebben wij invloed?',
      'Natuur en toekomstige generaties zijn stille stakeholders: wie spreekt voor hen?',
    ],
    ourNotes: 'Onze aantekeningen…',
  },
} as const

const FRAME_GAP = 160
const NOTE = 220

const WHY_W = 3 * NOTE + 4 * 40
const PREPARE_W = 760
const WHO_W = 40 + MATRIX_SIZE.w + 60 + SALIENCE_DIAGRAM_SIZE.w + 40

/** The size the template takes on the board. */
export const SER_PHASE_1_TEMPLATE_SIZE = {
  w: WHY_W + FRAME_GAP + PREPARE_W + FRAME_GAP + WHO_W,
  h: 1400,
} as const

/** The ids of the template's main shapes, for tests and for locking (issue: facilitation). */
export function templateFrameIds(prefix: string) {
  return {
    why: createShapeId(`${prefix}-why`),
    prepare: createShapeId(`${prefix}-prepare`),
    who: createShapeId(`${prefix}-who`),
    matrix: createShapeId(`${prefix}-matrix`),
    salience: createShapeId(`${prefix}-salience`),
  }
}

/**
 * Puts the template on the current page (or inside `parentId`, e.g. a table's frame) with
 * its top-left corner at `origin` (in the parent's coordinates), in the language `locale`.
 * Shapes that already exist (same ids) are left as they are.
 */
export function applySerPhase1Template(
  editor: Editor,
  locale: Locale,
  options: { prefix?: string; origin?: { x: number; y: number }; parentId?: TLParentId } = {},
): TLShapeId[] {
  const prefix = options.prefix ?? `ser1-${Date.now().toString(36)}`
  const origin = options.origin ?? { x: 0, y: 0 }
  const text = TEXT[locale]
  const ids = templateFrameIds(prefix)
  const id = (suffix: string) => createShapeId(`${prefix}-${suffix}`)
  const parentId = options.parentId ?? editor.getCurrentPageId()

  const whyW = WHY_W
  const frameH = SER_PHASE_1_TEMPLATE_SIZE.h
  const prepareX = origin.x + whyW + FRAME_GAP
  const prepareW = PREPARE_W
  const whoX = prepareX + prepareW + FRAME_GAP
  const whoW = WHO_W

  const shapes = [
    {
      id: ids.why,
      type: 'frame',
      x: origin.x,
      y: origin.y,
      props: { w: whyW, h: frameH, name: text.why },
    },
    ...text.whyPrompts.map((prompt, index) => ({
      id: id(`why-prompt-${index}`),
      type: 'note',
      parentId: ids.why,
      x: 40 + index * (NOTE + 40),
      y: 60,
      props: { richText: toRichText(prompt), color: 'yellow', size: 's' },
    })),
    {
      id: id('why-notes'),
      type: 'note',
      parentId: ids.why,
      x: 40,
      y: 60 + NOTE + 60,
      props: { richText: toRichText(text.ourNotes), color: 'light-blue', size: 's' },
    },
    {
      id: ids.prepare,
      type: 'frame',
      x: prepareX,
      y: origin.y,
      props: { w: prepareW, h: frameH, name: text.prepare },
    },
    ...text.checklist.map((item, index) => ({
      id: id(`prepare-item-${index}`),
      type: CHECKLIST_ITEM_TYPE,
      parentId: ids.prepare,
      x: 40,
      y: 60 + index * (CHECKLIST_ITEM_SIZE.h + 24),
      props: { text: item, checked: false, w: prepareW - 80, h: CHECKLIST_ITEM_SIZE.h },
    })),
    {
      id: ids.who,
      type: 'frame',
      x: whoX,
      y: origin.y,
      props: { w: whoW, h: frameH, name: text.who },
    },
    ...text.whoPrompts.map((prompt, index) => ({
      id: id(`who-prompt-${index}`),
      type: 'note',
      parentId: ids.who,
      x: 40 + index * (NOTE + 40),
      y: 40,
      props: { richText: toRichText(prompt), color: 'orange', size: 's' },
    })),
    {
      id: ids.matrix,
      type: MATRIX_TYPE,
      parentId: ids.who,
      x: 40,
      y: 40 + NOTE + 60,
      props: { w: MATRIX_SIZE.w, h: MATRIX_SIZE.h, title: '' },
    },
    {
      id: ids.salience,
      type: SALIENCE_DIAGRAM_TYPE,
      parentId: ids.who,
      x: 40 + MATRIX_SIZE.w + 60,
      y: 40 + NOTE + 60,
      props: { w: SALIENCE_DIAGRAM_SIZE.w, h: SALIENCE_DIAGRAM_SIZE.h, title: '' },
    },
  ]
  const missing = shapes
    .filter((shape) => !editor.getShape(shape.id))
    .map((shape) => ({ parentId, ...shape }))
  if (missing.length > 0) {
    editor.run(() => editor.createShapes(missing as Parameters<Editor['createShapes']>[0]))
  }
  return Object.values(ids)
}
