/** The group's revealed scores: median and range per attribute, disagreement flagged. */
import { type AggregatedRatings, RATING_ATTRIBUTES } from '../../../shared/scoring/aggregateRatings'
import { useTranslation } from '../../i18n/useTranslation'
import { AggregatesTable } from './AggregatesTable'

export function ScoringResult({ result }: { result: AggregatedRatings }) {
  const { t } = useTranslation()
  return (
    <AggregatesTable
      heading={t('workshop.scoring.attribute')}
      testId="scoring-result"
      rows={RATING_ATTRIBUTES.map((attribute) => ({
        key: attribute,
        label: t(`field.${attribute}`),
        aggregate: result[attribute],
      }))}
    />
  )
}
