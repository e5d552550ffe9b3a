/**
 * Which of the model's alerts a card shows on the board: the warnings (the engagement may
 * fall short), not the notes on an incomplete record, which nearly every new card has and
 * which the side panel lists. Computed per card from its own record and whether the ones it
 * says it represents are on the map, so a change to one stakeholder re-renders only the
 * cards it concerns, not every card of a large map.
 */
import { ALERT_LABELS, formatLabel } from '../../../shared/labels/modelLabels'
import { type EngagementAlert, engagementAlerts } from '../../../shared/scoring/engagementAlerts'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'
import type { Locale } from '../../i18n/locale'
import { translate } from '../../i18n/useTranslation'

/** The warnings for `stakeholder` as its card shows them. */
export function cardWarnings(
  stakeholder: Stakeholder,
  isOnMap: (stakeholderId: string) => boolean,
): EngagementAlert[] {
  // "Represents stakeholders not on this map" needs only which represented ids exist.
  const represented = stakeholder.represents.filter(isOnMap).map((id) => ({ id }))
  return engagementAlerts(stakeholder, { stakeholders: represented }).filter(
    (alert) => alert.level === 'warning',
  )
}

/**
 * "2 points of attention: A; B", for the badge's accessible name and tooltip; `more` are
 * warnings already in words (overdue commitments).
 */
export function warningsLabel(
  warnings: readonly EngagementAlert[],
  locale: Locale,
  more: readonly string[] = [],
): string {
  const texts = warnings
    .map((alert) => formatLabel(locale, ALERT_LABELS[locale][alert.code], alert.params))
    .concat(more)
  return translate(locale, 'card.alerts', { count: texts.length, alerts: texts.join('; ') })
}
