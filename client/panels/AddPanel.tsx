import { type FormEvent, useRef, useState } from 'react'
import type { Editor } from 'tldraw'
import { addBoard, addStakeholderCards, freeSpotBesideContent } from '../canvas/boardActions'
import { useStoredDraft } from '../drafts/useStoredDraft'
import { useTranslation } from '../i18n/useTranslation'
import { MATRIX_TYPE } from '../shapes/influence-impact-matrix/matrixShape'
import { SALIENCE_DIAGRAM_TYPE } from '../shapes/salience-diagram/salienceDiagramShape'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { applySerPhase1Template } from '../templates/serPhase1Template'

/** Names from a pasted list: one per line, bullets and numbering removed, no duplicates. */
export function namesFromList(text: string): string[] {
  const seen = new Set<string>()
  const names: string[] = []
  for (const line of text.split(/\r?\n/)) {
    const name = line
      .replace(/^\s*(?:[-*•·–]|\d+[.)])\s*/, '')
      .trim()
      .slice(0, 200)
    const key = name.toLocaleLowerCase()
    if (!name || seen.has(key)) continue
    seen.add(key)
    names.push(name)
  }
  return names
}

/**
 * Quick add of one stakeholder or a pasted list, and adding boards. One added stakeholder is
 * selected on the board, and `onAddedOne` takes the keyboard to its editor.
 */
export function AddPanel({
  editor,
  registry,
  onAddedOne,
}: {
  editor: Editor
  registry: StakeholderRegistry
  onAddedOne(): void
}) {
  const { t, locale } = useTranslation()
  // What is typed here is kept until it is added, across tab switches and reloads.
  const [name, setName, clearName] = useStoredDraft('add/name')
  const [list, setList, clearList] = useStoredDraft('add/list')
  const [status, setStatus] = useState<string | null>(null)
  // After adding a list its button is disabled (nothing left to add), which would drop
  // keyboard focus to the page: it goes to the line saying how many were added.
  const statusRef = useRef<HTMLParagraphElement>(null)
  const listNames = namesFromList(list)

  function create(names: string[]) {
    const created = registry.createMany(names.map((n) => ({ name: n })))
    addStakeholderCards(
      editor,
      created.map((s) => s.id),
    )
    setStatus(t('add.many.added', { count: created.length }))
  }

  function onAddOne(event: FormEvent) {
    event.preventDefault()
    const trimmed = name.trim()
    if (!trimmed) return
    create([trimmed])
    clearName()
    onAddedOne()
  }

  function onAddList(event: FormEvent) {
    event.preventDefault()
    if (listNames.length === 0) return
    create(listNames)
    clearList()
    statusRef.current?.focus()
  }

  return (
    <section className="add-panel" aria-labelledby="add-heading">
      <h3 id="add-heading">{t('add.heading')}</h3>
      <form onSubmit={onAddOne} className="add-panel__form">
        <label htmlFor="quick-add-name">{t('add.one.label')}</label>
        <div className="add-panel__row">
          <input
            id="quick-add-name"
            value={name}
            maxLength={200}
            placeholder={t('add.one.placeholder')}
            onChange={(event) => setName(event.target.value)}
          />
          <button type="submit" className="button button--primary" disabled={!name.trim()}>
            {t('add.one.submit')}
          </button>
        </div>
      </form>
      <form onSubmit={onAddList} className="add-panel__form">
        <label htmlFor="quick-add-list">{t('add.many.label')}</label>
        <textarea
          id="quick-add-list"
          rows={6}
          value={list}
          placeholder={t('add.many.placeholder')}
          onChange={(event) => setList(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={listNames.length === 0}>
          {t('add.many.submit', { count: listNames.length })}
        </button>
      </form>
      <p
        ref={statusRef}
        tabIndex={-1}
        className="panel__muted"
        role="status"
        aria-live="polite"
        data-testid="add-status"
      >
        {status}
      </p>

      <h3>{t('add.boards.heading')}</h3>
      <div className="add-panel__boards">
        <button type="button" className="button" onClick={() => addBoard(editor, MATRIX_TYPE)}>
          {t('add.boards.matrix')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => addBoard(editor, SALIENCE_DIAGRAM_TYPE)}
        >
          {t('add.boards.salience')}
        </button>
        <button
          type="button"
          className="button"
          onClick={() => {
            const ids = applySerPhase1Template(editor, locale, {
              origin: freeSpotBesideContent(editor),
            })
            editor.select(...ids.slice(0, 3))
            editor.zoomToSelection({ animation: { duration: 300 } })
            editor.selectNone()
          }}
        >
          {t('add.boards.template')}
        </button>
        <p className="panel__muted">{t('add.boards.templateHint')}</p>
      </div>
    </section>
  )
}
