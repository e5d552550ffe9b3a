import { type ReactNode, useContext, useState } from 'react'
import { useValue } from 'tldraw'
import {
  CATEGORY_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  QUADRANT_LABELS,
  salienceAssessmentLabel,
} from '../../shared/labels/modelLabels'
import { matchesRegisterSearch, searchWords } from '../../shared/register/searchRegister'
import {
  type RegisterSortColumn,
  type SortDirection,
  firstSortDirection,
  sortRegister,
} from '../../shared/register/sortRegister'
import { salienceGroup } from '../../shared/scoring/classifySalience'
import { salienceAssessment } from '../../shared/scoring/salienceAssessment'
import {
  type EngagementQuadrant,
  engagementQuadrant,
} from '../../shared/scoring/engagementQuadrant'
import { prioritiseStakeholders } from '../../shared/scoring/prioritiseStakeholders'
import { formatScoreText, sameScoreText } from '../../shared/scoring/scoreText'
import { STAKEHOLDER_CATEGORIES, type Stakeholder } from '../../shared/stakeholder/Stakeholder'
import type { StakeholderPatch } from '../../shared/document/stakeholderDocument'
import { useWriteThroughText } from '../drafts/useWriteThroughText'
import type { WriteOutcome } from '../drafts/WriteThroughText'
import { type MessageKey } from '../i18n/messages.en'
import { useTranslation } from '../i18n/useTranslation'
import { salienceBadgeColours } from '../shapes/stakeholder-card/salienceColours'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { FieldsReadOnly, writeScoreText } from './fields'
import { explain, validationMessage } from './validationMessage'

type AffectedFilter = 'all' | 'affected' | 'other'

/** The table's columns, in order, with the header text of each. */
const COLUMNS: readonly { id: RegisterSortColumn; label: MessageKey }[] = [
  { id: 'rank', label: 'register.col.rank' },
  { id: 'name', label: 'register.col.name' },
  { id: 'salience', label: 'register.col.salience' },
  { id: 'power', label: 'field.power' },
  { id: 'legitimacy', label: 'field.legitimacy' },
  { id: 'urgency', label: 'field.urgency' },
  { id: 'influence', label: 'field.influence' },
  { id: 'impact', label: 'field.impact' },
  { id: 'quadrant', label: 'register.col.quadrant' },
  { id: 'affected', label: 'register.col.affected' },
  { id: 'category', label: 'register.col.category' },
  { id: 'status', label: 'register.col.status' },
]

interface Row {
  stakeholder: Stakeholder
  rank: number
  quadrant: EngagementQuadrant
}

/**
 * All stakeholders of the map in a table: sorted by clicking a column header (again for the
 * other direction), searched by text, filtered by category and affectedness, edited in
 * place. A name asks `onShowOnBoard` to show the stakeholder's card and editor; the row
 * says so when it has no card.
 */
export function RegisterTable({
  registry,
  onShowOnBoard,
}: {
  registry: StakeholderRegistry
  /** Shows the stakeholder's card and opens its editor; false when it has no card. */
  onShowOnBoard(stakeholderId: string): boolean
}) {
  const { t, locale } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  const all = useValue('register', () => registry.all.get(), [registry])
  const [sort, setSort] = useState<{ column: RegisterSortColumn; direction: SortDirection }>({
    column: 'rank',
    direction: 'ascending',
  })
  const [query, setQuery] = useState('')
  const [category, setCategory] = useState<string>('')
  const [affected, setAffected] = useState<AffectedFilter>('all')
  const [missingCard, setMissingCard] = useState<string | null>(null)

  const rows: Row[] = prioritiseStakeholders(all).map((entry) => ({
    stakeholder: entry.stakeholder,
    rank: entry.rank,
    quadrant: engagementQuadrant(entry.stakeholder),
  }))
  const words = searchWords(query)
  const shown = sortRegister(
    rows
      .filter((row) => !category || row.stakeholder.category === category)
      .filter((row) => affected === 'all' || row.stakeholder.affected === (affected === 'affected'))
      .filter((row) => matchesRegisterSearch(row.stakeholder, words, locale)),
    sort.column,
    sort.direction,
    locale,
  )

  function sortBy(column: RegisterSortColumn) {
    setSort((previous) =>
      previous.column === column
        ? { column, direction: previous.direction === 'ascending' ? 'descending' : 'ascending' }
        : { column, direction: firstSortDirection(column) },
    )
  }

  function header(column: RegisterSortColumn, label: ReactNode) {
    const active = sort.column === column
    return (
      <th key={column} scope="col" aria-sort={active ? sort.direction : 'none'}>
        <button
          type="button"
          className="register__sort"
          data-testid={`register-sort-${column}`}
          onClick={() => sortBy(column)}
        >
          {label}
          <span className="register__sort-mark" aria-hidden="true">
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    )
  }

  const patch = (id: string, value: StakeholderPatch) => registry.patch(id, value)

  return (
    <section className="register" aria-labelledby="register-heading">
      <h3 id="register-heading">{t('register.heading')}</h3>
      <div className="register__controls">
        <label className="register__search">
          {t('register.search')}
          <input
            type="search"
            value={query}
            placeholder={t('register.search.placeholder')}
            onChange={(e) => setQuery(e.target.value)}
            data-testid="register-search"
          />
        </label>
        <label>
          {t('register.filter.category')}
          <select
            value={category}
            onChange={(e) => setCategory(e.target.value)}
            data-testid="register-category"
          >
            <option value="">{t('register.filter.allCategories')}</option>
            {STAKEHOLDER_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {CATEGORY_LABELS[locale][c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('register.filter.affected')}
          <select
            value={affected}
            onChange={(e) => setAffected(e.target.value as AffectedFilter)}
            data-testid="register-affected"
          >
            <option value="all">{t('register.filter.all')}</option>
            <option value="affected">{t('register.filter.affectedOnly')}</option>
            <option value="other">{t('register.filter.otherOnly')}</option>
          </select>
        </label>
      </div>
      <p className="panel__muted" aria-live="polite">
        {t('register.count', { shown: shown.length, total: rows.length })}
        {rows.length > 0 && shown.length === 0 && words.length > 0 && (
          <> — {t('register.noMatch', { query: query.trim() })}</>
        )}
      </p>
      {rows.length === 0 ? (
        <p className="panel__empty">{t('register.empty')}</p>
      ) : (
        <div className="register__scroll">
          <table>
            <thead>
              <tr>{COLUMNS.map(({ id, label }) => header(id, t(label)))}</tr>
            </thead>
            <tbody>
              {shown.map(({ stakeholder, rank, quadrant }) => {
                const salience = salienceAssessment(stakeholder)
                return (
                  <tr
                    key={stakeholder.id}
                    data-stakeholder-id={stakeholder.id}
                    data-group={
                      salience.status === 'assessed'
                        ? salienceGroup(salience.salienceClass)
                        : 'not-assessed'
                    }
                  >
                    <td>{rank}</td>
                    <th scope="row">
                      <button
                        type="button"
                        className="link-button"
                        aria-label={t('register.show', { name: stakeholder.name })}
                        onClick={() => {
                          const found = onShowOnBoard(stakeholder.id)
                          setMissingCard(found ? null : stakeholder.id)
                        }}
                      >
                        {stakeholder.name}
                      </button>
                      {missingCard === stakeholder.id && (
                        <span className="panel__muted"> — {t('register.noCard')}</span>
                      )}
                    </th>
                    <td>
                      <span
                        className={`pill${salience.status === 'assessed' ? '' : ' pill--unassessed'}`}
                        style={salienceBadgeColours(salience)}
                      >
                        {salienceAssessmentLabel(locale, salience)}
                      </span>
                    </td>
                    {(['power', 'legitimacy', 'urgency'] as const).map((attribute) => (
                      <td key={attribute}>
                        {readOnly ? (
                          (stakeholder[attribute] ?? '–')
                        ) : (
                          <select
                            aria-label={`${t(`field.${attribute}`)}: ${stakeholder.name}`}
                            value={
                              stakeholder[attribute] === null
                                ? ''
                                : String(Math.round(stakeholder[attribute]))
                            }
                            data-testid={`register-${attribute}`}
                            onChange={(e) =>
                              patch(stakeholder.id, {
                                [attribute]: e.target.value === '' ? null : Number(e.target.value),
                              })
                            }
                          >
                            <option value="">–</option>
                            {[1, 2, 3, 4, 5].map((score) => (
                              <option key={score} value={score}>
                                {score}
                              </option>
                            ))}
                          </select>
                        )}
                      </td>
                    ))}
                    {(['influence', 'impact'] as const).map((attribute) => (
                      <td key={attribute}>
                        {readOnly ? (
                          formatScoreText(stakeholder[attribute], locale) || '–'
                        ) : (
                          <RegisterScoreInput
                            label={`${t(`field.${attribute}`)}: ${stakeholder.name}`}
                            value={stakeholder[attribute]}
                            draftKey={`${stakeholder.id}/${attribute}`}
                            testId={`register-${attribute}`}
                            onCommit={(value) => patch(stakeholder.id, { [attribute]: value })}
                          />
                        )}
                      </td>
                    ))}
                    <td className={`quadrant--${quadrant}`} data-testid="register-quadrant">
                      {QUADRANT_LABELS[locale][quadrant]}
                    </td>
                    <td>{stakeholder.affected ? t('common.yes') : t('common.no')}</td>
                    <td>{CATEGORY_LABELS[locale][stakeholder.category]}</td>
                    <td>{ENGAGEMENT_STATUS_LABELS[locale][stakeholder.engagement.status]}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  )
}

/**
 * Influence or impact in a table cell: 1–5, fractions allowed (a decimal comma too), empty
 * for not assessed. Written through as you type, like the editor's fields; a refusal is
 * shown under the cell and the typed text stays.
 */
function RegisterScoreInput({
  label,
  value,
  draftKey,
  testId,
  onCommit,
}: {
  label: string
  value: number | null
  draftKey: string
  testId: string
  onCommit(value: number | null): WriteOutcome
}) {
  const { locale, t } = useTranslation()
  const errorId = `${draftKey}-error`
  const binding = useWriteThroughText({
    stored: formatScoreText(value, locale),
    draftKey,
    write: (text) => writeScoreText(text, value, onCommit),
    same: sameScoreText,
  })
  const error = binding.error && explain(t, validationMessage(binding.error, binding.text))
  return (
    <>
      <input
        type="text"
        inputMode="decimal"
        maxLength={12}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="register__number"
        value={binding.text}
        data-testid={testId}
        onChange={(e) => binding.onChange(e.target.value)}
        onFocus={binding.onFocus}
        onBlur={binding.onBlur}
        onKeyDown={(e) => {
          if (e.key === 'Enter') binding.flushNow()
          if (e.key === 'Escape') e.currentTarget.blur()
        }}
      />
      {error && (
        <p className="field__error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </>
  )
}
