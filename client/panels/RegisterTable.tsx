import { useContext, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import {
  CATEGORY_LABELS,
  ENGAGEMENT_STATUS_LABELS,
  QUADRANT_LABELS,
  salienceAssessmentLabel,
} from '../../shared/labels/modelLabels'
import { salienceGroup } from '../../shared/scoring/classifySalience'
import { salienceAssessment } from '../../shared/scoring/salienceAssessment'
import {
  type EngagementQuadrant,
  engagementQuadrant,
} from '../../shared/scoring/engagementQuadrant'
import { prioritiseStakeholders } from '../../shared/scoring/prioritiseStakeholders'
import { salienceScore } from '../../shared/scoring/salienceScore'
import { formatScoreText, sameScoreText } from '../../shared/scoring/scoreText'
import { STAKEHOLDER_CATEGORIES, type Stakeholder } from '../../shared/stakeholder/Stakeholder'
import type { StakeholderPatch } from '../../shared/document/stakeholderDocument'
import { revealStakeholder } from '../canvas/boardActions'
import { useWriteThroughText } from '../drafts/useWriteThroughText'
import type { WriteOutcome } from '../drafts/WriteThroughText'
import { useTranslation } from '../i18n/useTranslation'
import { salienceColour } from '../shapes/stakeholder-card/salienceColours'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { FieldsReadOnly, writeScoreText } from './fields'
import { explain, validationMessage } from './validationMessage'

type SortKey = 'priority' | 'salience' | 'quadrant' | 'name'
type AffectedFilter = 'all' | 'affected' | 'other'

/** Quadrants in the order the register lists them: those to engage most first. */
const QUADRANT_ORDER: readonly EngagementQuadrant[] = [
  'empower',
  'manage-closely',
  'keep-satisfied',
  'monitor',
  'unassessed',
]

interface Row {
  stakeholder: Stakeholder
  rank: number
  salience: number
  quadrant: EngagementQuadrant
}

/** All stakeholders of the map in a sortable, filterable, editable table. */
export function RegisterTable({
  editor,
  registry,
}: {
  editor: Editor
  registry: StakeholderRegistry
}) {
  const { t, locale } = useTranslation()
  const readOnly = useContext(FieldsReadOnly)
  const all = useValue('register', () => registry.all.get(), [registry])
  const [sortKey, setSortKey] = useState<SortKey>('priority')
  const [category, setCategory] = useState<string>('')
  const [affected, setAffected] = useState<AffectedFilter>('all')
  const [missingCard, setMissingCard] = useState<string | null>(null)

  const rows: Row[] = prioritiseStakeholders(all).map((entry) => ({
    stakeholder: entry.stakeholder,
    rank: entry.rank,
    salience: salienceScore(entry.stakeholder),
    quadrant: engagementQuadrant(entry.stakeholder),
  }))
  const shown = rows
    .filter((row) => !category || row.stakeholder.category === category)
    .filter((row) => affected === 'all' || row.stakeholder.affected === (affected === 'affected'))
    .sort((a, b) => {
      switch (sortKey) {
        case 'priority':
          return a.rank - b.rank
        case 'salience':
          return b.salience - a.salience || a.rank - b.rank
        case 'quadrant':
          return (
            QUADRANT_ORDER.indexOf(a.quadrant) - QUADRANT_ORDER.indexOf(b.quadrant) ||
            a.rank - b.rank
          )
        case 'name':
          return a.stakeholder.name.localeCompare(b.stakeholder.name, locale)
      }
    })

  const patch = (id: string, value: StakeholderPatch) => registry.patch(id, value)

  return (
    <section className="register" aria-labelledby="register-heading">
      <h3 id="register-heading">{t('register.heading')}</h3>
      <div className="register__controls">
        <label>
          {t('register.sort')}
          <select
            value={sortKey}
            onChange={(e) => setSortKey(e.target.value as SortKey)}
            data-testid="register-sort"
          >
            {(['priority', 'salience', 'quadrant', 'name'] as const).map((key) => (
              <option key={key} value={key}>
                {t(`register.sort.${key}`)}
              </option>
            ))}
          </select>
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
      </p>
      {rows.length === 0 ? (
        <p className="panel__empty">{t('register.empty')}</p>
      ) : (
        <div className="register__scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('register.col.rank')}</th>
                <th scope="col">{t('register.col.name')}</th>
                <th scope="col">{t('register.col.salience')}</th>
                <th scope="col">{t('field.power')}</th>
                <th scope="col">{t('field.legitimacy')}</th>
                <th scope="col">{t('field.urgency')}</th>
                <th scope="col">{t('field.influence')}</th>
                <th scope="col">{t('field.impact')}</th>
                <th scope="col">{t('register.col.quadrant')}</th>
                <th scope="col">{t('register.col.affected')}</th>
                <th scope="col">{t('register.col.category')}</th>
                <th scope="col">{t('register.col.status')}</th>
              </tr>
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
                          const found = revealStakeholder(editor, stakeholder.id)
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
                      <span className="pill" style={{ background: salienceColour(salience) }}>
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
