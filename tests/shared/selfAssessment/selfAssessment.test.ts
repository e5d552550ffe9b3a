import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { DIALOGUE_ELEMENTS } from '../../../shared/dialogue/dialogueVocabulary'
import { readDialogueRecord, writeDialogueRecord } from '../../../shared/document/dialogueDocument'
import {
  SELF_ASSESSMENT_LAYOUT,
  readSelfAssessments,
} from '../../../shared/document/selfAssessmentDocument'
import { MAP_DOCUMENT_SHAPE } from '../../../shared/document/documentShape'
import { MAP_ROOT_NAMES, SELF_ASSESSMENTS_MAP } from '../../../shared/document/mapDocumentLayout'
import { createSelfAssessment } from '../../../shared/selfAssessment/createSelfAssessment'
import { migrateSelfAssessment } from '../../../shared/selfAssessment/migrateSelfAssessment'
import {
  isPriorityRating,
  isPriorityStep,
  prioritySteps,
} from '../../../shared/selfAssessment/prioritySteps'
import { phaseTitle } from '../../../shared/selfAssessment/phaseTitle'
import { validateSelfAssessment } from '../../../shared/selfAssessment/validateSelfAssessment'
import { NOW, selfAssessment } from './selfAssessmentFixture'

function errorsOf(result: { ok: boolean; errors?: { path: string; code: string }[] }) {
  return result.ok ? [] : (result.errors ?? []).map(({ path, code }) => `${path}: ${code}`)
}

describe('priority steps of a self-assessment', () => {
  it('marks the step of every element rated orange or red, in the plan order', () => {
    // Inclusion is the third element, organising the conversation the sixth.
    expect(prioritySteps(selfAssessment())).toEqual(['3', '6'])
  })

  it('marks nothing while every element is green or not rated', () => {
    const fresh = createSelfAssessment({ id: 'sa-new' }, { locale: 'nl', now: NOW })
    expect(prioritySteps(fresh)).toEqual([])
    const allGreen = createSelfAssessment(
      {
        id: 'sa-green',
        elements: Object.fromEntries(
          DIALOGUE_ELEMENTS.map((element) => [element, { rating: 'green', note: '' }]),
        ),
      },
      { locale: 'nl', now: NOW },
    )
    expect(prioritySteps(allGreen)).toEqual([])
  })

  it('follows the step a trainer links to the element, and none when unlinked', () => {
    const assessment = selfAssessment()
    const relinked = {
      ...assessment,
      steps: {
        ...assessment.steps,
        '3': { ...assessment.steps['3'], element: null },
        '8': { ...assessment.steps['8'], element: 'inclusion' as const },
      },
    }
    expect(prioritySteps(relinked)).toEqual(['6', '8'])
    expect(isPriorityStep(relinked, '3')).toBe(false)
  })

  it('counts orange and red as needing work, green and not rated as not', () => {
    expect([isPriorityRating('orange'), isPriorityRating('red')]).toEqual([true, true])
    expect([isPriorityRating('green'), isPriorityRating(null)]).toEqual([false, false])
  })
})

describe('a new self-assessment', () => {
  it('pre-fills only the phase titles, in the creator’s language, and leaves the steps’ texts empty', () => {
    const nl = createSelfAssessment({ id: 'sa-nl' }, { locale: 'nl', now: NOW })
    expect(Object.values(nl.phases).map((phase) => phase.title)).toEqual([
      'In aanloop naar stakeholderdialoog',
      'Voorbereiding op een stakeholderdialoog',
      'Uitvoering van een stakeholderdialoog',
      'Opvolging van een stakeholderdialoog',
    ])
    expect(Object.values(nl.phases).every((phase) => phase.text === '')).toBe(true)
    expect(Object.values(nl.steps).every((step) => step.title === '' && step.text === '')).toBe(
      true,
    )
    const en = createSelfAssessment({ id: 'sa-en' }, { locale: 'en', now: NOW })
    expect(en.phases['run-up'].title).toBe('Run-up to a stakeholder dialogue')
  })

  it('puts steps 1–3 in the run-up, links each step to the element of its place, and is valid', () => {
    const fresh = createSelfAssessment({ id: 'sa-new' }, { locale: 'en', now: NOW })
    expect(Object.values(fresh.steps).map((step) => step.phase)).toEqual([
      'run-up',
      'run-up',
      'run-up',
      null,
      null,
      null,
      null,
      null,
      null,
    ])
    expect(Object.values(fresh.steps).map((step) => step.element)).toEqual([...DIALOGUE_ELEMENTS])
    expect(validateSelfAssessment(fresh)).toEqual({ ok: true, value: fresh, ignoredKeys: [] })
  })
})

describe('self-assessment validation and migration', () => {
  it('names every problem with its path and code', () => {
    const assessment = selfAssessment()
    const broken = {
      ...assessment,
      date: '2026-02-30',
      elements: {
        ...assessment.elements,
        inclusion: { rating: 'yellow', note: '' },
        knowledge: undefined,
      },
      steps: { ...assessment.steps, '4': { ...assessment.steps['4'], phase: 'phase-5' } },
    }
    expect(errorsOf(validateSelfAssessment(broken))).toEqual([
      'date: invalid-date',
      'elements.inclusion.rating: not-one-of',
      'elements.knowledge: not-an-object',
      'steps.4.phase: not-one-of',
    ])
  })

  it('refuses a record from a newer version instead of dropping its fields', () => {
    const newer = { ...selfAssessment(), schemaVersion: 2 }
    expect(errorsOf(migrateSelfAssessment(newer))).toEqual(['schemaVersion: newer-version'])
    expect(migrateSelfAssessment(selfAssessment())).toMatchObject({ ok: true })
  })
})

describe('self-assessments in the map document', () => {
  it('round-trips through the layout, each element under its own key', () => {
    const doc = new Y.Doc()
    expect(writeDialogueRecord(doc, SELF_ASSESSMENT_LAYOUT, selfAssessment()).ok).toBe(true)
    expect(readSelfAssessments(doc)).toEqual([selfAssessment()])
    const fields = doc.getMap<Y.Map<unknown>>(SELF_ASSESSMENTS_MAP).get('sa-cocoa')!
    expect(fields.get('elements')).toBeInstanceOf(Y.Map)
    expect(MAP_ROOT_NAMES).toContain(SELF_ASSESSMENTS_MAP)
    expect(MAP_DOCUMENT_SHAPE[SELF_ASSESSMENTS_MAP]).toBeDefined()
  })

  it('keeps two people’s ratings of different elements made at once', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()]
    writeDialogueRecord(a, SELF_ASSESSMENT_LAYOUT, selfAssessment())
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    const rate = (doc: Y.Doc, element: 'collaboration' | 'knowledge', rating: 'red') => {
      const current = readDialogueRecord(doc, SELF_ASSESSMENT_LAYOUT, 'sa-cocoa')!
      if (!current.ok) throw new Error('unreadable')
      const elements = { ...current.value.elements, [element]: { rating, note: '' } }
      writeDialogueRecord(doc, SELF_ASSESSMENT_LAYOUT, { ...current.value, elements })
    }
    rate(a, 'collaboration', 'red')
    rate(b, 'knowledge', 'red')
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b))
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    for (const doc of [a, b]) {
      const [read] = readSelfAssessments(doc)
      expect(read!.elements.collaboration.rating).toBe('red')
      expect(read!.elements.knowledge.rating).toBe('red')
      expect(prioritySteps(read!)).toEqual(['3', '6', '8', '9'])
    }
  })
})

describe('a phase title as a reader sees it', () => {
  it('shows a pre-filled title in the reader’s language and a reworded one as typed', () => {
    const dutch = createSelfAssessment({ id: 'sa-nl' }, { locale: 'nl', now: NOW })
    expect(phaseTitle(dutch, 'follow-up', 'en')).toBe('Follow-up of a stakeholder dialogue')
    expect(phaseTitle(dutch, 'follow-up', 'nl')).toBe('Opvolging van een stakeholderdialoog')
    const reworded = {
      ...dutch,
      phases: { ...dutch.phases, 'follow-up': { title: 'Na de dialoog', text: '' } },
    }
    expect(phaseTitle(reworded, 'follow-up', 'en')).toBe('Na de dialoog')
  })
})
