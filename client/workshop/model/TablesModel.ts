/**
 * Table groups: the facilitator splits the people present over a number of tables
 * (shared/workshop/splitIntoTables.ts says who goes where), each table gets its own area on
 * the board (../tableGroups.ts), and a table's result can be brought into the plenary
 * boards. Each participant's page takes them to their table (useWorkshopEffects.ts).
 */
import { type Editor, type Signal, type TLShapeId, computed } from 'tldraw'
import { seatLateJoiners, splitIntoTables } from '../../../shared/workshop/splitIntoTables'
import type { Locale } from '../../i18n/locale'
import type { TableGroups } from '../../../shared/workshop/tableGroups'
import type { StakeholderRegistry } from '../../stakeholders/StakeholderRegistry'
import { bringGroupIntoPlenary, ensureGroupAreas, groupShapeIds } from '../tableGroups'
import { tableFrameOn } from '../../canvas/boardAreas'
import type { Participant } from './ParticipantsModel'
import type { WorkshopDocument } from './WorkshopDocument'

/** The tables, who sits at which, and the facilitator's actions on them. */
export class TablesModel {
  /** The current split, or null when the room works as one group. */
  readonly groups = computed<TableGroups | null>(
    'table groups',
    () => this.document.facilitation.get().groups,
  )

  /** This person's table (0-based), or undefined when they have none. */
  readonly myTable = computed<number | undefined>(
    'my table',
    () => this.groups.get()?.assignments[this.document.self.get().userId],
  )

  /** The people known in this session at each table, table by table. */
  readonly seating = computed<Participant[][]>('seating', () => {
    const groups = this.groups.get()
    if (!groups) return []
    return Array.from({ length: groups.count }, (_, index) =>
      this.participants.get().filter((p) => groups.assignments[p.userId] === index),
    )
  })

  constructor(
    private readonly document: WorkshopDocument,
    private readonly registry: StakeholderRegistry,
    private readonly participants: Signal<Participant[]>,
  ) {}

  /**
   * Splits the people present over `count` tables, makes the tables' areas that do not exist
   * yet (named with `tableName`, in the facilitator's language `locale`) and shows them all.
   * Everyone at a table is taken there at once and stops following (useWorkshopEffects.ts);
   * those without a table, the projector among them, keep what they see.
   */
  split(editor: Editor, count: number, tableName: (number: number) => string, locale: Locale) {
    const groups = splitIntoTables(this.participants.get(), count, this.document.now())
    const frames = ensureGroupAreas(editor, groups.count, tableName, locale)
    this.document.setFacilitation('groups', groups)
    zoomToFrames(editor, frames)
  }

  /**
   * Seats participants who arrived after the split at the emptiest table (a facilitator's
   * page does this as they connect); writes nothing when nobody new needs a seat.
   */
  seatLateJoiners() {
    const groups = this.groups.get()
    if (!groups) return
    const seated = seatLateJoiners(groups, this.participants.get())
    if (seated !== groups) this.document.setFacilitation('groups', seated)
  }

  /** Ends the split: everyone works as one group again (the areas stay on the board). */
  end() {
    this.document.setFacilitation('groups', null)
  }

  /** Shows every table's area side by side. */
  showAll(editor: Editor) {
    const count = this.groups.get()?.count ?? 0
    zoomToFrames(
      editor,
      Array.from({ length: count }, (_, index) => groupShapeIds(index).frame),
    )
  }

  /**
   * Takes this person's view to their table: on the board the facilitator opened last when
   * it has a part for that table (phase 2's worksheets), else to the table's phase-1 area.
   */
  goToMine(editor: Editor) {
    const mine = this.myTable.get()
    if (mine === undefined) return
    const board = this.document.facilitation.get().openBoard?.board ?? null
    zoomToFrames(editor, [tableFrameOn(editor, board, mine)])
  }

  /** Puts table `index`'s cards on the plenary boards; answers how many it added. */
  bringToPlenary(editor: Editor, index: number): number {
    return bringGroupIntoPlenary(editor, this.registry, index)
  }
}

/** Zooms the editor's view to the frames that exist of `frameIds`. */
function zoomToFrames(editor: Editor, frameIds: readonly TLShapeId[]) {
  const bounds = frameIds
    .map((id) => editor.getShapePageBounds(id))
    .filter((b): b is NonNullable<typeof b> => b !== undefined)
  const [first, ...rest] = bounds
  if (!first) return
  const union = rest.reduce((all, b) => all.union(b), first.clone())
  editor.zoomToBounds(union, { animation: { duration: 300 }, inset: 40 })
}
