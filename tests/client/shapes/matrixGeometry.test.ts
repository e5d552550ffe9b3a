import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  isInPlot,
  plotArea,
  pointForScores,
  scoresForPoint,
  snapScore,
} from '../../../client/shapes/influence-impact-matrix/matrixGeometry'
import { engagementQuadrant } from '../../../shared/scoring/engagementQuadrant'

const W = 900
const H = 700

describe('influence × impact matrix geometry', () => {
  it('puts the corners of the scale on the corners of the plot', () => {
    const plot = plotArea(W, H)
    expect(pointForScores({ influence: 1, impact: 1 }, W, H)).toEqual({
      x: plot.left,
      y: plot.bottom,
    })
    expect(pointForScores({ influence: 5, impact: 5 }, W, H)).toEqual({
      x: plot.right,
      y: plot.top,
    })
  })

  it.each([
    // influence, impact, quadrant of the point
    [4.5, 4.5, 'manage-closely'],
    [4.5, 1.5, 'keep-satisfied'],
    [1.5, 4.5, 'empower'],
    [1.5, 1.5, 'monitor'],
  ] as const)('influence %d / impact %d lands in %s', (influence, impact, quadrant) => {
    const point = pointForScores({ influence, impact }, W, H)
    const plot = plotArea(W, H)
    const right = point.x > plot.left + plot.width / 2
    const top = point.y < plot.top + plot.height / 2
    const expected = {
      'manage-closely': [true, true],
      'keep-satisfied': [false, true],
      empower: [true, false],
      monitor: [false, false],
    }[quadrant]
    expect([right, top]).toEqual(expected)
    expect(engagementQuadrant(scoresForPoint(point, W, H))).toBe(quadrant)
  })

  it('the centre of the plot is the midpoint 3 / 3, which counts as low', () => {
    const plot = plotArea(W, H)
    const centre = { x: plot.left + plot.width / 2, y: plot.top + plot.height / 2 }
    expect(scoresForPoint(centre, W, H)).toEqual({ influence: 3, impact: 3 })
    expect(engagementQuadrant(scoresForPoint(centre, W, H))).toBe('monitor')
  })

  it('clamps points outside the plot to the scale', () => {
    expect(scoresForPoint({ x: -500, y: 5000 }, W, H)).toEqual({ influence: 1, impact: 1 })
    expect(scoresForPoint({ x: 5000, y: -500 }, W, H)).toEqual({ influence: 5, impact: 5 })
    expect(isInPlot({ x: -1, y: 100 }, W, H)).toBe(false)
    expect(isInPlot(pointForScores({ influence: 3, impact: 3 }, W, H), W, H)).toBe(true)
  })

  it('a drop gives the nearest half point, never a precision like 1.49 or 3.99', () => {
    const plot = plotArea(W, H)
    const at = (impact: number, influence: number) => ({
      x: plot.left + ((impact - 1) / 4) * plot.width,
      y: plot.bottom - ((influence - 1) / 4) * plot.height,
    })
    expect(scoresForPoint(at(1.49, 3.99), W, H)).toEqual({ impact: 1.5, influence: 4 })
    expect(scoresForPoint(at(3.74, 3.76), W, H)).toEqual({ impact: 3.5, influence: 4 })
    expect(scoresForPoint(at(1.2, 4.9), W, H)).toEqual({ impact: 1, influence: 5 })
    // The midpoint stays low: a card dropped just right of it is 3, not high.
    expect(engagementQuadrant(scoresForPoint(at(3.2, 3.2), W, H))).toBe('monitor')
  })

  it('snaps any position to a half point within a quarter point of it', () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 5, noNaN: true }), (value) => {
        const snapped = snapScore(value)
        expect(Number.isInteger(snapped * 2)).toBe(true)
        expect(Math.abs(snapped - value)).toBeLessThanOrEqual(0.25)
      }),
    )
    expect(snapScore(0.2)).toBe(1)
    expect(snapScore(7)).toBe(5)
  })

  it('position → score → position is stable for any size and any half-point score', () => {
    const score = fc.integer({ min: 2, max: 10 }).map((n) => n / 2)
    fc.assert(
      fc.property(
        score,
        score,
        fc.integer({ min: 400, max: 3000 }),
        fc.integer({ min: 400, max: 3000 }),
        (influence, impact, w, h) => {
          const back = scoresForPoint(pointForScores({ influence, impact }, w, h), w, h)
          expect(back).toEqual({ influence, impact })
        },
      ),
    )
  })
})
