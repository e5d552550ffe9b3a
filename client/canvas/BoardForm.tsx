/**
 * A form drawn on the canvas (phase 2's worksheet, the case card): its controls take the
 * pointer and the keyboard as anywhere else in the app, while the rest of the shape still
 * selects and drags as a shape does. A press on a control does not reach tldraw (which would
 * start selecting or dragging the shape and take the focus back to the canvas); keys typed
 * in a control are the control's (tldraw leaves shortcuts alone while a field has the
 * focus). The fields inside are the app's own (panels/fields.tsx), so every way out of one
 * keeps what was typed: blur, Tab, Enter, a click on the canvas, unmounting, leaving the page.
 */
import type { CSSProperties, ReactNode } from 'react'
import { useEditor, useValue } from 'tldraw'
import { FieldsReadOnly } from '../panels/fields'
import './boardForms.css'

const CONTROLS = 'input, textarea, select, button, label, option, a'

/** True when the press is on a control of the form (or on its label). */
function onControl(event: { target: EventTarget }): boolean {
  return event.target instanceof Element && event.target.closest(CONTROLS) !== null
}

/** The form's frame: read-only for whoever cannot change the map (viewers). */
export function BoardForm({
  className,
  style,
  readOnly = false,
  testId,
  children,
}: {
  className: string
  style?: CSSProperties
  /** Read-only for this person even when they may change the map (e.g. the case card). */
  readOnly?: boolean
  testId?: string
  children: ReactNode
}) {
  const editor = useEditor()
  const mapReadOnly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  return (
    <FieldsReadOnly.Provider value={mapReadOnly || readOnly}>
      <div
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
      >
        {children}
      </div>
    </FieldsReadOnly.Provider>
  )
}
