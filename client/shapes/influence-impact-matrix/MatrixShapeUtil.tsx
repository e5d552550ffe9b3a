import { SVGContainer } from 'tldraw'
import type { EngagementQuadrant } from '../../../shared/scoring/engagementQuadrant'
import { QUADRANT_APPROACH_LABELS, QUADRANT_LABELS } from '../../../shared/labels/modelLabels'
import { useTranslation } from '../../i18n/useTranslation'
import { StakeholderBoardShapeUtil } from '../StakeholderBoardShapeUtil'
import {
  MATRIX_SIZE,
  MATRIX_TYPE,
  type MatrixShape,
  matrixMigrations,
  matrixProps,
} from './matrixShape'
import { plotArea, pointForScores } from './matrixGeometry'
import { QUADRANT_FILLS } from './quadrantFills'

/** The influence × impact matrix: a frame-like container for stakeholder cards. */
export class MatrixShapeUtil extends StakeholderBoardShapeUtil<MatrixShape> {
  static override type = MATRIX_TYPE
  static override props = matrixProps
  static override migrations = matrixMigrations

  override getDefaultProps(): MatrixShape['props'] {
    return { w: MATRIX_SIZE.w, h: MATRIX_SIZE.h, title: '' }
  }

  override component(shape: MatrixShape) {
    return (
      <SVGContainer>
        <MatrixBackground shape={shape} />
      </SVGContainer>
    )
  }
}

function MatrixBackground({ shape }: { shape: MatrixShape }) {
  const { t, locale } = useTranslation()
  const { w, h } = shape.props
  const plot = plotArea(w, h)
  const mid = pointForScores({ influence: 3, impact: 3 }, w, h)
  const quadrants: { id: Exclude<EngagementQuadrant, 'unassessed'>; x: number; y: number }[] = [
    { id: 'keep-satisfied', x: plot.left, y: plot.top },
    { id: 'manage-closely', x: mid.x, y: plot.top },
    { id: 'monitor', x: plot.left, y: mid.y },
    { id: 'empower', x: mid.x, y: mid.y },
  ]
  const ticks = [1, 2, 3, 4, 5]
  return (
    <g className="matrix">
      <rect width={w} height={h} rx={12} fill="#ffffff" stroke="#c7ced6" strokeWidth={2} />
      <text x={24} y={40} className="matrix__title">
        {shape.props.title || t('matrix.title')}
      </text>
      {quadrants.map((q) => (
        <g key={q.id} data-quadrant={q.id}>
          <rect
            x={q.x}
            y={q.y}
            width={plot.width / 2}
            height={plot.height / 2}
            fill={QUADRANT_FILLS[q.id]}
          />
          <foreignObject x={q.x + 12} y={q.y + 10} width={plot.width / 2 - 24} height={120}>
            <div className="matrix__quadrant-label">
              <strong>{QUADRANT_LABELS[locale][q.id]}</strong>
              <span>{QUADRANT_APPROACH_LABELS[locale][q.id]}</span>
            </div>
          </foreignObject>
        </g>
      ))}
      <rect
        x={plot.left}
        y={plot.top}
        width={plot.width}
        height={plot.height}
        fill="none"
        stroke="#8c959f"
        strokeWidth={2}
      />
      <line x1={mid.x} y1={plot.top} x2={mid.x} y2={plot.bottom} stroke="#8c959f" strokeWidth={2} />
      <line x1={plot.left} y1={mid.y} x2={plot.right} y2={mid.y} stroke="#8c959f" strokeWidth={2} />
      {ticks.map((score) => {
        const p = pointForScores({ influence: score, impact: score }, w, h)
        return (
          <g key={score} className="matrix__tick">
            <text x={p.x} y={plot.bottom + 24} textAnchor="middle">
              {score}
            </text>
            <text x={plot.left - 14} y={p.y + 6} textAnchor="end">
              {score}
            </text>
          </g>
        )
      })}
      <text
        x={plot.left + plot.width / 2}
        y={plot.bottom + 56}
        textAnchor="middle"
        className="matrix__axis"
      >
        {t('matrix.axis.impact')}
      </text>
      <text
        transform={`translate(${plot.left - 48} ${plot.top + plot.height / 2}) rotate(-90)`}
        textAnchor="middle"
        className="matrix__axis"
      >
        {t('matrix.axis.influence')}
      </text>
    </g>
  )
}
