import type { TLComponents } from 'tldraw'
import { MatrixDragReadout } from '../shapes/influence-impact-matrix/MatrixDragReadout'

/**
 * What the map changes in tldraw's UI: the readout of a matrix drag in front of the
 * canvas. A module constant: tldraw wants the same object on every render.
 */
export const boardComponents: TLComponents = {
  InFrontOfTheCanvas: MatrixDragReadout,
}
