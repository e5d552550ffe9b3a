import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  ATTRIBUTES_OF_CLASS,
  attributesAt,
  classAt,
  findSlot,
  regionAnchor,
  regionRewritesScores,
  salienceCircles,
  scoresForRegion,
} from '../../../client/shapes/salience-diagram/salienceGeometry'
import { SALIENCE_CLASSES } from '../../../shared/scoring/classifySalience'
import { salienceAssessment } from '../../../shared/scoring/salienceAssessment'
import { COMPACT_CARD_SIZE } from '../../../client/shapes/stakeholder-card/stakeholderCardShape'

describe('salience diagram geometry', () => {
  it('draws three equal circles inside the shape', () => {
    const circles = salienceCircles(900, 800)
    expect(circles.map((c) => c.attribute)).toEqual(['power', 'legitimacy', 'urgency'])
    for (const c of circles) {
      expect(c.cx - c.r).toBeGreaterThanOrEqual(0)
      expect(c.cx + c.r).toBeLessThanOrEqual(900)
      expect(c.cy + c.r).toBeLessThanOrEqual(800)
    }
  })

  it.each(SALIENCE_CLASSES)(
    'the anchor of %s lies in its own region, at any size',
    (salienceClass) => {
      fc.assert(
        fc.property(
          fc.integer({ min: 300, max: 3000 }),
          fc.integer({ min: 300, max: 3000 }),
          (w, h) => {
            expect(classAt(regionAnchor(salienceClass, w, h), w, h)).toBe(salienceClass)
          },
        ),
      )
    },
  )

  it('the centre of each circle alone is in that circle', () => {
    const circles = salienceCircles(900, 800)
    for (const c of circles)
      expect(attributesAt({ x: c.cx, y: c.cy }, 900, 800).has(c.attribute)).toBe(true)
  })

  it.each(SALIENCE_CLASSES)(
    'dropping into %s assesses all three attributes as that class',
    (salienceClass) => {
      const arbitraryScore = fc.option(fc.integer({ min: 1, max: 5 }), { nil: null })
      fc.assert(
        fc.property(
          arbitraryScore,
          arbitraryScore,
          arbitraryScore,
          (power, legitimacy, urgency) => {
            const next = scoresForRegion({ power, legitimacy, urgency }, salienceClass)
            // Complete: the drop leaves no attribute unassessed, and says exactly this class.
            expect(salienceAssessment(next)).toEqual({
              status: 'assessed',
              salienceClass,
              missing: [],
            })
            expect(regionRewritesScores(salienceAssessment(next), salienceClass, true)).toBe(false)
          },
        ),
        { seed: 162, numRuns: 200 },
      )
    },
  )

  it('a drop in the "none" region of an unscored card judges every attribute absent', () => {
    const unscored = { power: null, legitimacy: null, urgency: null }
    expect(regionRewritesScores(salienceAssessment(unscored), 'non-stakeholder', true)).toBe(true)
    expect(scoresForRegion(unscored, 'non-stakeholder')).toEqual({
      power: 2,
      legitimacy: 2,
      urgency: 2,
    })
  })

  it('a card put in the diagram for the user never scores what nobody judged', () => {
    const unscored = salienceAssessment({ power: null, legitimacy: null, urgency: null })
    const provisional = salienceAssessment({ power: 4, legitimacy: null, urgency: null })
    expect(regionRewritesScores(unscored, 'non-stakeholder', false)).toBe(false)
    expect(regionRewritesScores(provisional, 'dormant', false)).toBe(false)
    expect(regionRewritesScores(provisional, 'dominant', false)).toBe(true)
    // The same provisional card dropped by the user in its region completes the judgement.
    expect(regionRewritesScores(provisional, 'dormant', true)).toBe(true)
  })

  it('changes as little as it can', () => {
    expect(scoresForRegion({ power: 5, legitimacy: 1, urgency: null }, 'dominant')).toEqual({
      power: 5,
      legitimacy: 3,
      urgency: 2,
    })
    expect(scoresForRegion({ power: 4, legitimacy: 4, urgency: 4 }, 'dormant')).toEqual({
      power: 4,
      legitimacy: 2,
      urgency: 2,
    })
    expect(ATTRIBUTES_OF_CLASS['non-stakeholder']).toEqual([])
  })
})

describe('finding a free place for a card in a region', () => {
  const W = 1100
  const H = 1000
  const card = COMPACT_CARD_SIZE

  it.each(SALIENCE_CLASSES)(
    'places up to three cards in %s, each in the region, none overlapping',
    (salienceClass) => {
      const placed: { x: number; y: number; w: number; h: number }[] = []
      for (let i = 0; i < 3; i++) {
        const slot = findSlot(salienceClass, W, H, card, placed)
        const centre = { x: slot.x + card.w / 2, y: slot.y + card.h / 2 }
        expect(classAt(centre, W, H)).toBe(salienceClass)
        for (const other of placed) {
          const apart =
            slot.x >= other.x + other.w ||
            other.x >= slot.x + card.w ||
            slot.y >= other.y + other.h ||
            other.y >= slot.y + card.h
          expect(apart).toBe(true)
        }
        placed.push({ ...slot, ...card })
      }
    },
  )
})
