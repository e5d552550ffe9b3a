/**
 * What the observers of the role play noted (observer sheets, RolePlayRoundsSection.tsx),
 * shown with the evaluation round of phase 4: per SER element (and in general), each note
 * with its round and observer, so the group scores and discusses with them in view. Only
 * the rounds played before the evaluation opened; nothing when no one noted anything.
 */
import { useValue } from 'tldraw'
import { DIALOGUE_ELEMENT_LABELS } from '../../../shared/labels/dialogueLabels'
import { OBSERVER_NOTE_FIELDS, hasObserverNotes } from '../../../shared/workshop/observerNotes'
import { useTranslation } from '../../i18n/useTranslation'
import { useNameOf } from './useNameOf'
import { useWorkshopSession } from './WorkshopSession'

export function ObserverNotesList({ openedAt }: { openedAt: number }) {
  const { t, locale } = useTranslation()
  const { rolePlay } = useWorkshopSession()
  const { rounds } = rolePlay
  const notes = useValue('observer notes', () => rounds.notesBefore(openedAt), [rounds, openedAt])
  const nameOf = useNameOf()
  if (!hasObserverNotes(notes)) return null
  return (
    <div className="observer-notes" data-testid="evaluation-observer-notes">
      <h4>{t('workshop.evaluation.observerNotes')}</h4>
      <dl>
        {OBSERVER_NOTE_FIELDS.filter((field) => notes[field].length > 0).map((field) => (
          <div key={field} data-testid={`observer-notes-${field}`}>
            <dt>
              {field === 'general'
                ? t('workshop.evaluation.observerGeneral')
                : DIALOGUE_ELEMENT_LABELS[locale][field]}
            </dt>
            {notes[field].map((note) => (
              <dd key={`${note.roundNumber}/${note.observerId}`} className="observer-notes__item">
                <span className="panel__muted">
                  {t('workshop.evaluation.observerNote', {
                    number: note.roundNumber,
                    name: nameOf(note.observerId),
                  })}
                  :
                </span>{' '}
                {note.text}
              </dd>
            ))}
          </div>
        ))}
      </dl>
    </div>
  )
}
