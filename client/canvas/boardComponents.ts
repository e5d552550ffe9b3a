import type { TLComponents } from 'tldraw'
import { MatrixDragReadout } from '../shapes/influence-impact-matrix/MatrixDragReadout'
import { BoardLegend } from './BoardLegend'
import { StylePanelWhenStyled } from './StylePanelWhenStyled'

/**
 * What the map changes in tldraw's UI: the style panel only when there is something to
 * style, the legend button in the top-right slot (tldraw's share panel, unused here), and
 * the readout of a matrix drag in front of the canvas. A module constant: tldraw wants the
 * same object on every render.
 */
export const boardComponents: TLComponents = {
  StylePanel: StylePanelWhenStyled,
  SharePanel: BoardLegend,
  InFrontOfTheCanvas: MatrixDragReadout,
}
