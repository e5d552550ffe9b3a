/**
 * How the report words a list of alerts, wherever they come from (a stakeholder's engagement
 * alerts, a dialogue plan's): the level in words before each message, so a warning reads as
 * one without colour, or one line saying there are none.
 */
import { escapeHtml } from './escapeHtml'
import type { ReportText } from './reportText'

/** One alert as the report prints it: its level and its message in the report's language. */
export interface ReportAlert {
  level: 'warning' | 'info'
  message: string
}

/** The alerts as a list, or the report's "No alerts." when there are none. */
export function alertListHtml(alerts: readonly ReportAlert[], text: ReportText): string {
  if (alerts.length === 0) return `<p>${escapeHtml(text.noAlerts)}</p>`
  return (
    '<ul>' +
    alerts
      .map(
        (alert) =>
          `<li class="alert-${alert.level}"><span class="visually-level">${escapeHtml(alert.level === 'warning' ? text.warning : text.info)}:</span> ` +
          `${escapeHtml(alert.message)}</li>`,
      )
      .join('') +
    '</ul>'
  )
}
