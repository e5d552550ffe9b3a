/**
 * Table groups: a participant sees their table and can go there; the facilitator splits
 * the room into tables, sees who sits where, shows all tables side by side, brings a
 * table's result into the plenary boards, and ends the split.
 */
import { useState } from 'react'
import { useValue } from 'tldraw'
import { MAX_TABLES } from '../../../shared/workshop/tableGroups'
import { useTranslation } from '../../i18n/useTranslation'
import { shownName } from '../../user/displayName'
import { CountInput } from './CountInput'
import { useCountDraft } from './useCountDraft'
import { useWorkshopSession } from './WorkshopSession'

export function TablesSection() {
  const { t, locale } = useTranslation()
  const { editor, model, facilitator } = useWorkshopSession()
  const { tables } = model
  const [status, setStatus] = useState<string | null>(null)
  const groups = useValue('table groups', () => tables.groups.get(), [tables])
  // What the facilitator typed, kept through every way out; not typed: the running split's
  // count (4 before any split), so the field does not say 4 when the room sits at 3 tables.
  const typedCount = useCountDraft('workshop/tables/count', groups?.count ?? 4, MAX_TABLES)
  const myTable = useValue('my table', () => tables.myTable.get(), [tables])
  const seating = useValue('seating', () => tables.seating.get(), [tables])
  const tableName = (n: number) => t('workshop.groups.table', { number: n })

  if (!facilitator && !groups) return null
  return (
    <section aria-labelledby="groups-heading">
      <h3 id="groups-heading">{t('workshop.groups.heading')}</h3>
      {groups && myTable === undefined && !facilitator && (
        <p className="panel__muted">{t('workshop.groups.noTable')}</p>
      )}
      {groups && myTable !== undefined && (
        <p>
          {t('workshop.groups.yours', { number: myTable + 1 })}{' '}
          <button type="button" className="link-button" onClick={() => tables.goToMine(editor)}>
            {t('workshop.groups.goToMine')}
          </button>
        </p>
      )}
      {facilitator && (
        <>
          <div className="workshop__row">
            <CountInput
              label={t('workshop.groups.count')}
              max={MAX_TABLES}
              text={typedCount.text}
              onText={typedCount.setText}
            />
            <button
              type="button"
              className="button button--primary"
              onClick={() => {
                tables.split(editor, typedCount.count, tableName, locale)
                typedCount.clear()
              }}
            >
              {t('workshop.groups.split')}
            </button>
          </div>
          {groups && (
            <>
              <button type="button" className="button" onClick={() => tables.showAll(editor)}>
                {t('workshop.groups.showAll')}
              </button>
              <ul className="workshop__groups">
                {seating.map((people, index) => (
                  <li key={index}>
                    <span>
                      {tableName(index + 1)}:{' '}
                      {people.map((p) => shownName(p.name, t)).join(', ') || '—'}
                    </span>
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => {
                        const added = tables.bringToPlenary(editor, index)
                        setStatus(
                          t('workshop.groups.brought', {
                            count: added,
                            table: tableName(index + 1),
                          }),
                        )
                      }}
                    >
                      {t('workshop.groups.bringToPlenary')}
                    </button>
                  </li>
                ))}
              </ul>
              <button type="button" className="button button--quiet" onClick={() => tables.end()}>
                {t('workshop.groups.end')}
              </button>
            </>
          )}
          {status && (
            <p role="status" className="panel__muted">
              {status}
            </p>
          )}
        </>
      )}
    </section>
  )
}
