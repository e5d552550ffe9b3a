/**
 * The facilitator's one action for phase 4: a follow-up board (templates/followUpBoardTemplate.ts)
 * for each table when the room is split into tables, each under its table's column below
 * everything on the board, or one plenary board beside the content otherwise. Boards that
 * exist are kept (fixed ids per table); answers the frames, to zoom to.
 */
import type { Editor, TLShapeId } from 'tldraw'
import type { TableGroups } from '../../shared/workshop/tableGroups'
import { freeSpotBesideContent } from '../canvas/boardActions'
import type { Locale } from '../i18n/locale'
import { FOLLOW_UP_BOARD_SIZE, applyFollowUpBoard } from '../templates/followUpBoardTemplate'
import { groupShapeIds } from './tableGroups'

const GAP = 300

export function addFollowUpBoards(
  editor: Editor,
  locale: Locale,
  groups: TableGroups | null,
  tableName: (n: number) => string,
): TLShapeId[] {
  if (groups === null || groups.count === 0) {
    return [
      applyFollowUpBoard(editor, locale, { prefix: 'ser4', origin: freeSpotBesideContent(editor) }),
    ]
  }
  const bounds = editor.getCurrentPageBounds()
  const top = bounds ? bounds.maxY + 400 : 0
  const left = bounds ? bounds.minX : 0
  const columns = Math.max(1, Math.ceil(Math.sqrt(groups.count)))
  const frames: TLShapeId[] = []
  editor.run(() => {
    for (let index = 0; index < groups.count; index++) {
      const table = editor.getShapePageBounds(groupShapeIds(index).frame)
      const column = index % columns
      const row = Math.floor(index / columns)
      frames.push(
        applyFollowUpBoard(editor, locale, {
          prefix: `table-${index}`,
          name: tableName(index + 1),
          origin: {
            x: table ? table.minX : left + column * (FOLLOW_UP_BOARD_SIZE.w + GAP),
            y: top + row * (FOLLOW_UP_BOARD_SIZE.h + GAP),
          },
        }),
      )
    }
  })
  return frames
}
