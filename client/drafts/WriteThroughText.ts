/**
 * One text field's typing, written through to the document so that no keystroke is lost.
 *
 * Flow: every keystroke updates what the input shows and the field's entry in
 * {@link FieldDrafts}; a pause of {@link WRITE_PAUSE_MS} writes the text (one document
 * change, one durable server commit, per pause rather than per keystroke). Leaving the field
 * (blur, Enter, Escape, the field unmounting because the card was deselected or the tab
 * changed) and the page being hidden or closed write at once.
 *
 * Rules:
 * - The text you are editing wins. While the field has changes of yours (from your first
 *   keystroke until you leave it or press Enter), a change someone else makes to the same
 *   value does not replace your text; it is flagged (`changedElsewhere`), and leaving the
 *   field writes your text over it if you typed since your last write.
 * - Only typing writes. Leaving a field (or Enter) writes only what was typed since the last
 *   write; a value already written is never written again, so a field left without new
 *   typing cannot put its old value back over someone else's later change. After Enter or
 *   leaving, the field (focused or not) follows the document at once.
 * - A value the model refuses (an e-mail address without "@", an emptied date) stays in the
 *   field and in the drafts, with the error, until it is fixed; nothing is reverted. The
 *   error appears when you leave the field (not while you are still typing), and goes as
 *   soon as a write succeeds.
 */
import type {
  CodedValidationError,
  ValidationError,
} from '../../shared/stakeholder/validateStakeholder'
import type { FieldDrafts } from './FieldDrafts'

/** Pause in typing after which the text is written. */
export const WRITE_PAUSE_MS = 600

/** What a write answered: stored, or why not. */
export type WriteOutcome = { ok: true } | { ok: false; errors: readonly WriteError[] }

/**
 * Why a write was refused: the model's coded error, which the UI translates, or a check of
 * the input's own that shows its own message (the code is then absent).
 */
export type WriteError = ValidationError & Partial<Pick<CodedValidationError, 'code' | 'params'>>

/** What the input shows. */
export interface TextFieldState {
  text: string
  /** Why the text is not stored, once the person has left the field (or pressed Enter). */
  error: WriteError | null
  /** Someone else changed the stored value while this person had changes of their own. */
  changedElsewhere: boolean
}

/** How a write was triggered: a pause in typing, or leaving the field. */
type FlushReason = 'pause' | 'leave'

export class WriteThroughText {
  private state: TextFieldState
  private stored: string
  /**
   * The person is editing: typed since they entered the field or last pressed Enter, or a
   * refused draft is waiting. Until then, the document's changes do not replace the text.
   */
  private dirty: boolean
  /** Typed since the last successful write (or a draft from before waits): leaving writes. */
  private unwritten: boolean
  private focused = false
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly listeners = new Set<() => void>()

  constructor(
    stored: string,
    private readonly write: (text: string) => WriteOutcome,
    private readonly drafts: FieldDrafts,
    /** Where this field's unsaved text is kept; unique per field of a map. */
    private readonly key: string,
    /** Whether two texts mean the same value ("2,5" and "2.5" for a score). */
    private readonly same: (a: string, b: string) => boolean = (a, b) => a === b,
  ) {
    this.stored = stored
    const draft = drafts.get(key)
    this.dirty = draft !== undefined && !same(draft, stored)
    this.unwritten = this.dirty
    if (draft !== undefined && !this.dirty) drafts.delete(key)
    this.state = { text: this.dirty ? draft! : stored, error: null, changedElsewhere: false }
  }

  /** For `useSyncExternalStore`. */
  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getState = () => this.state

  /** The field is on screen: a draft left from before (refused, or cut off) is tried again. */
  mount() {
    if (this.dirty) this.flush('leave')
  }

  /** The field goes away (card deselected, tab changed, record removed): write now. */
  unmount() {
    this.flush('leave')
  }

  /** The person typed: show it, keep it, and write it after a pause. */
  type(text: string) {
    this.dirty = true
    this.unwritten = true
    this.drafts.set(this.key, text)
    this.update({ text })
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.flush('pause'), WRITE_PAUSE_MS)
  }

  focus() {
    this.focused = true
  }

  /** Leaving the field writes what was typed since the last write, then follows the document. */
  blur() {
    this.focused = false
    this.flush('leave')
  }

  /**
   * Writes what was typed since the last write. Leaving (blur, Enter, unmount) also ends the
   * edit: from then on the field shows the document's value, which may be someone else's.
   */
  flush(reason: FlushReason) {
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.unwritten) {
      const { text } = this.state
      const outcome: WriteOutcome = this.same(text, this.stored) ? { ok: true } : this.write(text)
      if (!outcome.ok) {
        const error: WriteError = outcome.errors[0] ?? { path: '', message: 'refused' }
        // While typing, an error already shown follows the text; a new one waits for leaving.
        if (reason === 'leave' || this.state.error) this.update({ error })
        return
      }
      this.stored = text
      this.unwritten = false
      this.drafts.delete(this.key)
    }
    // A pause in typing is not the end of the edit; leaving (or a pause out of focus) is.
    const settled = reason === 'leave' || !this.focused
    if (!settled) return this.update({ error: null })
    this.dirty = false
    this.update({ text: this.stored, error: null, changedElsewhere: false })
  }

  /** The document's value changed (a write of ours coming back, or someone else's edit). */
  setStored(value: string) {
    if (value === this.stored) return
    const sameValue = this.same(value, this.stored)
    this.stored = value
    if (!this.dirty) return this.update({ text: value, changedElsewhere: false })
    if (!sameValue && !this.same(value, this.state.text)) this.update({ changedElsewhere: true })
  }

  private update(change: Partial<TextFieldState>) {
    const next = { ...this.state, ...change }
    if (
      next.text === this.state.text &&
      next.error === this.state.error &&
      next.changedElsewhere === this.state.changedElsewhere
    ) {
      return
    }
    this.state = next
    for (const listener of this.listeners) listener()
  }
}
