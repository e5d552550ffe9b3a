import { HTMLContainer, useEditor, useValue } from 'tldraw'
import { BoardForm } from '../../canvas/BoardForm'
import type { DialogueRecords } from '../../dialogues/DialogueRecords'
import { usePhase2Translation } from '../../i18n/phase2Messages'
import { useTranslation } from '../../i18n/useTranslation'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import {
  DIALOGUE_WORKSHEET_SIZE,
  DIALOGUE_WORKSHEET_TYPE,
  type DialogueWorksheetShape,
  dialogueWorksheetMigrations,
  dialogueWorksheetProps,
} from './dialogueWorksheetShape'
import { WorksheetFields } from './WorksheetFields'
import { RecordBoardShapeUtil } from '../RecordBoardShapeUtil'

/** Options handed in with `DialogueWorksheetShapeUtil.configure({ dialogues, registry })`. */
export interface DialogueWorksheetOptions {
  dialogues: DialogueRecords | null
  registry: StakeholderRegistry | null
}

/**
 * Phase 2's worksheet of one table: the dialogue plan `planId`, shown and edited in place.
 * Click a field to type in it (the header and margins move the shape as any shape); Tab goes
 * from field to field, Escape leaves a field. Without the records (a stored version) it
 * shows its heading only.
 */
export class DialogueWorksheetShapeUtil extends RecordBoardShapeUtil<DialogueWorksheetShape> {
  static override type = DIALOGUE_WORKSHEET_TYPE
  static override props = dialogueWorksheetProps
  static override migrations = dialogueWorksheetMigrations

  override options: DialogueWorksheetOptions = { dialogues: null, registry: null }

  override getDefaultProps(): DialogueWorksheetShape['props'] {
    return { ...DIALOGUE_WORKSHEET_SIZE, planId: '', table: 1 }
  }

  /** Enter on the selected shape goes into its first field (BoardForm.tsx). */
  override canEdit() {
    return true
  }

  /** The fields are drawn as HTML: always drawn, so a field being typed in never unmounts. */
  override canCull() {
    return false
  }

  override component(shape: DialogueWorksheetShape) {
    return (
      <HTMLContainer>
        <Worksheet shape={shape} options={this.options} />
      </HTMLContainer>
    )
  }
}

function Worksheet({
  shape,
  options,
}: {
  shape: DialogueWorksheetShape
  options: DialogueWorksheetOptions
}) {
  const { t2 } = usePhase2Translation()
  const { t } = useTranslation()
  const { dialogues, registry } = options
  const editor = useEditor()
  const readOnly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  const table = t('workshop.groups.table', { number: shape.props.table })
  const plan = useValue(
    'worksheet plan',
    () => dialogues?.plans.get().find((each) => each.id === shape.props.planId) ?? null,
    [dialogues, shape.props.planId],
  )
  return (
    <BoardForm
      shapeId={shape.id}
      className="board-worksheet"
      style={{ width: shape.props.w, height: shape.props.h }}
      testId="dialogue-worksheet"
    >
      <header className="board-worksheet__header" data-plan-id={shape.props.planId}>
        <h2>{t2('phase2.worksheet.heading', { table })}</h2>
        {!readOnly && <p className="board-worksheet__hint">{t2('phase2.worksheet.hint')}</p>}
      </header>
      {plan && dialogues && registry ? (
        <WorksheetFields plan={plan} records={dialogues} registry={registry} />
      ) : (
        dialogues && <p className="board-worksheet__missing">{t2('phase2.worksheet.missing')}</p>
      )}
    </BoardForm>
  )
}
