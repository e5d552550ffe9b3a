import { useValue } from 'tldraw'
import {
  ALERT_LABELS,
  PRIORITY_REASON_LABELS,
  QUADRANT_LABELS,
  formatLabel,
  salienceAssessmentLabel,
} from '../../../shared/labels/modelLabels'
import { engagementAlerts } from '../../../shared/scoring/engagementAlerts'
import { engagementQuadrant } from '../../../shared/scoring/engagementQuadrant'
import { prioritiseStakeholders } from '../../../shared/scoring/prioritiseStakeholders'
import { salienceAssessment } from '../../../shared/scoring/salienceAssessment'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'
import { useTranslation } from '../../i18n/useTranslation'
import { salienceBadgeColours } from '../../shapes/stakeholder-card/salienceColours'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'

/** Salience class, quadrant, engagement order and alerts: computed, never stored. */
export function ModelSummary({
  stakeholder,
  registry,
}: {
  stakeholder: Stakeholder
  registry: StakeholderRegistry
}) {
  const { t, locale } = useTranslation()
  const all = useValue('all stakeholders', () => registry.all.get(), [registry])
  const salience = salienceAssessment(stakeholder)
  const quadrant = engagementQuadrant(stakeholder)
  const order = prioritiseStakeholders(all)
  const place = order.find((entry) => entry.stakeholder.id === stakeholder.id)
  const alerts = engagementAlerts(stakeholder, { stakeholders: all })
  return (
    <section className="model-summary" aria-label={t('editor.section.model')}>
      <dl>
        <div>
          <dt>{t('model.salience')}</dt>
          <dd>
            <span
              className={`pill${salience.status === 'assessed' ? '' : ' pill--unassessed'}`}
              style={salienceBadgeColours(salience)}
              data-testid="model-salience"
            >
              {salienceAssessmentLabel(locale, salience)}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('model.quadrant')}</dt>
          <dd data-testid="model-quadrant">{QUADRANT_LABELS[locale][quadrant]}</dd>
        </div>
        {place && (
          <div>
            <dt>{t('model.priority')}</dt>
            <dd>
              {t('model.priorityRank', { rank: place.rank, total: order.length })}
              <ul className="model-summary__reasons">
                {place.reasons.map((reason) => (
                  <li key={reason.code}>
                    {formatLabel(
                      locale,
                      PRIORITY_REASON_LABELS[locale][reason.code],
                      reason.params,
                    )}
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
      <h4>{t('model.alerts')}</h4>
      {alerts.length === 0 ? (
        <p className="panel__muted">{t('model.noAlerts')}</p>
      ) : (
        <ul className="alerts">
          {alerts.map((alert, index) => (
            <li key={`${alert.code}-${index}`} className={`alert alert--${alert.level}`}>
              {formatLabel(locale, ALERT_LABELS[locale][alert.code], alert.params)}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
