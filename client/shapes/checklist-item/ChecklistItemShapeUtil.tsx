import { useEffect, useRef } from 'react'
import {
  HTMLContainer,
  Rectangle2d,
  ShapeUtil,
  type TLShapePartial,
  useEditor,
  useValue,
} from 'tldraw'
import { useTranslation } from '../../i18n/useTranslation'
import { presenterSpot } from '../../presenter/presenterLayout'
import {
  CHECKLIST_ITEM_SIZE,
  CHECKLIST_ITEM_TYPE,
  type ChecklistItemShape,
  checklistItemMigrations,
  checklistItemProps,
} from './checklistItemShape'
import { boxIndicatorPath } from '../RecordBoardShapeUtil'

/**
 * A checklist line with a tick box. Mouse: a click ticks or unticks it (a drag still moves
 * it). Keyboard: select it (Tab moves between shapes), Enter focuses its tick box, Space
 * ticks it, Enter or Escape goes back to the board.
 */
export class ChecklistItemShapeUtil extends ShapeUtil<ChecklistItemShape> {
  static override type = CHECKLIST_ITEM_TYPE
  static override props = checklistItemProps
  static override migrations = checklistItemMigrations

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
        <ChecklistItem shape={shape} />
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

function ChecklistItem({ shape }: { shape: ChecklistItemShape }) {
  const editor = useEditor()
  const { t } = useTranslation()
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
  return (
    <label
      className={`checklist-item${shape.props.checked ? ' checklist-item--checked' : ''}`}
      style={{
        width: shape.props.w,
        height: shape.props.h,
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
    >
      <input
        ref={box}
        type="checkbox"
        className="checklist-item__box"
        checked={shape.props.checked}
        tabIndex={editing ? 0 : -1}
        aria-label={shape.props.text || t('checklist.item')}
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
      <span className="checklist-item__text">{shape.props.text}</span>
    </label>
  )
}
