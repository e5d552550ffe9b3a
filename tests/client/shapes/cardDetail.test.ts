/**
 * How much of a card is drawn by zoom: on a laptop the name alone from 30 % down, nothing
 * but the outline from 12 % down; on a projector (presenter mode) the name alone, large,
 * until the whole card's own name is 24 px on the screen.
 */
import { describe, expect, it } from 'vitest'
import {
  PRESENTER_FULL_CARD_ZOOM,
  cardDetailAt,
} from '../../../client/shapes/stakeholder-card/cardRendering'

describe('card detail by zoom', () => {
  it('on a laptop: full, then the name, then the outline', () => {
    expect(cardDetailAt(1)).toBe('full')
    expect(cardDetailAt(0.29)).toBe('name')
    expect(cardDetailAt(0.11)).toBe('outline')
  })

  it('presenting: the name large at every zoom below 200 %, then the whole card', () => {
    for (const zoom of [0.05, 0.11, 0.29, 0.4, 1, 1.9])
      expect(cardDetailAt(zoom, true)).toBe('presenter')
    expect(cardDetailAt(PRESENTER_FULL_CARD_ZOOM, true)).toBe('full')
    expect(cardDetailAt(5.6, true)).toBe('full')
    // The card's smallest name type (12 px) is 24 px on screen from there.
    expect(12 * PRESENTER_FULL_CARD_ZOOM).toBeGreaterThanOrEqual(24)
  })
})
