/**
 * While a card is dragged inside a matrix, a small label beside it says the scores the drop
 * will set ("Influence 3.5 · impact 4", with the quadrant), in the UI language and its
 * decimal sign. It reads the same snapped scores the drop writes (matrixGeometry.ts), so
 * what the label says is what the record gets. Drawn in screen space, in front of the
 * canvas, so it stays readable at any zoom.
 */
import { type Editor, type TLShape, useEditor, useValue } from 'tldraw'
import { engagementQuadrant } from '../../../shared/scoring/engagementQuadrant'
import { QUADRANT_LABELS } from '../../../shared/labels/modelLabels'
import { useTranslation } from '../../i18n/useTranslation'
import {
  STAKEHOLDER_CARD_TYPE,
  type StakeholderCardShape,
} from '../stakeholder-card/stakeholderCardShape'
import { scoresForPoint } from './matrixGeometry'
import { MATRIX_TYPE, type MatrixShape } from './matrixShape'

/** What the readout shows, and where (viewport coordinates of the card's top edge). */
interface Readout {
  influence: number
  impact: number
  left: number
  top: number
  bottom: number
}

/** The scores a drop of the one card being dragged would set, or null when none applies. */
function dragReadout(editor: Editor): Readout | null {
  if (!editor.isIn('select.translating')) return null
  const [card, ...others] = editor.getSelectedShapes()
  if (!card || others.length > 0 || card.type !== STAKEHOLDER_CARD_TYPE) return null
  // While dragging, tldraw makes the board under the pointer the card's parent.
  const matrix = editor.getShape(card.parentId as TLShape['id'])
  if (matrix?.type !== MATRIX_TYPE) return null
  const { props, x, y } = card as StakeholderCardShape
  const { w, h } = (matrix as MatrixShape).props
  const scores = scoresForPoint({ x: x + props.w / 2, y: y + props.h / 2 }, w, h)
  const bounds = editor.getShapePageBounds(card)
  if (!bounds) return null
  const topLeft = editor.pageToViewport({ x: bounds.minX, y: bounds.minY })
  const bottom = editor.pageToViewport({ x: bounds.minX, y: bounds.maxY }).y
  return { ...scores, left: topLeft.x, top: topLeft.y, bottom }
}

/** The label beside a card being dragged in a matrix; nothing otherwise. */
export function MatrixDragReadout() {
  const editor = useEditor()
  const { t, locale } = useTranslation()
  const readout = useValue('matrix drag readout', () => dragReadout(editor), [editor])
  if (!readout) return null
  const number = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    maximumFractionDigits: 1,
  })
  const quadrant = engagementQuadrant(readout)
  // Above the card; below it when the card is near the top of the view.
  const above = readout.top > 64
  return (
    <div
      className="drag-readout"
      role="status"
      data-testid="matrix-drag-readout"
      data-influence={readout.influence}
      data-impact={readout.impact}
      style={{
        left: Math.max(4, readout.left),
        top: above ? readout.top - 8 : readout.bottom + 8,
        transform: above ? 'translateY(-100%)' : undefined,
      }}
    >
      <span className="drag-readout__scores">
        {t('matrix.readout', {
          influence: number.format(readout.influence),
          impact: number.format(readout.impact),
        })}
      </span>
      <span className="drag-readout__quadrant">{QUADRANT_LABELS[locale][quadrant]}</span>
    </div>
  )
}
