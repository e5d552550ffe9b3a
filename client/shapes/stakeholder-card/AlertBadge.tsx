import type { CardDetail } from './cardRendering'

/**
 * A warning sign with the number of warnings in the card's top-right corner, inside the card
 * so a card stacked under another shows nothing (cardRendering.ts). On a full card it names
 * the warnings for screen readers (shapes take no pointer events, so there is no tooltip:
 * selecting the card lists them in the panel); zoomed out it is drawn larger and the card's
 * own label names them.
 */
export function AlertBadge({
  count,
  label,
  detail,
}: {
  count: number
  label?: string
  detail: CardDetail
}) {
  return (
    <span
      className={`card-alert card-alert--${detail}`}
      data-testid="card-alert"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 2.5 22.5 21H1.5z" fill="#f2b705" stroke="#1b1f24" strokeWidth={1.6} />
        <path d="M12 9v5.5M12 17.4v.3" stroke="#1b1f24" strokeWidth={2.6} strokeLinecap="round" />
      </svg>
      {count > 1 && <span className="card-alert__count">{count}</span>}
    </span>
  )
}
