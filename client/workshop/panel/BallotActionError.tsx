/** Why the server refused the facilitator's reveal, close or end of a round, in their language. */
import { apiFailureReason } from '../../i18n/apiFailureReason'
import { useTranslation } from '../../i18n/useTranslation'

export function BallotActionError({ error }: { error: unknown }) {
  const { t, locale } = useTranslation()
  if (error === null) return null
  return (
    <p role="alert" className="exchange__warning">
      {t('workshop.ballot.actionFailed', { reason: apiFailureReason(locale, error) })}
    </p>
  )
}
