/**
 * A revealed result as a table: per row (a scored attribute, an SER element) the median and
 * the range, disagreement flagged in words, not by colour alone. Scoring and evaluation
 * rounds show theirs with it.
 */
import type { AttributeAggregate } from '../../../shared/scoring/aggregateRatings'
import { formatScoreText } from '../../../shared/scoring/scoreText'
import { useTranslation } from '../../i18n/useTranslation'

/** One row: its key (for tests), what it is called, and its aggregate. */
export interface AggregateRow {
  key: string
  label: string
  aggregate: AttributeAggregate
}

export function AggregatesTable({
  heading,
  rows,
  testId,
}: {
  /** The first column's heading. */
  heading: string
  rows: readonly AggregateRow[]
  testId: string
}) {
  const { locale, t } = useTranslation()
  return (
    <table className="exchange__table" data-testid={testId}>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">{t('workshop.scoring.median')}</th>
          <th scope="col">{t('workshop.scoring.range')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, label, aggregate }) => (
          <tr
            key={key}
            data-testid={`${testId}-${key}`}
            className={aggregate.disagreement ? 'workshop__disagree' : undefined}
          >
            <th scope="row">{label}</th>
            <td>{formatScoreText(aggregate.median, locale) || '–'}</td>
            <td>
              {aggregate.count > 0
                ? `${formatScoreText(aggregate.min, locale)}–${formatScoreText(aggregate.max, locale)}`
                : '–'}
              {aggregate.disagreement && ` ⚠ ${t('workshop.card.disagreement')}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
