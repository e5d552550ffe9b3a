/**
 * The version history of a map: list the versions, name the current state, open a version
 * read-only (the caller gets a throwaway Y.Doc to render), compare one with the current map
 * in stakeholder terms, and restore one (owners and facilitators, after a confirm).
 */
import { type FormEvent, useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { StakeholderDiff } from '../../shared/document/diffStakeholders'
import {
  stakeholderFieldLabel,
  stakeholderValueLabel,
} from '../../shared/labels/stakeholderFieldLabels'
import type { VersionSummary } from '../../shared/protocol/accessApi'
import { type Role, canFacilitate } from '../../shared/protocol/roles'
import { apiFailureReason } from '../i18n/apiFailureReason'
import type { Locale } from '../i18n/locale'
import {
  createVersion,
  diffVersions,
  fetchVersionDoc,
  listVersions,
  restoreVersion,
} from './apiWithToken'
import { sharingText } from './sharingMessages'
import { useStoredDraft } from '../drafts/useStoredDraft'
import { versionAuthor, versionLabel } from './versionLabel'

/** Props of {@link VersionHistoryPanel}. */
export interface VersionHistoryPanelProps {
  mapId: string
  token: string
  role: Role
  locale: Locale
  /** Display name recorded with named versions and restores. */
  displayName?: string
  /** Shows a version read-only, with its name in the viewer's language; the caller owns (and destroys) the doc. */
  onOpenVersion: (doc: Y.Doc, version: VersionSummary, label: string) => void
}

/** Lists versions with open, compare and (for facilitators) name and restore actions. */
export function VersionHistoryPanel(props: VersionHistoryPanelProps) {
  const { mapId, token, role, locale, displayName, onOpenVersion } = props
  const [versions, setVersions] = useState<VersionSummary[] | null>(null)
  // A version name being typed is kept across tab switches and reloads until it is saved.
  const [name, setName, clearName] = useStoredDraft('versions/name')
  const [diff, setDiff] = useState<{ version: VersionSummary; diff: StakeholderDiff } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const t = (key: Parameters<typeof sharingText>[1], params?: Record<string, string | number>) =>
    sharingText(locale, key, params)
  const manage = canFacilitate(role)

  const run = useCallback(
    async (action: () => Promise<void>) => {
      setBusy(true)
      setError(null)
      try {
        await action()
      } catch (failure) {
        const reason = apiFailureReason(locale, failure)
        setError(sharingText(locale, 'versions.failed', { reason }))
      } finally {
        setBusy(false)
      }
    },
    [locale],
  )

  const reload = useCallback(
    () => run(async () => setVersions(await listVersions(mapId, token))),
    [run, mapId, token],
  )
  useEffect(() => {
    void reload()
  }, [reload])

  function onSave(event: FormEvent) {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return
    void run(async () => {
      await createVersion(mapId, token, trimmed, displayName)
      clearName()
      setVersions(await listVersions(mapId, token))
    })
  }

  const labelOf = (version: VersionSummary) => versionLabel(version, versions ?? [], locale)

  function onRestore(version: VersionSummary) {
    if (!window.confirm(t('versions.restoreConfirm', { name: labelOf(version) }))) return
    void run(async () => {
      await restoreVersion(mapId, version.id, token, displayName)
      setDiff(null)
      setVersions(await listVersions(mapId, token))
    })
  }

  return (
    <section className="version-panel" aria-labelledby="versions-heading">
      <h3 id="versions-heading">{t('versions.heading')}</h3>
      {manage && (
        <form onSubmit={onSave} className="version-panel__form">
          <label htmlFor="version-name">{t('versions.nameLabel')}</label>
          <input
            id="version-name"
            value={name}
            maxLength={200}
            placeholder={t('versions.namePlaceholder')}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={busy || !name.trim()}>
            {t('versions.save')}
          </button>
        </form>
      )}
      {error && <p role="alert">{error}</p>}
      {versions?.length === 0 && <p className="panel__empty">{t('versions.empty')}</p>}
      <ul className="version-panel__list">
        {versions?.map((version) => (
          <li key={version.id} className="version-panel__item">
            <div>
              <strong>{labelOf(version)}</strong>{' '}
              {version.kind === 'auto' && (
                <span className="panel__muted">({t('versions.auto')})</span>
              )}
            </div>
            <div className="panel__muted">
              {new Date(version.createdAt).toLocaleString(locale)} ·{' '}
              {versionAuthor(version, locale)} ·{' '}
              {t('versions.stakeholders', { count: version.stakeholderCount })}
            </div>
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() =>
                void run(async () =>
                  onOpenVersion(
                    await fetchVersionDoc(mapId, version.id, token),
                    version,
                    labelOf(version),
                  ),
                )
              }
            >
              {t('versions.open')}
            </button>{' '}
            <button
              type="button"
              className="link-button"
              disabled={busy}
              onClick={() =>
                void run(async () =>
                  setDiff({
                    version,
                    diff: await diffVersions(mapId, version.id, 'current', token),
                  }),
                )
              }
            >
              {t('versions.compare')}
            </button>{' '}
            {manage && (
              <button
                type="button"
                className="link-button"
                disabled={busy}
                onClick={() => onRestore(version)}
              >
                {t('versions.restore')}
              </button>
            )}
            {diff?.version.id === version.id && <DiffView diff={diff.diff} locale={locale} />}
          </li>
        ))}
      </ul>
    </section>
  )
}

function DiffView({ diff, locale }: { diff: StakeholderDiff; locale: Locale }) {
  const t = (key: Parameters<typeof sharingText>[1], params?: Record<string, string>) =>
    sharingText(locale, key, params)
  // Fields and values in the reader's words: "Legitimiteit: — → 5", "Houding: Onbekend → Kritisch".
  const show = (field: string, value: unknown) =>
    Array.isArray(value) || (typeof value === 'object' && value !== null)
      ? JSON.stringify(value)
      : stakeholderValueLabel(field, value, locale)
  if (diff.added.length + diff.removed.length + diff.changed.length === 0) {
    return <p className="panel__muted">{t('diff.none')}</p>
  }
  return (
    <div className="version-panel__diff">
      {diff.added.length > 0 && (
        <p>
          <strong>{t('diff.added')}:</strong> {diff.added.map((s) => s.name).join(', ')}
        </p>
      )}
      {diff.removed.length > 0 && (
        <p>
          <strong>{t('diff.removed')}:</strong> {diff.removed.map((s) => s.name).join(', ')}
        </p>
      )}
      {diff.changed.length > 0 && (
        <>
          <strong>{t('diff.changed')}:</strong>
          <ul>
            {diff.changed.map((change) => (
              <li key={change.id}>
                {change.name}
                <ul>
                  {change.changes.map((field) => (
                    <li key={field.field}>
                      {t('diff.field', {
                        field: stakeholderFieldLabel(field.field, locale),
                        before: show(field.field, field.before),
                        after: show(field.field, field.after),
                      })}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
