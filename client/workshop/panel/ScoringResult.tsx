/** The group's revealed scores: median and range per attribute, disagreement flagged. */
import { type AggregatedRatings, RATING_ATTRIBUTES } from '../../../shared/scoring/aggregateRatings'
import { useTranslation } from '../../i18n/useTranslation'

export function ScoringResult({ result }: { result: AggregatedRatings }) {
  const { t } = useTranslation()
  return (
    <table className="exchange__table" data-testid="scoring-result">
      <thead>
        <tr>
          <th scope="col">{t('workshop.scoring.attribute')}</th>
          <th scope="col">{t('workshop.scoring.median')}</th>
          <th scope="col">{t('workshop.scoring.range')}</th>
        </tr>
      </thead>
      <tbody>
        {RATING_ATTRIBUTES.map((attribute) => {
          const aggregate = result[attribute]
          return (
            <tr
              key={attribute}
              className={aggregate.disagreement ? 'workshop__disagree' : undefined}
            >
              <th scope="row">{t(`field.${attribute}`)}</th>
              <td>{aggregate.median ?? '–'}</td>
              <td>
                {aggregate.count > 0 ? `${aggregate.min}–${aggregate.max}` : '–'}
                {aggregate.disagreement && ` ⚠ ${t('workshop.card.disagreement')}`}
              </td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
