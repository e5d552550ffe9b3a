import type { WriteOutcome } from '../../drafts/WriteThroughText'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import type { FieldErrors } from './useFieldErrors'

/** What a list editor (impacts, log, contacts) writes through: the registry and this stakeholder. */
export interface ListEditorProps {
  stakeholder: Stakeholder
  registry: StakeholderRegistry
  /** Remembers a select's or checkbox's refusal, shown at that control. */
  report(key: string, result: WriteOutcome): void
  errors: FieldErrors
}
