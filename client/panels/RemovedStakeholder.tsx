/**
 * The editor's view of a stakeholder someone removed while this person had it open. The
 * record as last shown is offered back ("Restore"), and text typed into it that could not be
 * written any more is kept in the drafts: restoring brings the record back and the fields,
 * mounting again, write that text into it. Nothing typed is lost to someone else's removal.
 */
import { useContext, useState } from 'react'
import type { Editor } from 'tldraw'
import type { Stakeholder } from '../../shared/stakeholder/Stakeholder'
import { addStakeholderCards } from '../canvas/boardActions'
import { useFieldDrafts } from '../drafts/FieldDrafts'
import { useTranslation } from '../i18n/useTranslation'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { FieldsReadOnly } from './fields'

export function RemovedStakeholder({
  record,
  editor,
  registry,
  onDismiss,
}: {
  record: Stakeholder
  editor: Editor
  registry: StakeholderRegistry
  onDismiss(): void
}) {
  const { t } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  const drafts = useFieldDrafts()
  const [failed, setFailed] = useState(false)
  const unsaved = drafts.keysUnder(`${record.id}/`).length

  function restore() {
    // Contacts go through their own call: they are kept apart from the public record.
    const result = registry.create({ ...record, contacts: [] })
    setFailed(!result.ok)
    if (!result.ok) return
    for (const contact of record.contacts) registry.putContact(record.id, contact)
    // Its cards went with it; a new one is selected, so the editor opens on it again.
    addStakeholderCards(editor, [record.id])
  }

  return (
    <section className="removed-stakeholder" aria-labelledby="removed-heading">
      <p className="panel__empty" id="removed-heading">
        {t('editor.removedWhileOpen', { name: record.name })}
      </p>
      {unsaved > 0 && <p className="field__notice">{t('editor.removedUnsaved')}</p>}
      <div className="exchange__buttons">
        {!readOnly && (
          <button type="button" className="button button--primary" onClick={restore}>
            {t('editor.restore')}
          </button>
        )}
        <button type="button" className="button" onClick={onDismiss}>
          {t('editor.dismissRemoved')}
        </button>
      </div>
      {failed && (
        <p className="field__error" role="alert">
          {t('editor.restoreFailed')}
        </p>
      )}
    </section>
  )
}
