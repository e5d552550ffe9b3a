/**
 * A field whose value was already written, and left without new typing, does not write that
 * old value back over someone else's later change. Found in a walk-through: a facilitator
 * typed impact 2 in the register and pressed Enter (the field kept focus), a participant
 * then moved the card to impact 4, and the facilitator's click on another tab put 2 back.
 * Now the focused field shows the participant's value, and leaving it writes nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  type MapWithRolePages,
  addStakeholders,
  openEditorOn,
  openMapWithRolePages,
} from './mapWithRolePages'
import { zoomToFit } from './browserFixture'

const FARMERS = 'Cocoa farmers'

describe('a field left without new typing keeps what someone else wrote meanwhile', () => {
  let setup: MapWithRolePages<'owner' | 'editor'>

  beforeAll(async () => {
    setup = await openMapWithRolePages({ title: 'Cocoa scores', roles: ['owner', 'editor'] })
    await addStakeholders(setup.pages.owner.page, [FARMERS])
    await zoomToFit(setup.pages.editor.page)
  })

  afterAll(async () => {
    await setup?.close()
  })

  /** Lets the owner's page send anything a tab switch wrote, before the server is asked. */
  async function settle() {
    await setup.pages.owner.page.waitForTimeout(1000)
  }

  it('register: Enter, then the card is moved elsewhere, then another tab', async () => {
    const owner = setup.pages.owner.page
    const editor = setup.pages.editor.page
    await owner.getByRole('tab', { name: 'Register' }).click()
    const impact = owner.getByLabel(`Impact of the company: ${FARMERS}`)
    await impact.click()
    await owner.keyboard.press('ControlOrMeta+A')
    await owner.keyboard.type('2')
    await owner.keyboard.press('Enter')
    await expect.poll(async () => (await setup.serverRecord(FARMERS))?.impact).toBe(2)
    expect(await impact.evaluate((input) => input === document.activeElement)).toBe(true)

    // The participant puts the card at influence 4.5, impact 4, through their own editor.
    await openEditorOn(editor, FARMERS)
    await editor.getByTestId('field-influence').fill('4.5')
    await editor.getByTestId('field-influence').press('Tab')
    await editor.getByTestId('field-impact').fill('4')
    await editor.getByTestId('field-impact').press('Tab')
    await expect
      .poll(async () => {
        const record = await setup.serverRecord(FARMERS)
        return [record?.influence, record?.impact]
      })
      .toEqual([4.5, 4])

    // The facilitator's focused field follows the document, and leaving it writes nothing.
    await expect.poll(() => impact.inputValue()).toBe('4')
    expect(await impact.evaluate((input) => input === document.activeElement)).toBe(true)
    await owner.getByRole('tab', { name: 'Stakeholder' }).click()
    await settle()
    const record = await setup.serverRecord(FARMERS)
    expect([record?.influence, record?.impact]).toEqual([4.5, 4])
    await expect.poll(() => editor.getByTestId('field-impact').inputValue()).toBe('4')
  })

  it('editor: Enter, then the register is changed elsewhere, then another tab', async () => {
    const owner = setup.pages.owner.page
    const editor = setup.pages.editor.page
    await openEditorOn(owner, FARMERS)
    const influence = owner.getByTestId('field-influence')
    await influence.click()
    await owner.keyboard.press('ControlOrMeta+A')
    await owner.keyboard.type('2')
    await owner.keyboard.press('Enter')
    await expect.poll(async () => (await setup.serverRecord(FARMERS))?.influence).toBe(2)

    await editor.getByRole('tab', { name: 'Register' }).click()
    const theirs = editor.getByLabel(`Influence on the company: ${FARMERS}`)
    await theirs.fill('3')
    await theirs.press('Enter')
    await expect.poll(async () => (await setup.serverRecord(FARMERS))?.influence).toBe(3)

    await expect.poll(() => influence.inputValue()).toBe('3')
    await owner.getByRole('tab', { name: 'Register' }).click()
    await settle()
    expect((await setup.serverRecord(FARMERS))?.influence).toBe(3)
  })

  it('a draft typed and not yet written still reaches the server on leaving', async () => {
    const owner = setup.pages.owner.page
    await openEditorOn(owner, FARMERS)
    await owner.getByTestId('field-impact').click()
    await owner.keyboard.press('ControlOrMeta+A')
    await owner.keyboard.type('1,5')
    await owner.getByRole('tab', { name: 'Register' }).click()
    await expect.poll(async () => (await setup.serverRecord(FARMERS))?.impact).toBe(1.5)
  })
})
