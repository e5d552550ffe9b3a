/**
 * Reading and driving the boards in the browser tests: shapes by type, the cards of a
 * stakeholder and where they sit, and points of a board on the screen.
 */
import type { Page } from 'playwright-core'
import type { TestEditor } from './browserFixture'

/** A shape as the tests read it from the page's editor. */
export type PageShape = ReturnType<TestEditor['getCurrentPageShapes']>[number]

/** Shapes of one type on the current page. */
export function shapesOfType(page: Page, type: string): Promise<PageShape[]> {
  return page.evaluate(
    (wanted) =>
      (window as unknown as { editor: TestEditor }).editor
        .getCurrentPageShapes()
        .filter((shape) => shape.type === wanted),
    type,
  )
}

/** The cards showing the stakeholder `stakeholderId`, with the type of board each is on. */
export function cardsOf(
  page: Page,
  stakeholderId: string,
): Promise<(PageShape & { board: string | null })[]> {
  return page.evaluate((id) => {
    const editor = (window as unknown as { editor: TestEditor }).editor
    return editor
      .getCurrentPageShapes()
      .filter((shape) => shape.type === 'stakeholder-card' && shape.props.stakeholderId === id)
      .map((card) => {
        const parent = editor.getShape(card.parentId)
        const board =
          parent?.type === 'influence-impact-matrix' || parent?.type === 'salience-diagram'
            ? parent.type
            : null
        return { ...card, board }
      })
  }, stakeholderId)
}

/** The stakeholder id of the card that shows `name`. */
export async function stakeholderIdOf(page: Page, name: string): Promise<string> {
  const id = await page
    .locator('.stakeholder-card', { hasText: name })
    .first()
    .getAttribute('data-stakeholder-id')
  if (!id) throw new Error(`no card for ${name}`)
  return id
}

/** Screen point of a point given in a board's own coordinates. */
export function boardPointOnScreen(page: Page, boardId: string, local: { x: number; y: number }) {
  return page.evaluate(
    ({ id, point }) => {
      const editor = (window as unknown as { editor: TestEditor }).editor
      const bounds = editor.getShapePageBounds(id)!
      return editor.pageToScreen({ x: bounds.x + point.x, y: bounds.y + point.y })
    },
    { id: boardId, point: local },
  )
}

/** Presses the mouse on `from` and moves it to `to` in small steps, without releasing. */
export async function dragAndHold(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + 12, from.y + 12, { steps: 4 })
  await page.mouse.move(to.x, to.y, { steps: 16 })
}
