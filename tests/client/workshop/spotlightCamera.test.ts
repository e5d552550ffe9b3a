/**
 * A spotlight shows the card alike on every screen: the same share of a projector's and a
 * laptop's width or height, centred, never past tldraw's closest zoom.
 */
import { describe, expect, it } from 'vitest'
import {
  SPOTLIGHT_FILL,
  SPOTLIGHT_MAX_ZOOM,
  spotlightCamera,
} from '../../../client/workshop/spotlightCamera'

/** Where the card lands on the screen under `camera` (tldraw: screen = (page + camera) × z). */
function onScreen(
  card: { x: number; y: number; w: number; h: number },
  camera: ReturnType<typeof spotlightCamera>,
) {
  return {
    x: (card.x + camera.x) * camera.z,
    y: (card.y + camera.y) * camera.z,
    w: card.w * camera.z,
    h: card.h * camera.z,
  }
}

describe('the spotlight camera', () => {
  const card = { x: 2172, y: 512, w: 170, h: 76 }

  it('fills the same share of a projector and of a laptop, centred and whole', () => {
    for (const screen of [
      { w: 1920, h: 1080 },
      { w: 880, h: 750 },
      { w: 1280, h: 800 },
    ]) {
      const shown = onScreen(card, spotlightCamera(card, screen))
      expect(Math.max(shown.w / screen.w, shown.h / screen.h)).toBeCloseTo(SPOTLIGHT_FILL)
      expect(shown.x + shown.w / 2).toBeCloseTo(screen.w / 2)
      expect(shown.y + shown.h / 2).toBeCloseTo(screen.h / 2)
      expect(shown.x).toBeGreaterThan(0)
      expect(shown.y).toBeGreaterThan(0)
      expect(shown.x + shown.w).toBeLessThan(screen.w)
      expect(shown.y + shown.h).toBeLessThan(screen.h)
    }
  })

  it('a tall card is fitted by its height', () => {
    const tall = { x: 0, y: 0, w: 100, h: 400 }
    const shown = onScreen(tall, spotlightCamera(tall, { w: 1920, h: 1080 }))
    expect(shown.h / 1080).toBeCloseTo(SPOTLIGHT_FILL)
  })

  it('a tiny card is not zoomed closer than tldraw can', () => {
    const tiny = { x: 0, y: 0, w: 10, h: 5 }
    expect(spotlightCamera(tiny, { w: 1920, h: 1080 }).z).toBe(SPOTLIGHT_MAX_ZOOM)
  })
})
