import { useEffect, useRef } from 'react'
import {
  HTMLContainer,
  Rectangle2d,
  ShapeUtil,
  type TLShapePartial,
  useEditor,
  useValue,
} from 'tldraw'
import { usePhase2Translation } from '../../i18n/phase2Messages'
import { useTranslation } from '../../i18n/useTranslation'
import { TextArea } from '../../panels/fields'
import { followUpStepOf } from '../../templates/followUpBoardTemplate'
import type { FollowUpStepsModel } from '../../workshop/model/FollowUpStepsModel'
import { presenterSpot } from '../../presenter/presenterLayout'
import {
  CHECKLIST_ITEM_SIZE,
  CHECKLIST_ITEM_TYPE,
  type ChecklistItemShape,
  checklistItemMigrations,
  checklistItemProps,
} from './checklistItemShape'
import { boxIndicatorPath } from '../RecordBoardShapeUtil'

/** Options handed in with `ChecklistItemShapeUtil.configure({ followUpSteps })`. */
export interface ChecklistItemOptions {
  /** The map's wording of the follow-up board's steps; null: each item's own text. */
  followUpSteps: FollowUpStepsModel | null
}

/**
 * A checklist line with a tick box. Mouse: a click ticks or unticks it (a drag still moves
 * it). Keyboard: select it (Tab moves between shapes), Enter focuses its tick box, Space
 * ticks it, Enter or Escape goes back to the board.
 *
 * A step of a follow-up board shows the map's wording of that step (followUpSteps.ts) in the
 * reader's language until a trainer rewords it; a trainer editing the item (Enter, or a
 * double click) gets the step's words as a field after the tick box.
 */
export class ChecklistItemShapeUtil extends ShapeUtil<ChecklistItemShape> {
  static override type = CHECKLIST_ITEM_TYPE
  static override props = checklistItemProps
  static override migrations = checklistItemMigrations

  override options: ChecklistItemOptions = { followUpSteps: null }

  override getDefaultProps(): ChecklistItemShape['props'] {
    return { ...CHECKLIST_ITEM_SIZE, text: '', checked: false }
  }

  override getGeometry(shape: ChecklistItemShape) {
    return new Rectangle2d({ width: shape.props.w, height: shape.props.h, isFilled: true })
  }

  override canEdit() {
    return !this.editor.getIsReadonly()
  }

  override canResize() {
    return true
  }

  override onClick(shape: ChecklistItemShape): TLShapePartial<ChecklistItemShape> | void {
    if (this.editor.getIsReadonly()) return
    return { id: shape.id, type: CHECKLIST_ITEM_TYPE, props: { checked: !shape.props.checked } }
  }

  override component(shape: ChecklistItemShape) {
    return (
      <HTMLContainer>
        <ChecklistItem shape={shape} followUpSteps={this.options.followUpSteps} />
      </HTMLContainer>
    )
  }

  /** Enlarged on a projector it may reach beyond its box: always drawn. */
  override canCull(shape: ChecklistItemShape) {
    return !presenterSpot(this.editor, shape.id)
  }

  override getIndicatorPath(shape: ChecklistItemShape) {
    return boxIndicatorPath(shape)
  }
}

function ChecklistItem({
  shape,
  followUpSteps,
}: {
  shape: ChecklistItemShape
  followUpSteps: FollowUpStepsModel | null
}) {
  const editor = useEditor()
  const { t, locale } = useTranslation()
  const { t2 } = usePhase2Translation()
  const step = followUpSteps ? followUpStepOf(shape.id) : null
  const text = useValue(
    'checklist text',
    () => (step && followUpSteps ? followUpSteps.text(step, locale) : shape.props.text),
    [step, followUpSteps, locale, shape.props.text],
  )
  const box = useRef<HTMLInputElement>(null)
  // On a projector the item's text is enlarged and the item grows to hold it.
  const spot = useValue('presenter spot', () => presenterSpot(editor, shape.id), [editor, shape.id])
  const editing = useValue(
    'editing checklist item',
    () => editor.getEditingShapeId() === shape.id,
    [editor, shape.id],
  )
  useEffect(() => {
    if (editing) box.current?.focus()
  }, [editing])
  const backToBoard = () => {
    editor.setEditingShape(null)
    editor.setCurrentTool('select.idle')
    editor.focus()
  }
  const rewording = editing && step !== null && followUpSteps !== null && followUpSteps.canEdit
  // A field has a label of its own: the item is no label while its words are a field.
  const Item = rewording ? 'div' : 'label'
  return (
    <Item
      className={`checklist-item${shape.props.checked ? ' checklist-item--checked' : ''}`}
      style={{
        width: shape.props.w,
        // Rewording, the item grows over the next one to hold the field.
        height: rewording ? 'auto' : shape.props.h,
        minHeight: shape.props.h,
        pointerEvents: editing ? 'all' : 'none',
        ...(spot && {
          position: 'absolute',
          left: spot.x - shape.x,
          top: spot.y - shape.y,
          width: spot.w,
          height: spot.h,
          fontSize: spot.fontSize,
        }),
      }}
      data-testid="checklist-item"
      data-checked={shape.props.checked}
      data-step={step ?? undefined}
      onKeyDown={(event) => {
        // The field's own Escape has left it, keeping its text: back to the board.
        if (!rewording || event.key !== 'Escape') return
        event.stopPropagation()
        backToBoard()
      }}
    >
      <input
        ref={box}
        type="checkbox"
        className="checklist-item__box"
        checked={shape.props.checked}
        tabIndex={editing ? 0 : -1}
        aria-label={text || t('checklist.item')}
        onChange={(event) =>
          editor.updateShape<ChecklistItemShape>({
            id: shape.id,
            type: CHECKLIST_ITEM_TYPE,
            props: { checked: event.currentTarget.checked },
          })
        }
        onKeyDown={(event) => {
          if (event.key === 'Enter' || event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            backToBoard()
          }
        }}
        onPointerDown={(event) => event.stopPropagation()}
      />
      {rewording ? (
        <div
          className="checklist-item__wording"
          onPointerDown={(event) => event.stopPropagation()}
          onPointerUp={(event) => event.stopPropagation()}
          onDoubleClick={(event) => event.stopPropagation()}
        >
          <TextArea
            label={t2('boards.followUpStep.wording')}
            value={text}
            draftKey={`board/followUpStep/${step}`}
            rows={2}
            onCommit={(value) => followUpSteps.write(step, value)}
            testId="follow-up-step-wording"
          />
        </div>
      ) : (
        <span className="checklist-item__text">{text}</span>
      )}
    </Item>
  )
}
