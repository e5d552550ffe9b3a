import { useEffect, useRef, useState } from 'react'
import {
  LIBRARY_SORTS,
  type LibraryEntry,
  type LibrarySort,
  isLibrarySort,
} from '../../shared/protocol/libraryApi'
import { canDeleteMap, canFacilitate } from '../../shared/protocol/roles'
import { apiFailureReason } from '../i18n/apiFailureReason'
import type { MessageKey } from '../i18n/messages.en'
import { useTranslation } from '../i18n/useTranslation'
import { mapPath, navigate } from '../navigation'
import { forgetAccess } from '../sharing/mapAccess'
import { deleteMap, fetchLibrary, setMapArchived } from './libraryClient'

/** How long typing pauses before the search asks the server. */
const SEARCH_DELAY_MS = 200

/**
 * The organisation's library on the home page (signed in): every map the user may open,
 * with its last change and by whom, the user's role and the number of stakeholders; a
 * search over titles and stakeholder names, an order, the archived maps apart (restore),
 * archive for owners and facilitators, delete for owners (after a confirmation).
 */
export function LibrarySection() {
  const { t, locale } = useTranslation()
  const [q, setQ] = useState('')
  const [sort, setSort] = useState<LibrarySort>('updated')
  const [archived, setArchived] = useState(false)
  const [maps, setMaps] = useState<LibraryEntry[] | null>(null)
  // The failure itself, worded when shown: a language switch rewords it.
  const [failure, setFailure] = useState<{ key: MessageKey; cause: unknown } | null>(null)
  const [reloads, setReloads] = useState(0)
  const searched = useRef(q)

  useEffect(() => {
    let current = true
    // Only typing waits for a pause; a switch of order or of archived maps asks at once, so
    // the old list does not stay up under the new choice.
    const delay = searched.current === q ? 0 : SEARCH_DELAY_MS
    searched.current = q
    const timer = setTimeout(() => {
      fetchLibrary(q, sort, archived)
        .then((answer) => {
          if (!current) return
          setMaps(answer)
          setFailure(null)
        })
        .catch((cause: unknown) => {
          if (current) setFailure({ key: 'library.failed', cause })
        })
    }, delay)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [q, sort, archived, reloads])

  async function act(action: () => Promise<void>) {
    try {
      await action()
      setReloads((count) => count + 1)
    } catch (cause) {
      setFailure({ key: 'library.actionFailed', cause })
    }
  }

  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })

  return (
    <section aria-labelledby="library-heading" className="home__card library">
      <h2 id="library-heading">{t('library.heading')}</h2>
      <div className="library__controls">
        <label>
          <span>{t('library.search')}</span>
          <input
            type="search"
            value={q}
            maxLength={200}
            placeholder={t('library.searchPlaceholder')}
            onChange={(event) => setQ(event.target.value)}
          />
        </label>
        <label>
          <span>{t('library.sort')}</span>
          <select
            value={sort}
            onChange={(event) => {
              if (isLibrarySort(event.target.value)) setSort(event.target.value)
            }}
          >
            {LIBRARY_SORTS.map((choice) => (
              <option key={choice} value={choice}>
                {t(`library.sort.${choice}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="library__archived">
          <input
            type="checkbox"
            checked={archived}
            onChange={(event) => setArchived(event.target.checked)}
          />
          <span>{t('library.showArchived')}</span>
        </label>
      </div>
      {failure && (
        <p role="alert" className="home__error">
          {t(failure.key, { reason: apiFailureReason(locale, failure.cause) })}
        </p>
      )}
      {maps !== null && maps.length === 0 && (
        <p className="home__muted">
          {q.trim() !== ''
            ? t('library.noMatch')
            : archived
              ? t('library.noArchived')
              : t('library.empty')}
        </p>
      )}
      {maps !== null && maps.length > 0 && (
        <table className="library__table">
          <thead>
            <tr>
              <th scope="col">{t('library.column.title')}</th>
              <th scope="col">{t('library.column.updated')}</th>
              <th scope="col">{t('library.column.role')}</th>
              <th scope="col">{t('library.column.stakeholders')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('library.column.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {maps.map((map) => (
              <tr key={map.id}>
                <th scope="row">
                  <a
                    href={mapPath(map.id)}
                    onClick={(event) => {
                      event.preventDefault()
                      navigate(mapPath(map.id))
                    }}
                  >
                    {map.title}
                  </a>
                </th>
                <td>
                  <time dateTime={map.updatedAt}>{dateFormat.format(new Date(map.updatedAt))}</time>
                  {map.updatedBy !== null && (
                    <span className="library__by">
                      {' '}
                      {t('library.updatedBy', { name: map.updatedBy })}
                    </span>
                  )}
                </td>
                <td>{t(`members.role.${map.role}`)}</td>
                <td>{map.stakeholderCount}</td>
                <td className="library__actions">
                  {canFacilitate(map.role) && (
                    <button
                      type="button"
                      onClick={() => void act(() => setMapArchived(map.id, !map.archived))}
                      aria-label={`${t(map.archived ? 'library.restore' : 'library.archive')}: ${map.title}`}
                    >
                      {t(map.archived ? 'library.restore' : 'library.archive')}
                    </button>
                  )}
                  {canDeleteMap(map.role) && (
                    <button
                      type="button"
                      className="library__delete"
                      aria-label={`${t('library.delete')}: ${map.title}`}
                      onClick={() => {
                        if (!window.confirm(t('library.deleteConfirm', { title: map.title }))) {
                          return
                        }
                        void act(async () => {
                          await deleteMap(map.id)
                          forgetAccess(map.id)
                        })
                      }}
                    >
                      {t('library.delete')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  )
}
