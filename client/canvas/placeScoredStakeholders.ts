/**
 * Scores given by this user anywhere (the register, the editor, adopting the group's
 * medians, undoing an edit of the record) put the stakeholder on the board that shows
 * them when it has no card there yet (showInBoard.ts): a change of influence or impact
 * that leaves both scored, on a matrix; a change of power, legitimacy or urgency, on a
 * salience diagram. Its card on the open canvas moves in, or it gets a new card.
 *
 * Only the browser whose user changed the scores (a local Yjs transaction) places the
 * card, so two browsers never add two cards for one change; the others see it arrive.
 * New records (quick add, imports) are left where their own code puts them.
 */
import type { Editor } from 'tldraw'
import type * as Y from 'yjs'
import { stakeholdersMap } from '../../shared/document/stakeholderDocument'
import type { Stakeholder } from '../../shared/stakeholder/Stakeholder'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import { type BoardKind, showInBoard } from './showInBoard'

/** The scores that decide each kind of board. */
const SCORES_OF_BOARD: Record<BoardKind, readonly (keyof Stakeholder)[]> = {
  matrix: ['influence', 'impact'],
  salience: ['power', 'legitimacy', 'urgency'],
}

/** Starts placing scored stakeholders; returns a function that stops it. */
export function placeScoredStakeholders(
  editor: Editor,
  registry: StakeholderRegistry,
  doc: Y.Doc,
): () => void {
  // The records as last seen, to tell which scores a transaction changed.
  const known = new Map<string, Stakeholder>()
  for (const stakeholder of registry.all.get()) known.set(stakeholder.id, stakeholder)

  const onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const ids = new Set<string>()
    for (const event of events) {
      const [first] = event.path
      if (typeof first === 'string') ids.add(first)
      else for (const key of event.keys.keys()) ids.add(key)
    }
    // After the registry has read the change, and outside the Yjs transaction.
    queueMicrotask(() => {
      for (const id of ids) {
        const before = known.get(id)
        const after = registry.get(id)
        if (after) known.set(id, after)
        else known.delete(id)
        if (!transaction.local || !before || !after || editor.getIsReadonly()) continue
        for (const kind of ['matrix', 'salience'] as const) {
          if (SCORES_OF_BOARD[kind].some((key) => before[key] !== after[key])) {
            showInBoard(editor, after, kind, { undoable: false })
          }
        }
      }
    })
  }
  stakeholdersMap(doc).observeDeep(onChange)
  return () => stakeholdersMap(doc).unobserveDeep(onChange)
}
