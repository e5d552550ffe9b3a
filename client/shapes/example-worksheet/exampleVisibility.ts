import type { TLShape } from 'tldraw'
import type { Phase2BoardModel } from '../../workshop/model/Phase2BoardModel'
import { EXAMPLE_WORKSHEET_TYPE } from './exampleWorksheetShape'

/**
 * tldraw's `getShapeVisibility` for the map: the filled-in example is hidden from
 * participants (editors and viewers) until the trainer shows it; the trainers always see it,
 * marked as hidden, so they can find and show it. tldraw re-reads this when the setting
 * changes (it follows the signals read here).
 */
export function exampleVisibility(phase2: Phase2BoardModel) {
  return (shape: TLShape): 'hidden' | 'inherit' =>
    shape.type === EXAMPLE_WORKSHEET_TYPE && !phase2.canEdit && !phase2.exampleShown.get()
      ? 'hidden'
      : 'inherit'
}
