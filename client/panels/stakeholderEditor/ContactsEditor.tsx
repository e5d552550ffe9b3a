import { useContext } from 'react'
import type { Contact } from '../../../shared/stakeholder/Stakeholder'
import { createContact } from '../../../shared/stakeholder/createStakeholder'
import { useTranslation } from '../../i18n/useTranslation'
import { newEntityId } from '../../stakeholders/StakeholderRegistry'
import { ContactErasure } from '../ContactErasure'
import { ErasePersonalDataButton } from '../ErasePersonalDataButton'
import { FieldsReadOnly, TextArea, TextField } from '../fields'
import { EntryList } from './EntryList'
import { added, entryWriter } from './entryWriter'
import type { ListEditorProps } from './ListEditorProps'

/** Contact fields, the input type that suits each (phone keypads, e-mail keyboards), limits. */
const CONTACT_FIELDS = [
  ['name', 'text', 200],
  ['role', 'text', 200],
  ['organisation', 'text', 200],
  ['email', 'email', 320],
  ['phone', 'tel', 50],
] as const

/** The stakeholder's contact people: confidential, erasable on request. */
export function ContactsEditor({ stakeholder, registry, report, errors }: ListEditorProps) {
  const { t } = useTranslation()
  const erase = useContext(ContactErasure)
  const readOnly = useContext(FieldsReadOnly)
  const put = (contact: Contact) => registry.putContact(stakeholder.id, contact)
  const write = entryWriter(() => registry.get(stakeholder.id)?.contacts, put)
  return (
    <fieldset className="confidential" aria-describedby="contacts-hint">
      <legend>{t('editor.section.contacts')}</legend>
      <p id="contacts-hint" className="field__hint">
        {t('editor.section.contactsHint')}
      </p>
      {!readOnly && (
        <p className="field__hint">{t(erase ? 'contact.eraseHint' : 'contact.removeHint')}</p>
      )}
      <EntryList
        entries={stakeholder.contacts}
        summary={(contact) => contact.name || t('contact.unnamed')}
        initiallyOpen={(contact) => !contact.name}
        labels={{
          none: t('contact.none'),
          add: t('contact.add'),
          remove: t('contact.removeFromMap'),
        }}
        onRemove={(contact) => registry.removeContact(stakeholder.id, contact.id)}
        actions={(contact) =>
          erase && (
            <ErasePersonalDataButton
              label={t('erase.action.one')}
              title={t('erase.title.one', { name: contact.name || t('contact.unnamed') })}
              onErase={() => erase(stakeholder.id, contact.id)}
              testId="erase-contact"
            />
          )
        }
        onAdd={() => added(createContact(newEntityId('c')), put, report, 'contacts')}
        renderFields={(contact) => {
          const key = `${stakeholder.id}/contacts/${contact.id}`
          return (
            <>
              {CONTACT_FIELDS.map(([field, type, maxLength]) => (
                <TextField
                  key={field}
                  type={type}
                  label={t(`contact.${field}`)}
                  value={contact[field]}
                  maxLength={maxLength}
                  draftKey={`${key}/${field}`}
                  onCommit={(value) => write(contact, { [field]: value })}
                  testId={`contact-${field}`}
                />
              ))}
              <TextArea
                label={t('contact.notes')}
                value={contact.notes}
                rows={2}
                draftKey={`${key}/notes`}
                onCommit={(notes) => write(contact, { notes })}
                testId="contact-notes"
              />
            </>
          )
        }}
      />
      {errors.contacts && (
        <p className="field__error" role="alert">
          {errors.contacts}
        </p>
      )}
      {erase && !readOnly && stakeholder.contacts.length > 0 && (
        <ErasePersonalDataButton
          label={t('erase.action.all')}
          title={t('erase.title.all', { name: stakeholder.name })}
          onErase={() => erase(stakeholder.id, null)}
          testId="erase-all-contacts"
        />
      )}
    </fieldset>
  )
}
