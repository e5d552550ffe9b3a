/**
 * React side of {@link WriteThroughText}: one controller per mounted field, fed the stored
 * value on every render, written when the page is hidden or closed and when the field
 * unmounts. The write function is read at the moment of writing, so it always sees the
 * latest record (an entry is written with what others changed in it meanwhile).
 */
import { useEffect, useLayoutEffect, useRef, useState, useSyncExternalStore } from 'react'
import { useFieldDrafts } from './FieldDrafts'
import { type TextFieldState, type WriteOutcome, WriteThroughText } from './WriteThroughText'

/** Input handlers and state of a write-through text field. */
export interface WriteThroughBinding extends TextFieldState {
  onChange(text: string): void
  onFocus(): void
  onBlur(): void
  /** Enter (one-line fields) writes now; the field keeps focus. */
  flushNow(): void
}

export function useWriteThroughText(options: {
  /** The value the document holds, as text. */
  stored: string
  /** Key of this field's draft; fixed for the life of the component. */
  draftKey: string
  write(text: string): WriteOutcome
  same?(a: string, b: string): boolean
}): WriteThroughBinding {
  const drafts = useFieldDrafts()
  const latest = useRef(options)
  useLayoutEffect(() => {
    latest.current = options
  })
  const [controller] = useState(
    () =>
      new WriteThroughText(
        options.stored,
        (text) => latest.current.write(text),
        drafts,
        options.draftKey,
        (a, b) => (latest.current.same ?? Object.is)(a, b),
      ),
  )
  const state = useSyncExternalStore(controller.subscribe, controller.getState)

  useEffect(() => controller.setStored(options.stored), [controller, options.stored])

  useEffect(() => {
    const flush = () => controller.flush('pause')
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flush()
    }
    window.addEventListener('pagehide', flush)
    document.addEventListener('visibilitychange', onVisibility)
    controller.mount()
    return () => {
      window.removeEventListener('pagehide', flush)
      document.removeEventListener('visibilitychange', onVisibility)
      controller.unmount()
    }
  }, [controller])

  return {
    ...state,
    onChange: (text) => controller.type(text),
    onFocus: () => controller.focus(),
    onBlur: () => controller.blur(),
    flushNow: () => controller.flush('leave'),
  }
}
