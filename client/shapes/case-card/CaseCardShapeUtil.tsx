import { HTMLContainer, useValue } from 'tldraw'
import { CASE_CARD_FIELD_LABELS } from '../../../shared/labels/caseCardLabels'
import {
  CASE_CARD_FIELDS,
  CASE_CARD_ONE_LINE,
  isCaseCardEmpty,
} from '../../../shared/workshop/caseCard'
import { BoardForm } from '../../canvas/BoardForm'
import { usePhase2Translation } from '../../i18n/phase2Messages'
import { TextArea, TextField } from '../../panels/fields'
import type { Phase2BoardModel } from '../../workshop/model/Phase2BoardModel'
import {
  CASE_CARD_SIZE,
  CASE_CARD_TYPE,
  type CaseCardShape,
  caseCardMigrations,
  caseCardProps,
} from './caseCardShape'
import { RecordBoardShapeUtil } from '../RecordBoardShapeUtil'

/** Options handed in with `CaseCardShapeUtil.configure({ phase2 })`. */
export interface CaseCardOptions {
  phase2: Phase2BoardModel | null
}

/**
 * The case card at the top of phase 2's board. Trainers (owners and facilitators) type the
 * case in place; everyone else reads it (the server refuses their changes anyway).
 */
export class CaseCardShapeUtil extends RecordBoardShapeUtil<CaseCardShape> {
  static override type = CASE_CARD_TYPE
  static override props = caseCardProps
  static override migrations = caseCardMigrations

  override options: CaseCardOptions = { phase2: null }

  override getDefaultProps(): CaseCardShape['props'] {
    return { ...CASE_CARD_SIZE }
  }

  /** Enter on the selected shape goes into its first field (BoardForm.tsx). */
  override canEdit() {
    return true
  }

  /** Drawn as HTML: always drawn, so a field being typed in never unmounts. */
  override canCull() {
    return false
  }

  override component(shape: CaseCardShape) {
    return (
      <HTMLContainer>
        <CaseCardView shape={shape} phase2={this.options.phase2} />
      </HTMLContainer>
    )
  }
}

function CaseCardView({
  shape,
  phase2,
}: {
  shape: CaseCardShape
  phase2: Phase2BoardModel | null
}) {
  const { t2, locale } = usePhase2Translation()
  const card = useValue('case card', () => phase2?.card.get() ?? null, [phase2])
  const labels = CASE_CARD_FIELD_LABELS[locale]
  const canEdit = phase2?.canEdit ?? false
  return (
    <BoardForm
      shapeId={shape.id}
      className="board-case"
      style={{ width: shape.props.w, height: shape.props.h }}
      readOnly={!canEdit}
      testId="case-card"
    >
      <header className="board-case__header">
        <h2>{t2('phase2.case.heading')}</h2>
        {!canEdit && card && isCaseCardEmpty(card) && (
          <p className="board-case__note">{t2('phase2.case.empty')}</p>
        )}
        {canEdit && <p className="board-case__note">{t2('phase2.case.trainersOnly')}</p>}
      </header>
      {card && phase2 && (
        <div className="board-case__fields">
          {CASE_CARD_FIELDS.map((field) => {
            const props = {
              label: labels[field],
              value: card[field],
              draftKey: `board/case/${field}`,
              onCommit: (value: string) => phase2.writeCaseField(field, value),
              testId: `case-${field}`,
            }
            return CASE_CARD_ONE_LINE.includes(field) ? (
              <TextField key={field} {...props} maxLength={200} />
            ) : (
              <TextArea key={field} {...props} rows={2} />
            )
          })}
        </div>
      )}
    </BoardForm>
  )
}
