/**
 * A form drawn on the canvas (phase 2's worksheet, the case card): its controls take the
 * pointer and the keyboard as anywhere else in the app, while the rest of the shape still
 * selects and drags as a shape does. A press on a control does not reach tldraw (which would
 * start selecting or dragging the shape and take the focus back to the canvas); keys typed
 * in a control are the control's (tldraw leaves shortcuts alone while a field has the
 * focus). The fields inside are the app's own (panels/fields.tsx), so every way out of one
 * keeps what was typed: blur, Tab, Enter, a click on the canvas, unmounting, leaving the page.
 *
 * From the keyboard: select the shape (Tab moves between shapes on the canvas), Enter goes
 * into its first field, Tab and Shift+Tab from field to field, Escape leaves the field (what
 * was typed kept) and goes back to the board with the shape selected.
 */
import { type CSSProperties, type ReactNode, useEffect, useRef } from 'react'
import { type TLShapeId, useEditor, useValue } from 'tldraw'
import { FieldsReadOnly } from '../panels/fields'
import './boardForms.css'

const CONTROLS = 'input, textarea, select, button, label, option, a'
const FIELDS = 'input, textarea, select, button'

/** True when the press is on a control of the form (or on its label). */
function onControl(event: { target: EventTarget }): boolean {
  return event.target instanceof Element && event.target.closest(CONTROLS) !== null
}

/** The form's frame: read-only for whoever cannot change the map (viewers). */
export function BoardForm({
  shapeId,
  className,
  style,
  readOnly = false,
  testId,
  children,
}: {
  /** The shape the form is drawn in: Enter on it (editing it) goes into the first field. */
  shapeId: TLShapeId
  className: string
  style?: CSSProperties
  /** Read-only for this person even when they may change the map (e.g. the case card). */
  readOnly?: boolean
  testId?: string
  children: ReactNode
}) {
  const editor = useEditor()
  const mapReadOnly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  const editing = useValue('editing form', () => editor.getEditingShapeId() === shapeId, [
    editor,
    shapeId,
  ])
  const form = useRef<HTMLDivElement>(null)
  useEffect(() => {
    if (editing) form.current?.querySelector<HTMLElement>(FIELDS)?.focus()
  }, [editing])
  return (
    <FieldsReadOnly.Provider value={mapReadOnly || readOnly}>
      <div
        ref={form}
        className={className}
        style={{ ...style, pointerEvents: 'all' }}
        data-testid={testId}
        onPointerDown={(event) => {
          if (onControl(event)) event.stopPropagation()
        }}
        onPointerUp={(event) => {
          if (onControl(event)) event.stopPropagation()
        }}
        onDoubleClick={(event) => {
          if (onControl(event)) event.stopPropagation()
        }}
        onKeyDown={(event) => {
          // The field's own Escape has left the field, keeping its text (fields.tsx): back
          // to the board, with this shape selected, as the checklist does.
          if (event.key !== 'Escape') return
          event.stopPropagation()
          editor.setEditingShape(null)
          editor.select(shapeId)
          editor.focus()
        }}
      >
        {children}
      </div>
    </FieldsReadOnly.Provider>
  )
}
