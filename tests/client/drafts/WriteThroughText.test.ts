import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import {
  patchStakeholder,
  putEntry,
  readStakeholder,
  writeStakeholder,
} from '../../../shared/document/stakeholderDocument'
import { sameScoreText } from '../../../shared/scoring/scoreText'
import { createContact, createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import { FieldDrafts } from '../../../client/drafts/FieldDrafts'
import { WRITE_PAUSE_MS, WriteThroughText } from '../../../client/drafts/WriteThroughText'

const ME = { who: 'me' }
const SOMEONE_ELSE = { who: 'someone else' }

/** A map with one stakeholder, and a count of the document changes made by this person. */
function mapWithOneStakeholder() {
  const doc = new Y.Doc()
  writeStakeholder(doc, createStakeholder({ id: 'sh-1', name: 'Cocoa farmers' }))
  const myChanges: Uint8Array[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === ME) myChanges.push(update)
  })
  const interests = () => {
    const stored = readStakeholder(doc, 'sh-1')
    return stored?.ok ? stored.value.interests : null
  }
  return { doc, myChanges, interests }
}

/** A controller for the interests field, fed the stored value like the React hook does. */
function interestsField(doc: Y.Doc, drafts = new FieldDrafts('map-1', null)) {
  const field = new WriteThroughText(
    '',
    (text) => patchStakeholder(doc, 'sh-1', { interests: text }, { origin: ME }),
    drafts,
    'sh-1/interests',
  )
  doc.on('update', () => {
    const record = readStakeholder(doc, 'sh-1')
    if (record?.ok) field.setStored(record.value.interests)
  })
  return field
}

/** Types `text` one character at a time, `gapMs` apart. */
function typeSlowly(field: WriteThroughText, text: string, gapMs: number) {
  for (let length = 1; length <= text.length; length++) {
    field.type(text.slice(0, length))
    vi.advanceTimersByTime(gapMs)
  }
}

describe('a text field written through to the document', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('writes once per pause in typing, not once per keystroke', () => {
    const { doc, myChanges, interests } = mapWithOneStakeholder()
    const field = interestsField(doc)
    field.focus()
    typeSlowly(field, 'Fair prices', 150)
    expect(myChanges).toHaveLength(0)
    vi.advanceTimersByTime(WRITE_PAUSE_MS)
    expect(myChanges).toHaveLength(1)
    expect(interests()).toBe('Fair prices')
    typeSlowly(field, 'Fair prices and schools', 150)
    vi.advanceTimersByTime(WRITE_PAUSE_MS)
    expect(myChanges).toHaveLength(2)
    expect(interests()).toBe('Fair prices and schools')
  })

  it('writes at once when the person leaves the field or it goes away', () => {
    const { doc, interests } = mapWithOneStakeholder()
    const left = interestsField(doc)
    left.focus()
    left.type('Typed, then Tab')
    left.blur()
    expect(interests()).toBe('Typed, then Tab')

    const unmounted = interestsField(doc)
    unmounted.focus()
    unmounted.type('Typed, then a click on the canvas')
    unmounted.unmount()
    expect(interests()).toBe('Typed, then a click on the canvas')
  })

  it("keeps the person's text when someone else changes the field meanwhile", () => {
    const { doc, interests } = mapWithOneStakeholder()
    const field = interestsField(doc)
    field.focus()
    field.type('Mine: living income')
    vi.advanceTimersByTime(WRITE_PAUSE_MS)
    patchStakeholder(doc, 'sh-1', { interests: 'Theirs' }, { origin: SOMEONE_ELSE })
    expect(field.getState()).toMatchObject({ text: 'Mine: living income', changedElsewhere: true })
    field.type('Mine: living income, schools')
    field.blur()
    expect(interests()).toBe('Mine: living income, schools')
    expect(field.getState().changedElsewhere).toBe(false)
  })

  it('after Enter, shows what others write next and leaving does not write the old text back', () => {
    const { doc, myChanges, interests } = mapWithOneStakeholder()
    const field = interestsField(doc)
    field.focus()
    field.type('Mine')
    field.flush('leave') // Enter: written, and the field keeps focus
    expect(myChanges).toHaveLength(1)
    patchStakeholder(doc, 'sh-1', { interests: 'Theirs, later' }, { origin: SOMEONE_ELSE })
    expect(field.getState()).toMatchObject({ text: 'Theirs, later', changedElsewhere: false })
    field.blur()
    expect(myChanges).toHaveLength(1)
    expect(interests()).toBe('Theirs, later')
  })

  it("written at a pause, then left without more typing: someone else's later value stays", () => {
    const { doc, myChanges, interests } = mapWithOneStakeholder()
    const field = interestsField(doc)
    field.focus()
    field.type('Mine')
    vi.advanceTimersByTime(WRITE_PAUSE_MS)
    patchStakeholder(doc, 'sh-1', { interests: 'Theirs, later' }, { origin: SOMEONE_ELSE })
    expect(field.getState()).toMatchObject({ text: 'Mine', changedElsewhere: true })
    field.blur()
    expect(myChanges).toHaveLength(1)
    expect(interests()).toBe('Theirs, later')
    expect(field.getState()).toMatchObject({ text: 'Theirs, later', changedElsewhere: false })
  })

  it('follows the document while the person has not typed in the field', () => {
    const { doc } = mapWithOneStakeholder()
    const field = interestsField(doc)
    field.focus()
    patchStakeholder(
      doc,
      'sh-1',
      { interests: 'Written by someone else' },
      { origin: SOMEONE_ELSE },
    )
    expect(field.getState()).toMatchObject({
      text: 'Written by someone else',
      changedElsewhere: false,
    })
  })

  it('after leaving the field, shows what others write next', () => {
    const { doc } = mapWithOneStakeholder()
    const field = interestsField(doc)
    field.focus()
    field.type('Mine')
    field.blur()
    patchStakeholder(doc, 'sh-1', { interests: 'Theirs, later' }, { origin: SOMEONE_ELSE })
    expect(field.getState().text).toBe('Theirs, later')
  })

  it('keeps a refused value in the field and the drafts, with the error once the person leaves', () => {
    const doc = new Y.Doc()
    // Contacts live in the map's confidential document (owners and facilitators only).
    const confidential = new Y.Doc()
    writeStakeholder(doc, createStakeholder({ id: 'sh-1', name: 'Cocoa farmers' }))
    putEntry(doc, 'sh-1', 'contacts', { ...createContact('c-1'), name: 'Ama' }, { confidential })
    const drafts = new FieldDrafts('map-1', null)
    const emailField = () =>
      new WriteThroughText(
        '',
        (email) =>
          putEntry(
            doc,
            'sh-1',
            'contacts',
            { ...createContact('c-1'), name: 'Ama', email },
            { confidential },
          ),
        drafts,
        'sh-1/contacts/c-1/email',
      )
    const field = emailField()
    field.focus()
    field.type('ama.example.org')
    vi.advanceTimersByTime(WRITE_PAUSE_MS)
    // Still typing: no error yet, and nothing written.
    expect(field.getState().error).toBeNull()
    field.unmount()
    expect(drafts.get('sh-1/contacts/c-1/email')).toBe('ama.example.org')

    // The editor opens again: the refused text is back, with its error at the field.
    const again = emailField()
    again.mount()
    expect(again.getState().text).toBe('ama.example.org')
    expect(again.getState().error?.path).toBe('contacts[0].email')
    again.focus()
    again.type('ama@example.org')
    again.blur()
    expect(again.getState().error).toBeNull()
    expect(drafts.get('sh-1/contacts/c-1/email')).toBeUndefined()
    const stored = readStakeholder(doc, 'sh-1', confidential)
    expect(stored?.ok && stored.value.contacts[0]!.email).toBe('ama@example.org')
  })

  it('does not flag a score as changed elsewhere when only its notation differs', () => {
    const drafts = new FieldDrafts('map-1', null)
    let written: string | null = null
    const field = new WriteThroughText(
      '',
      (text) => {
        written = text
        return { ok: true }
      },
      drafts,
      'sh-1/influence',
      sameScoreText,
    )
    field.focus()
    field.type('2.5')
    vi.advanceTimersByTime(WRITE_PAUSE_MS)
    // The document's value comes back written the Dutch way.
    field.setStored('2,5')
    expect(written).toBe('2.5')
    expect(field.getState().changedElsewhere).toBe(false)
  })
})
