import { useEffect, useRef } from 'react'
import {
  HTMLContainer,
  type Signal,
  type TLResizeInfo,
  resizeBox,
  useEditor,
  useValue,
} from 'tldraw'
import { DIALOGUE_ELEMENTS } from '../../../shared/dialogue/dialogueVocabulary'
import { followUpSummary, followedDialogue } from '../../../shared/dialogue/followUpSummary'
import {
  COMMITMENT_STATUS_LABELS,
  DIALOGUE_ELEMENT_LABELS,
} from '../../../shared/labels/dialogueLabels'
import type { EvaluationRound } from '../../../shared/workshop/evaluationRound'
import type { DialogueRecords } from '../../dialogues/DialogueRecords'
import { localCalendarDate } from '../../dialogues/localCalendarDate'
import { formatScoreText } from '../../../shared/scoring/scoreText'
import { importedResultDate } from '../../../shared/dialogue/importedResultDate'
import { formatDate } from '../../../shared/labels/formatDate'
import { useTranslation } from '../../i18n/useTranslation'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import {
  FOLLOW_UP_RECORDS_SIZE,
  FOLLOW_UP_RECORDS_TYPE,
  type FollowUpRecordsShape,
  followUpRecordsMigrations,
  followUpRecordsProps,
} from './followUpRecordsShape'
import { RecordBoardShapeUtil } from '../RecordBoardShapeUtil'

/** The workshop's evaluation round as the board shows it: which record, and how far. */
export type FollowedEvaluationRound = EvaluationRound & { scored: number }

/** Options handed in with `FollowUpRecordsShapeUtil.configure({ registry, dialogues })`. */
export interface FollowUpRecordsOptions {
  registry: StakeholderRegistry | null
  dialogues: DialogueRecords | null
  evaluationRound: Signal<FollowedEvaluationRound | null> | null
}

/**
 * The follow-up board's records: commitments (overdue first, flagged) and the evaluation of
 * the dialogue it follows. Keyboard: select it (Tab moves between shapes), Enter to use its
 * controls (the dialogue to follow, a tick box per commitment to mark it done), Tab among
 * them, Escape back to the board.
 */
export class FollowUpRecordsShapeUtil extends RecordBoardShapeUtil<FollowUpRecordsShape> {
  static override type = FOLLOW_UP_RECORDS_TYPE
  static override props = followUpRecordsProps
  static override migrations = followUpRecordsMigrations

  override options: FollowUpRecordsOptions = {
    registry: null,
    dialogues: null,
    evaluationRound: null,
  }

  override getDefaultProps(): FollowUpRecordsShape['props'] {
    return { ...FOLLOW_UP_RECORDS_SIZE, dialogueId: '' }
  }

  override canEdit() {
    return !this.editor.getIsReadonly()
  }

  /** A dialogue with many commitments needs a taller view: the group may enlarge it. */
  override onResize(shape: FollowUpRecordsShape, info: TLResizeInfo<FollowUpRecordsShape>) {
    return resizeBox(shape, info, { minWidth: 600, minHeight: 400 })
  }

  override component(shape: FollowUpRecordsShape) {
    return (
      <HTMLContainer>
        <FollowUpRecords
          shape={shape}
          registry={this.options.registry}
          dialogues={this.options.dialogues}
          evaluationRound={this.options.evaluationRound}
        />
      </HTMLContainer>
    )
  }
}

function FollowUpRecords({
  shape,
  registry,
  dialogues,
  evaluationRound,
}: {
  shape: FollowUpRecordsShape
  registry: StakeholderRegistry | null
  dialogues: DialogueRecords | null
  evaluationRound: Signal<FollowedEvaluationRound | null> | null
}) {
  const editor = useEditor()
  const { t, locale } = useTranslation()
  const first = useRef<HTMLSelectElement>(null)
  const editing = useValue('editing follow-up', () => editor.getEditingShapeId() === shape.id, [
    editor,
    shape.id,
  ])
  useEffect(() => {
    if (editing) first.current?.focus()
  }, [editing])
  const plans = useValue('plans', () => dialogues?.plans.get() ?? [], [dialogues])
  const commitments = useValue('commitments', () => dialogues?.commitments.get() ?? [], [dialogues])
  const evaluations = useValue('evaluations', () => dialogues?.evaluations.get() ?? [], [dialogues])
  const stakeholders = useValue('stakeholders', () => registry?.all.get() ?? [], [registry])
  const round = useValue('evaluation round', () => evaluationRound?.get() ?? null, [
    evaluationRound,
  ])
  const names = new Map(stakeholders.map(({ id, name }) => [id, name]))
  const summary = followUpSummary(
    { commitments, evaluations },
    followedDialogue(shape.props.dialogueId),
    { today: localCalendarDate(new Date()), locale, stakeholderNames: names },
  )
  const imported = summary.evaluation === null ? null : importedResultDate(summary.evaluation)
  const backToBoard = () => {
    editor.setEditingShape(null)
    editor.setCurrentTool('select.idle')
    editor.focus()
  }
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault()
      event.stopPropagation()
      backToBoard()
    }
  }
  const tab = editing ? 0 : -1
  const planTitle = (id: string) =>
    plans.find((plan) => plan.id === id)?.title.trim() || t('dialogues.plan.untitled')
  const statusLabels = COMMITMENT_STATUS_LABELS[locale]
  const elementLabels = DIALOGUE_ELEMENT_LABELS[locale]
  return (
    <div
      className="follow-up"
      style={{
        width: shape.props.w,
        height: shape.props.h,
        pointerEvents: editing ? 'all' : 'none',
      }}
      data-testid="follow-up-records"
      onKeyDown={onKeyDown}
      onPointerDown={(event) => editing && event.stopPropagation()}
    >
      <label className="follow-up__dialogue">
        {t('followUp.dialogue')}
        <select
          ref={first}
          tabIndex={tab}
          value={shape.props.dialogueId}
          data-testid="follow-up-dialogue"
          onChange={(event) =>
            editor.updateShape<FollowUpRecordsShape>({
              id: shape.id,
              type: FOLLOW_UP_RECORDS_TYPE,
              props: { dialogueId: event.target.value },
            })
          }
        >
          <option value="">{t('followUp.allDialogues')}</option>
          {plans.map((plan) => (
            <option key={plan.id} value={plan.id}>
              {planTitle(plan.id)}
            </option>
          ))}
          {shape.props.dialogueId !== '' &&
            !plans.some((plan) => plan.id === shape.props.dialogueId) && (
              <option value={shape.props.dialogueId}>{t('dialogues.plan.untitled')}</option>
            )}
        </select>
      </label>
      <h3 className="follow-up__heading">
        {t('followUp.commitments')}
        {summary.overdueCount > 0 && (
          <span className="follow-up__overdue-count" data-testid="follow-up-overdue-count">
            {t('followUp.overdueCount', { count: summary.overdueCount })}
          </span>
        )}
      </h3>
      {summary.commitments.length === 0 ? (
        <p className="follow-up__empty">{t('followUp.noCommitments')}</p>
      ) : (
        <ul className="follow-up__commitments">
          {summary.commitments.map(({ commitment, overdue }) => {
            const what = commitment.what.trim() || t('dialogues.commitment.untitled')
            return (
              <li
                key={commitment.id}
                className={`follow-up__commitment${overdue ? ' follow-up__commitment--overdue' : ''}`}
                data-testid="follow-up-commitment"
                data-overdue={overdue || undefined}
              >
                <input
                  type="checkbox"
                  className="checklist-item__box"
                  tabIndex={tab}
                  checked={commitment.status === 'done'}
                  disabled={commitment.status === 'dropped' || !editing}
                  aria-label={t('followUp.markDone', { what })}
                  onChange={(event) =>
                    dialogues?.patchCommitment(commitment.id, {
                      status: event.currentTarget.checked ? 'done' : 'open',
                    })
                  }
                />
                <span>
                  {overdue && (
                    <strong className="follow-up__overdue">
                      {t('dialogues.commitment.overdue')}
                    </strong>
                  )}{' '}
                  <strong>{what}</strong>
                  <br />
                  <span className="follow-up__meta">
                    {[
                      t('followUp.to', {
                        name:
                          names.get(commitment.stakeholderId) ?? t('dialogues.commitment.untitled'),
                      }),
                      commitment.owner.trim(),
                      commitment.dueDate ? t('followUp.due', { date: commitment.dueDate }) : '',
                      statusLabels[commitment.status],
                    ]
                      .filter((part) => part !== '')
                      .join(' · ')}
                  </span>
                </span>
              </li>
            )
          })}
        </ul>
      )}
      <h3 className="follow-up__heading">{t('followUp.evaluation')}</h3>
      {round !== null && round.evaluationId === summary.evaluation?.id && (
        <p className="follow-up__round" data-testid="follow-up-round">
          {round.status === 'open'
            ? t('followUp.roundOpen', { count: round.scored })
            : t('followUp.roundRevealed')}
        </p>
      )}
      {summary.evaluation === null ? (
        <p className="follow-up__empty">{t('followUp.noEvaluation')}</p>
      ) : (
        <table className="follow-up__evaluation" data-testid="follow-up-evaluation">
          <tbody>
            {DIALOGUE_ELEMENTS.map((element) => {
              const result = summary.evaluation!.elements[element].result
              return (
                <tr key={element} className={result?.disagreement ? 'follow-up__disagreement' : ''}>
                  <th scope="row">{elementLabels[element]}</th>
                  <td>
                    {result === null || result.count === 0 || result.median === null
                      ? t('dialogues.evaluation.notScored')
                      : t('dialogues.evaluation.result', {
                          median: formatScoreText(result.median, locale),
                          min: formatScoreText(result.min, locale) || '–',
                          max: formatScoreText(result.max, locale) || '–',
                        })}
                    {result?.disagreement && ` — ${t('dialogues.evaluation.disagreement')}`}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      {imported !== null && (
        <p className="follow-up__imported">
          {t('dialogues.evaluation.importedResults', {
            date: formatDate(imported, locale, false),
          })}
        </p>
      )}
      <p className="follow-up__hint">{t('followUp.editHint')}</p>
    </div>
  )
}
