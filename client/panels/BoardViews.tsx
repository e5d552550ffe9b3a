/**
 * Where the selected stakeholder is shown on the board: in the matrix, in the salience
 * diagram, both or neither, with a one-click "show in …" for a board that does not show it
 * yet (the policy is showInBoard.ts). Shown in the editor under what the model says.
 */
import { useEffect, useRef, useState } from 'react'
import { type Editor, useValue } from 'tldraw'
import type { Stakeholder } from '../../shared/stakeholder/Stakeholder'
import {
  type BoardKind,
  boardsOfKind,
  cardsOnBoards,
  hasScoresFor,
  showInBoard,
} from '../canvas/showInBoard'
import { useTranslation } from '../i18n/useTranslation'

const KINDS: readonly BoardKind[] = ['matrix', 'salience']

/** One line per kind of board on the page: shown there, a button to show it, or why not. */
export function BoardViews({ editor, stakeholder }: { editor: Editor; stakeholder: Stakeholder }) {
  const { t } = useTranslation()
  const views = useValue(
    'board views',
    () =>
      KINDS.map((kind) => ({
        kind,
        shown: cardsOnBoards(editor, stakeholder.id, kind).length > 0,
        boards: boardsOfKind(editor, kind).length,
      })),
    [editor, stakeholder.id],
  )
  // The button goes once the card is shown: focus moves to the line that replaces it.
  const [placed, setPlaced] = useState<BoardKind | null>(null)
  const shownRef = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    if (placed && shownRef.current) {
      shownRef.current.focus()
      setPlaced(null)
    }
  }, [placed, views])
  const lines = views.filter((view) => view.boards > 0)
  if (lines.length === 0) return null
  return (
    <section className="board-views" aria-label={t('boards.heading')}>
      <h3>{t('boards.heading')}</h3>
      <ul>
        {lines.map(({ kind, shown }) => (
          <li key={kind} data-testid={`board-view-${kind}`} data-shown={shown}>
            {shown ? (
              <span ref={kind === placed ? shownRef : undefined} tabIndex={-1}>
                ✓ {t(`boards.${kind}.shown`)}
              </span>
            ) : hasScoresFor(kind, stakeholder) ? (
              <button
                type="button"
                className="button"
                onClick={() => {
                  showInBoard(editor, stakeholder, kind, { undoable: true })
                  setPlaced(kind)
                }}
              >
                {t(`boards.${kind}.place`)}
              </button>
            ) : (
              <span className="panel__muted">{t(`boards.${kind}.needsScores`)}</span>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}
