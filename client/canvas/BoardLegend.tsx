/**
 * The board's legend, opened from a button at the top right of the canvas: what the card
 * colours (salience classes, "not assessed" included), the badges on a card and the
 * matrix's quadrants mean. Drawn with the same colours and badge styles as the cards and
 * the matrix, in type large enough for a projector. Escape or the button closes it.
 */
import { useRef, useState } from 'react'
import { useEditor, usePassThroughWheelEvents, useValue } from 'tldraw'
import {
  QUADRANT_LABELS,
  SALIENCE_ATTRIBUTE_LABELS,
  SALIENCE_ASSESSMENT_LABELS,
  SALIENCE_CLASS_LABELS,
} from '../../shared/labels/modelLabels'
import { SALIENCE_CLASSES } from '../../shared/scoring/classifySalience'
import { useTranslation } from '../i18n/useTranslation'
import { QUADRANT_FILLS } from '../shapes/influence-impact-matrix/quadrantFills'
import { ATTRIBUTES_OF_CLASS } from '../shapes/salience-diagram/salienceGeometry'
import { AlertBadge } from '../shapes/stakeholder-card/AlertBadge'
import { SALIENCE_COLOURS } from '../shapes/stakeholder-card/salienceColours'

/** Quadrants as the matrix draws them: high influence on top, high impact on the right. */
const QUADRANT_GRID = ['keep-satisfied', 'manage-closely', 'monitor', 'empower'] as const

/** The "Legend" button and, when open, the legend under it (tldraw's top-right slot). */
export function BoardLegend() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const panel = useRef<HTMLDivElement>(null)
  // The wheel scrolls the legend when it is longer than the view, else zooms the canvas.
  usePassThroughWheelEvents(panel)
  const editor = useEditor()
  // The legend lies over the canvas, never past it (the side panel's width changes it).
  const view = useValue('canvas size', () => editor.getViewportScreenBounds(), [editor])
  return (
    <div
      ref={panel}
      className="board-legend"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return
        event.stopPropagation()
        setOpen(false)
      }}
      // Pointer moves over the legend are not the canvas's.
      onPointerMove={(event) => editor.markEventAsHandled(event)}
    >
      <button
        type="button"
        className="board-legend__toggle"
        aria-expanded={open}
        aria-controls="board-legend"
        onClick={() => setOpen((value) => !value)}
        data-testid="legend-toggle"
      >
        {t('legend.open')}
      </button>
      {open && (
        <section
          id="board-legend"
          className="board-legend__panel"
          aria-label={t('legend.open')}
          style={{ maxWidth: view.w - 24, maxHeight: view.h - 150 }}
        >
          <LegendContent />
        </section>
      )}
    </div>
  )
}

function LegendContent() {
  const { t, locale } = useTranslation()
  return (
    <>
      <h2>{t('legend.salience')}</h2>
      <ul className="board-legend__list board-legend__list--columns">
        {SALIENCE_CLASSES.map((salienceClass) => (
          <li key={salienceClass}>
            <span
              className="board-legend__swatch"
              style={{ background: SALIENCE_COLOURS[salienceClass] }}
            />
            <span>
              <strong>
                {salienceClass === 'non-stakeholder'
                  ? SALIENCE_ASSESSMENT_LABELS[locale]['assessed-absent']
                  : SALIENCE_CLASS_LABELS[locale][salienceClass]}
              </strong>
              <span className="board-legend__detail">
                {ATTRIBUTES_OF_CLASS[salienceClass].length === 0
                  ? t('legend.noAttributes')
                  : ATTRIBUTES_OF_CLASS[salienceClass]
                      .map((attribute) => SALIENCE_ATTRIBUTE_LABELS[locale][attribute])
                      .join(' + ')}
              </span>
            </span>
          </li>
        ))}
        <li>
          <span className="board-legend__swatch board-legend__swatch--unassessed" />
          <span>
            <strong>{SALIENCE_ASSESSMENT_LABELS[locale]['not-assessed']}</strong>
            <span className="board-legend__detail">{t('legend.notAssessed')}</span>
          </span>
        </li>
      </ul>

      <h2>{t('legend.badges')}</h2>
      <ul className="board-legend__list">
        <li>
          <span className="badge badge--affected">{t('card.affected')}</span>
          <span>{t('card.affected.title')}</span>
        </li>
        <li>
          <span className="badge badge--vulnerable">{t('card.vulnerable')}</span>
          <span>{t('card.vulnerable.title')}</span>
        </li>
        <li>
          <AlertBadge count={2} detail="full" />
          <span>{t('legend.alert')}</span>
        </li>
      </ul>

      <h2>{t('legend.quadrants')}</h2>
      <div className="board-legend__matrix">
        <span className="board-legend__axis board-legend__axis--influence">
          {t('legend.axis.influence')}
        </span>
        <div className="board-legend__quadrants">
          {QUADRANT_GRID.map((quadrant) => (
            <span key={quadrant} style={{ background: QUADRANT_FILLS[quadrant] }}>
              {QUADRANT_LABELS[locale][quadrant]}
            </span>
          ))}
        </div>
        <span className="board-legend__axis board-legend__axis--impact">
          {t('legend.axis.impact')}
        </span>
      </div>
    </>
  )
}
