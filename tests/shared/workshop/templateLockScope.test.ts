import { describe, expect, it } from 'vitest'
import { templateLockScope } from '../../../shared/workshop/templateLockScope'

describe('what the template lock covers', () => {
  it('locks the frames and boards of a board, and leaves what the group moves free', () => {
    const page = [
      { id: 'shape:ser1-why', type: 'frame' },
      { id: 'shape:ser1-why-prompt-0', type: 'note' },
      { id: 'shape:ser1-prepare', type: 'frame' },
      { id: 'shape:ser1-prepare-checklist', type: 'text' },
      { id: 'shape:ser1-who', type: 'frame' },
      { id: 'shape:ser1-matrix', type: 'influence-impact-matrix' },
      { id: 'shape:ser1-salience', type: 'salience-diagram' },
      { id: 'shape:card-1', type: 'stakeholder-card' },
      { id: 'shape:arrow-1', type: 'arrow' },
      { id: 'shape:table-0-frame', type: 'frame' },
      { id: 'shape:table-0-matrix', type: 'influence-impact-matrix' },
      { id: 'shape:sketch', type: 'draw' },
    ]
    expect(templateLockScope(page).map((shape) => shape.id)).toEqual([
      'shape:ser1-why',
      'shape:ser1-prepare',
      'shape:ser1-who',
      'shape:ser1-matrix',
      'shape:ser1-salience',
      'shape:table-0-frame',
      'shape:table-0-matrix',
    ])
  })

  it('covers nothing on a page of cards and notes', () => {
    expect(
      templateLockScope([
        { id: 'a', type: 'stakeholder-card' },
        { id: 'b', type: 'note' },
      ]),
    ).toEqual([])
  })
})
