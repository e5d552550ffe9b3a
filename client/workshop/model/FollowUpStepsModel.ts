/**
 * The follow-up board's steps for this client (shared/workshop/followUpSteps.ts): their
 * words, live, in the reader's language until a trainer rewords them, and the trainers'
 * rewording. The `followUpSteps` root is facilitator-only, so the server refuses a change
 * from anyone else; this model offers the change only to those who may make it.
 */
import { type Atom, atom } from 'tldraw'
import type * as Y from 'yjs'
import { FOLLOW_UP_STEPS_MAP } from '../../../shared/document/mapDocumentLayout'
import type { LabelLocale } from '../../../shared/labels/modelLabels'
import { type Role, canFacilitate, isRole } from '../../../shared/protocol/roles'
import {
  type FollowUpStep,
  followUpStepText,
  writeFollowUpStep,
} from '../../../shared/workshop/followUpSteps'
import type { WriteOutcome } from '../../drafts/WriteThroughText'

export class FollowUpStepsModel {
  /** Whether this person may reword the steps. */
  readonly canEdit: boolean
  private readonly changes: Atom<number> = atom('follow-up step changes', 0)
  private readonly stop: () => void

  constructor(
    private readonly doc: Y.Doc,
    /** Origin of this client's own writes. */
    private readonly origin: unknown,
    role: Role | string,
  ) {
    this.canEdit = isRole(role) && canFacilitate(role)
    const root = doc.getMap(FOLLOW_UP_STEPS_MAP)
    const onChange = () => this.changes.update((count) => count + 1)
    root.observe(onChange)
    this.stop = () => root.unobserve(onChange)
  }

  /** The step's words for a reader of `locale` (reactive). */
  text(step: FollowUpStep, locale: LabelLocale): string {
    this.changes.get()
    return followUpStepText(this.doc, step, locale)
  }

  /** Rewords a step (trainers); a text that does not fit is refused. */
  write(step: FollowUpStep, value: string): WriteOutcome {
    return writeFollowUpStep(this.doc, step, value, this.origin)
  }

  dispose() {
    this.stop()
  }
}
