/**
 * The map's self-assessments as a tldraw signal, so the Dialogues tab and the boards on the
 * canvas re-render when anyone changes one. The Y.Doc stays the source of truth
 * (shared/document/selfAssessmentDocument.ts): a change to the root re-reads them all (a map
 * holds a handful), and every write goes through the shared layout, which validates first
 * and sets only the fields that differ. A rating or a note is written into its own element's
 * key, so people rating different elements at once keep each other's ratings.
 */
import { type Atom, atom } from 'tldraw'
import type * as Y from 'yjs'
import type { DialogueElement } from '../../shared/dialogue/dialogueVocabulary'
import {
  type DialogueWriteResult,
  deleteDialogueRecord,
  readDialogueRecord,
  recordsMap,
  writeDialogueRecord,
} from '../../shared/document/dialogueDocument'
import {
  SELF_ASSESSMENT_LAYOUT,
  readSelfAssessments,
} from '../../shared/document/selfAssessmentDocument'
import type {
  ElementRating,
  PlanPhaseText,
  PlanStepText,
  SelfAssessment,
} from '../../shared/selfAssessment/SelfAssessment'
import { createSelfAssessment } from '../../shared/selfAssessment/createSelfAssessment'
import type { PlanPhase, PlanStep } from '../../shared/selfAssessment/selfAssessmentVocabulary'
import type { Locale } from '../i18n/locale'
import { newEntityId } from '../stakeholders/StakeholderRegistry'

/** Live, validated self-assessments of one map. */
export class SelfAssessmentRecords {
  readonly all: Atom<readonly SelfAssessment[]>
  private readonly stop: () => void

  constructor(
    private readonly doc: Y.Doc,
    /** Origin of this client's own writes. */
    private readonly origin: unknown = null,
  ) {
    this.all = atom<readonly SelfAssessment[]>('self-assessments', readSelfAssessments(doc))
    const root = recordsMap(doc, SELF_ASSESSMENT_LAYOUT)
    const reread = () => this.all.set(readSelfAssessments(doc))
    root.observeDeep(reread)
    this.stop = () => root.unobserveDeep(reread)
  }

  dispose() {
    this.stop()
  }

  /** The self-assessment with this id, or null; read inside a signal, it follows changes. */
  byId(id: string): SelfAssessment | null {
    return this.all.get().find((each) => each.id === id) ?? null
  }

  /**
   * Starts a self-assessment and answers its id. Its plan of approach is the one last worded
   * on this map (a trainer words the steps once, not for every participant's assessment);
   * on a map without one, the pre-filled plan, phase titles in `locale`.
   */
  add(locale: Locale, init: Partial<Pick<SelfAssessment, 'subject' | 'date'>> = {}): string {
    const latest = [...this.all.get()].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0]
    const plan = latest === undefined ? {} : { phases: latest.phases, steps: latest.steps }
    const assessment = createSelfAssessment({ ...init, ...plan, id: newEntityId('sa') }, { locale })
    writeDialogueRecord(this.doc, SELF_ASSESSMENT_LAYOUT, assessment, this.origin)
    return assessment.id
  }

  /** Changes fields as the document holds them now (others' edits of other fields stay). */
  patch(id: string, patch: Partial<SelfAssessment>): DialogueWriteResult<SelfAssessment> {
    return this.update(id, () => patch)
  }

  /** Changes one element's rating or note. */
  setElement(
    id: string,
    element: DialogueElement,
    change: Partial<ElementRating>,
  ): DialogueWriteResult<SelfAssessment> {
    return this.update(id, (current) => ({
      elements: { ...current.elements, [element]: { ...current.elements[element], ...change } },
    }))
  }

  /** Changes one phase's title or text. */
  setPhase(
    id: string,
    phase: PlanPhase,
    change: Partial<PlanPhaseText>,
  ): DialogueWriteResult<SelfAssessment> {
    return this.update(id, (current) => ({
      phases: { ...current.phases, [phase]: { ...current.phases[phase], ...change } },
    }))
  }

  /** Changes one step's title, text, phase or element. */
  setStep(
    id: string,
    step: PlanStep,
    change: Partial<PlanStepText>,
  ): DialogueWriteResult<SelfAssessment> {
    return this.update(id, (current) => ({
      steps: { ...current.steps, [step]: { ...current.steps[step], ...change } },
    }))
  }

  remove(id: string) {
    deleteDialogueRecord(this.doc, SELF_ASSESSMENT_LAYOUT, id, this.origin)
  }

  /** The change `patch` makes to the record as stored; refused when there is none. */
  private update(
    id: string,
    patch: (current: SelfAssessment) => Partial<SelfAssessment>,
  ): DialogueWriteResult<SelfAssessment> {
    const current = readDialogueRecord(this.doc, SELF_ASSESSMENT_LAYOUT, id)
    if (current === null || !current.ok) {
      const message = current === null ? 'no such record' : 'stored record is invalid'
      return { ok: false, errors: [{ path: '', code: 'not-an-object', params: {}, message }] }
    }
    const next = { ...current.value, ...patch(current.value), id }
    return writeDialogueRecord(
      this.doc,
      SELF_ASSESSMENT_LAYOUT,
      { ...next, updatedAt: new Date().toISOString() },
      this.origin,
    )
  }
}
