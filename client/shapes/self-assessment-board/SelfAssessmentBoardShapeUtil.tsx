/**
 * The self-assessment on the canvas, for the trainer to show at the workshop: the nine
 * elements of the SER dialogue model, each with its colour together with a symbol and a word
 * (never colour alone), and the plan of approach by phase with its priority steps marked.
 * It shows the record live; editing the board (double-click, or Enter when selected) lets
 * an editor set each element's rating with a keyboard-usable select, written into the record
 * at once. Notes and the plan's texts are typed in the Dialogues tab. Viewers only look.
 */
import { useEffect, useRef } from 'react'
import { HTMLContainer, useEditor, useValue } from 'tldraw'
import { DIALOGUE_ELEMENTS } from '../../../shared/dialogue/dialogueVocabulary'
import { DIALOGUE_ELEMENT_LABELS } from '../../../shared/labels/dialogueLabels'
import {
  SELF_ASSESSMENT_RATING_LABELS,
  SELF_ASSESSMENT_RATING_SYMBOLS,
} from '../../../shared/labels/selfAssessmentLabels'
import type { SelfAssessment } from '../../../shared/selfAssessment/SelfAssessment'
import { phaseTitle } from '../../../shared/selfAssessment/phaseTitle'
import { isPriorityStep } from '../../../shared/selfAssessment/prioritySteps'
import {
  PLAN_PHASES,
  PLAN_STEPS,
  type PlanPhase,
  SELF_ASSESSMENT_RATINGS,
  type SelfAssessmentRating,
} from '../../../shared/selfAssessment/selfAssessmentVocabulary'
import { useTranslation } from '../../i18n/useTranslation'
import type { SelfAssessmentRecords } from '../../selfAssessment/SelfAssessmentRecords'
import {
  SELF_ASSESSMENT_BOARD_SIZE,
  SELF_ASSESSMENT_BOARD_TYPE,
  type SelfAssessmentBoardShape,
  selfAssessmentBoardMigrations,
  selfAssessmentBoardProps,
} from './selfAssessmentBoardShape'
import './selfAssessmentBoard.css'
import { RecordBoardShapeUtil } from '../RecordBoardShapeUtil'

/** Options handed in with `SelfAssessmentBoardShapeUtil.configure({ assessments })`. */
export interface SelfAssessmentBoardOptions {
  /** The map's self-assessments; null where none are bound (the board says so). */
  assessments: SelfAssessmentRecords | null
}

/** The self-assessment board; see the module. */
export class SelfAssessmentBoardShapeUtil extends RecordBoardShapeUtil<SelfAssessmentBoardShape> {
  static override type = SELF_ASSESSMENT_BOARD_TYPE
  static override props = selfAssessmentBoardProps
  static override migrations = selfAssessmentBoardMigrations

  override options: SelfAssessmentBoardOptions = { assessments: null }

  override getDefaultProps(): SelfAssessmentBoardShape['props'] {
    return { ...SELF_ASSESSMENT_BOARD_SIZE, assessmentId: '' }
  }

  override canEdit() {
    return !this.editor.getIsReadonly() && this.options.assessments !== null
  }

  override component(shape: SelfAssessmentBoardShape) {
    return (
      <HTMLContainer>
        <SelfAssessmentBoard shape={shape} assessments={this.options.assessments} />
      </HTMLContainer>
    )
  }
}

function RatingChip({ rating }: { rating: SelfAssessmentRating | null }) {
  return (
    <span className={`sa-chip sa-chip--${rating ?? 'none'}`} aria-hidden="true">
      {rating === null ? '–' : SELF_ASSESSMENT_RATING_SYMBOLS[rating]}
    </span>
  )
}

function SelfAssessmentBoard({
  shape,
  assessments,
}: {
  shape: SelfAssessmentBoardShape
  assessments: SelfAssessmentRecords | null
}) {
  const editor = useEditor()
  const { t, locale } = useTranslation()
  const first = useRef<HTMLSelectElement>(null)
  const { assessmentId, w, h } = shape.props
  const assessment = useValue('self-assessment', () => assessments?.byId(assessmentId) ?? null, [
    assessments,
    assessmentId,
  ])
  const editing = useValue(
    'editing self-assessment board',
    () => editor.getEditingShapeId() === shape.id,
    [editor, shape.id],
  )
  useEffect(() => {
    if (editing) first.current?.focus()
  }, [editing])
  const backToBoard = () => {
    editor.setEditingShape(null)
    editor.setCurrentTool('select.idle')
    editor.focus()
  }
  if (assessment === null) {
    return (
      <div className="sa-board" style={{ width: w, height: h }} data-testid="self-assessment-board">
        <h2 className="sa-board__title">{t('selfAssessment.board.title')}</h2>
        <p className="sa-board__missing">{t('selfAssessment.board.missing')}</p>
      </div>
    )
  }
  const ratingWord = (rating: SelfAssessmentRating | null) =>
    rating === null
      ? t('selfAssessment.rating.none')
      : SELF_ASSESSMENT_RATING_LABELS[locale][rating]
  return (
    <div
      className="sa-board"
      style={{ width: w, height: h, pointerEvents: editing ? 'all' : 'none' }}
      data-testid="self-assessment-board"
      data-assessment-id={assessment.id}
    >
      <h2 className="sa-board__title">
        {t('selfAssessment.board.title')}
        {assessment.subject.trim() && `: ${assessment.subject.trim()}`}
        {assessment.date && <span className="sa-board__date"> · {assessment.date}</span>}
      </h2>
      <div className="sa-board__columns">
        <section className="sa-board__elements" aria-label={t('selfAssessment.elements.heading')}>
          <h3>{t('selfAssessment.elements.heading')}</h3>
          <ol>
            {DIALOGUE_ELEMENTS.map((element, index) => {
              const { rating, note } = assessment.elements[element]
              const name = DIALOGUE_ELEMENT_LABELS[locale][element]
              return (
                <li
                  key={element}
                  className={`sa-element sa-element--${rating ?? 'none'}`}
                  data-element={element}
                  data-rating={rating ?? ''}
                >
                  <RatingChip rating={rating} />
                  <span className="sa-element__name">{name}</span>
                  {editing ? (
                    <select
                      ref={index === 0 ? first : undefined}
                      className="sa-element__select"
                      aria-label={`${t('selfAssessment.rating.label')}: ${name}`}
                      value={rating ?? ''}
                      onChange={(event) =>
                        assessments?.setElement(assessment.id, element, {
                          rating: (event.target.value || null) as SelfAssessmentRating | null,
                        })
                      }
                      onKeyDown={(event) => {
                        if (event.key === 'Escape' || event.key === 'Enter') {
                          event.preventDefault()
                          event.stopPropagation()
                          backToBoard()
                        }
                      }}
                      onPointerDown={(event) => event.stopPropagation()}
                    >
                      <option value="">{t('selfAssessment.rating.none')}</option>
                      {SELF_ASSESSMENT_RATINGS.map((each) => (
                        <option key={each} value={each}>
                          {SELF_ASSESSMENT_RATING_LABELS[locale][each]}
                        </option>
                      ))}
                    </select>
                  ) : (
                    <span className="sa-element__rating">{ratingWord(rating)}</span>
                  )}
                  {note.trim() && <span className="sa-element__note">{note.trim()}</span>}
                </li>
              )
            })}
          </ol>
        </section>
        <PlanOfApproach assessment={assessment} />
      </div>
    </div>
  )
}

function PlanOfApproach({ assessment }: { assessment: SelfAssessment }) {
  const { t, locale } = useTranslation()
  const groups: { phase: PlanPhase | null; title: string }[] = [
    ...PLAN_PHASES.map((phase, index) => ({
      phase,
      title:
        phaseTitle(assessment, phase, locale) ||
        t('selfAssessment.phase.numbered', { number: index + 1 }),
    })),
    { phase: null, title: t('selfAssessment.phase.none') },
  ]
  return (
    <section className="sa-board__plan" aria-label={t('selfAssessment.plan.heading')}>
      <h3>{t('selfAssessment.plan.heading')}</h3>
      {groups.map(({ phase, title }) => {
        const steps = PLAN_STEPS.filter((step) => assessment.steps[step].phase === phase)
        if (phase === null && steps.length === 0) return null
        return (
          <div key={phase ?? 'none'} className="sa-phase" data-phase={phase ?? ''}>
            <h4>{title}</h4>
            {phase !== null && assessment.phases[phase].text.trim() && (
              <p className="sa-phase__text">{assessment.phases[phase].text.trim()}</p>
            )}
            <ul>
              {steps.map((step) => {
                const { title: stepTitle, text, element } = assessment.steps[step]
                const priority = isPriorityStep(assessment, step)
                return (
                  <li
                    key={step}
                    className={`sa-step${priority ? ' sa-step--priority' : ''}`}
                    data-step={step}
                    data-priority={priority}
                  >
                    <span className="sa-step__number">
                      {t('selfAssessment.step.numbered', { number: step })}
                    </span>
                    {stepTitle.trim() && <span className="sa-step__title">{stepTitle.trim()}</span>}
                    {element !== null && (
                      <span className="sa-step__element">
                        ({DIALOGUE_ELEMENT_LABELS[locale][element]})
                      </span>
                    )}
                    {priority && (
                      <span className="sa-step__badge">★ {t('selfAssessment.step.priority')}</span>
                    )}
                    {text.trim() && <span className="sa-step__text">{text.trim()}</span>}
                  </li>
                )
              })}
            </ul>
          </div>
        )
      })}
    </section>
  )
}
