import type { TLUiOverrides } from 'tldraw'
import { STAKEHOLDER_CARD_TYPE } from './stakeholderCardShape'

/**
 * The card shape's name in tldraw's own messages: a screen reader selecting a card hears
 * "Trade union FNV: Definitive, Stakeholder card. Shape 3 of 12" instead of a message key.
 */
export const cardShapeMessages: TLUiOverrides = {
  translations: {
    en: { [`tool.${STAKEHOLDER_CARD_TYPE}`]: 'Stakeholder card' },
    nl: { [`tool.${STAKEHOLDER_CARD_TYPE}`]: 'Stakeholderkaart' },
  },
}
