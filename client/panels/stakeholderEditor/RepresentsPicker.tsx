import { useContext } from 'react'
import { useValue } from 'tldraw'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'
import { useTranslation } from '../../i18n/useTranslation'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import { FieldsReadOnly } from '../fields'

/** Which other stakeholders this one speaks for (a union for its members, say). */
export function RepresentsPicker({
  stakeholder,
  registry,
  error,
  onCommit,
}: {
  stakeholder: Stakeholder
  registry: StakeholderRegistry
  error?: string
  onCommit(value: string[]): void
}) {
  const { t } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  const others = useValue(
    'others',
    () => registry.all.get().filter((other) => other.id !== stakeholder.id),
    [registry, stakeholder.id],
  )
  if (others.length === 0) return null
  const chosen = new Set(stakeholder.represents)
  if (readOnly) {
    const names = others.filter((other) => chosen.has(other.id)).map((other) => other.name)
    return names.length === 0 ? null : (
      <div className="field field--readonly">
        <span className="field__label">{t('field.represents')}</span>
        <p className="field__value">{names.join(', ')}</p>
      </div>
    )
  }
  return (
    <fieldset className="represents">
      <legend>{t('field.represents')}</legend>
      <div className="represents__list">
        {others.map((other) => (
          <label key={other.id}>
            <input
              type="checkbox"
              checked={chosen.has(other.id)}
              onChange={(event) => {
                const next = new Set(chosen)
                if (event.target.checked) next.add(other.id)
                else next.delete(other.id)
                onCommit(
                  stakeholder.represents
                    .filter((id) => next.has(id))
                    .concat([...next].filter((id) => !stakeholder.represents.includes(id))),
                )
              }}
            />
            {other.name}
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  )
}
