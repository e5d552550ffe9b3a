import { SVGContainer } from 'tldraw'
import { SALIENCE_CLASSES } from '../../../shared/scoring/classifySalience'
import {
  SALIENCE_ATTRIBUTE_LABELS,
  SALIENCE_CLASS_LABELS,
} from '../../../shared/labels/modelLabels'
import { useTranslation } from '../../i18n/useTranslation'
import { SALIENCE_COLOURS } from '../stakeholder-card/salienceColours'
import { StakeholderBoardShapeUtil } from '../StakeholderBoardShapeUtil'
import {
  SALIENCE_DIAGRAM_SIZE,
  SALIENCE_DIAGRAM_TYPE,
  type SalienceDiagramShape,
  salienceDiagramMigrations,
  salienceDiagramProps,
} from './salienceDiagramShape'
import { regionAnchor, salienceCircles } from './salienceGeometry'

/** The salience diagram: a frame-like container for stakeholder cards. */
export class SalienceDiagramShapeUtil extends StakeholderBoardShapeUtil<SalienceDiagramShape> {
  static override type = SALIENCE_DIAGRAM_TYPE
  static override props = salienceDiagramProps
  static override migrations = salienceDiagramMigrations

  override getDefaultProps(): SalienceDiagramShape['props'] {
    return { w: SALIENCE_DIAGRAM_SIZE.w, h: SALIENCE_DIAGRAM_SIZE.h, title: '' }
  }

  override component(shape: SalienceDiagramShape) {
    return (
      <SVGContainer>
        <SalienceBackground shape={shape} />
      </SVGContainer>
    )
  }
}

const CIRCLE_FILLS = { power: '#f7c6c2', legitimacy: '#c3dcf5', urgency: '#fbe3a6' } as const

function SalienceBackground({ shape }: { shape: SalienceDiagramShape }) {
  const { t, locale } = useTranslation()
  const { w, h } = shape.props
  const circles = salienceCircles(w, h)
  return (
    <g className="salience">
      <rect width={w} height={h} rx={12} fill="#ffffff" stroke="#c7ced6" strokeWidth={2} />
      <text
        x={24}
        y={40}
        className={`matrix__title${shape.props.title ? '' : ' matrix__title--long'}`}
      >
        {shape.props.title || t('salience.title')}
      </text>
      {/* On a projector the title is set large: the long one would run off the board, and
          the circles name the three attributes anyway. */}
      {!shape.props.title && (
        <text x={24} y={40} className="matrix__title matrix__title--short" display="none">
          {t('salience.title.short')}
        </text>
      )}
      {circles.map((c) => (
        <circle
          key={c.attribute}
          cx={c.cx}
          cy={c.cy}
          r={c.r}
          fill={CIRCLE_FILLS[c.attribute]}
          fillOpacity={0.55}
          stroke="#57606a"
          strokeWidth={2}
        />
      ))}
      {circles.map((c) => {
        // Attribute names sit inside each circle, on its outer edge, away from the overlaps.
        const position =
          c.attribute === 'urgency'
            ? { x: c.cx, y: c.cy + c.r - 24 }
            : c.attribute === 'power'
              ? { x: c.cx - c.r * 0.62, y: c.cy - c.r * 0.62 }
              : { x: c.cx + c.r * 0.62, y: c.cy - c.r * 0.62 }
        return (
          <text
            key={c.attribute}
            x={position.x}
            y={position.y}
            textAnchor="middle"
            className="salience__attribute"
          >
            {SALIENCE_ATTRIBUTE_LABELS[locale][c.attribute]}
          </text>
        )
      })}
      {SALIENCE_CLASSES.map((salienceClass) => {
        const anchor = regionAnchor(salienceClass, w, h)
        return (
          <text
            key={salienceClass}
            x={anchor.x}
            y={anchor.y}
            textAnchor="middle"
            className="salience__region"
            fill={SALIENCE_COLOURS[salienceClass]}
          >
            {SALIENCE_CLASS_LABELS[locale][salienceClass]}
          </text>
        )
      })}
    </g>
  )
}
