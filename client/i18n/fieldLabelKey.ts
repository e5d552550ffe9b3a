/**
 * The editor's name of a stakeholder field, taken from the field table
 * (shared/stakeholder/stakeholderFields.ts) so the editor, the import panel and the exports
 * cannot name a field differently. Contacts have their own editor with its own labels.
 */
import type { CONTACT_PARTS } from '../../shared/stakeholder/stakeholderFields'
import {
  type StakeholderFieldKey,
  type StakeholderFieldLabel,
  labelOf,
} from '../../shared/stakeholder/stakeholderFields'
import type { MessageKey } from './messages.en'

/** A field the stakeholder editor's form shows. */
export type EditorField = Exclude<StakeholderFieldKey, 'id' | keyof typeof CONTACT_PARTS>

/** The catalogue key of `field`'s name; does not compile when the catalogue lacks one. */
export function fieldLabelKey(field: EditorField): `field.${StakeholderFieldLabel<EditorField>}` {
  const key: `field.${StakeholderFieldLabel<EditorField>}` & MessageKey = `field.${labelOf(field)}`
  return key
}
