/**
 * The workshop of one map, for this client: its state as tldraw signals and every workshop
 * action, one part per job (model/): hands, agenda and timer, everyone's view, template
 * lock, tables, private scoring, dot voting, evaluating a dialogue, participants. Panels render the parts' signals
 * and call their actions; only the parts read and write the document, through the validated
 * readers and writers of shared/workshop, with this client's origin.
 */
import { type Signal, computed } from 'tldraw'
import type { Awareness } from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { AggregatedRatings } from '../../shared/scoring/aggregateRatings'
import type { FacilitationState } from '../../shared/workshop/facilitationState'
import { canEditMap, isRole } from '../../shared/protocol/roles'
import { DialogueRecords } from '../dialogues/DialogueRecords'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import type { ParticipantInfo } from '../sync/PresenceBinding'
import { AgendaModel } from './model/AgendaModel'
import { Phase2BoardModel } from './model/Phase2BoardModel'
import { HandsModel } from './model/HandsModel'
import { type Participant, ParticipantsModel } from './model/ParticipantsModel'
import type { BallotClient } from './model/BallotClient'
import { EvaluationModel } from './model/EvaluationModel'
import { ScoringModel } from './model/ScoringModel'
import { TablesModel } from './model/TablesModel'
import { TemplateLockModel } from './model/TemplateLockModel'
import { ViewRequestsModel } from './model/ViewRequestsModel'
import { VotingModel } from './model/VotingModel'
import { WorkshopDocument } from './model/WorkshopDocument'
import { serverNow } from './serverClock'

/** What a card shows on top of the record during a session. */
export interface CardDecoration {
  /** Dots from a closed vote. */
  votes?: number
  /** The group's private scores once revealed. */
  ratings?: AggregatedRatings
}

/** What the workshop model is made from. */
export interface WorkshopModelOptions {
  doc: Y.Doc
  /** Origin of this client's own writes. */
  origin: unknown
  /** Presence of everyone on the map; null where nobody else can be seen. */
  awareness: Awareness | null
  /** The map's stakeholder records (adopting scores writes them). */
  registry: StakeholderRegistry
  /** This person, as the others see them. */
  self: Signal<ParticipantInfo>
  /** The server's clock; serverNow unless a test sets its own. */
  now?: () => number
  /** Whether this page's own connection is up; absent: always (a test without a socket). */
  connected?: Signal<boolean>
  /** Renames a guest on the server (facilitators: e.g. to a role-play role); absent: cannot. */
  renameParticipant?: (guestId: string, name: string) => Promise<void>
  /** Hands this person's scores and dots to the server; absent: this page cannot. */
  ballots?: BallotClient
  /** The map's dialogue records (an evaluation round reads and makes evaluations); absent: its own. */
  dialogues?: DialogueRecords
  /** Phase 2's case card and example; absent: its own. */
  phase2?: Phase2BoardModel
}

/** Live workshop state and actions of one map. */
export class WorkshopModel {
  private readonly document: WorkshopDocument
  private readonly roster: ParticipantsModel
  readonly hands: HandsModel
  readonly agenda: AgendaModel
  readonly view: ViewRequestsModel
  readonly lock: TemplateLockModel
  readonly tables: TablesModel
  readonly scoring: ScoringModel
  readonly voting: VotingModel
  readonly evaluation: EvaluationModel
  /** Phase 2's board: the case card, the example's visibility. */
  readonly phase2: Phase2BoardModel
  /** The map's dialogue records (phase 2's worksheets are plans). */
  readonly dialogues: DialogueRecords
  /** Phase 2's model when this model made it itself, disposed with it. */
  private readonly ownPhase2: Phase2BoardModel | null
  /** Dialogue records this model made itself (none given), disposed with it. */
  private readonly ownDialogues: DialogueRecords | null

  /** Per stakeholder: vote dots after the vote closed, scores after they were revealed. */
  readonly decorations = computed<Map<string, CardDecoration>>('cardDecorations', () => {
    const decorations = new Map<string, CardDecoration>()
    for (const { stakeholderId, votes } of this.voting.tally.get()) {
      decorations.set(stakeholderId, { votes })
    }
    const round = this.scoring.round.get()
    const ratings = this.scoring.result.get()
    if (round && ratings) {
      const current = decorations.get(round.stakeholderId) ?? {}
      decorations.set(round.stakeholderId, { ...current, ratings })
    }
    return decorations
  })

  private readonly renameOnServer: WorkshopModelOptions['renameParticipant']
  /** The server's clock, which the participants' activity times are in. */
  readonly now: () => number
  /** Whether this page is connected: while it is not, nobody else's state is known. */
  readonly connected: Signal<boolean>

  constructor({
    doc,
    origin,
    awareness,
    registry,
    self,
    now = serverNow,
    connected = computed('connected', () => true),
    renameParticipant,
    ballots,
    dialogues,
    phase2,
  }: WorkshopModelOptions) {
    this.renameOnServer = renameParticipant
    this.now = now
    this.connected = connected
    this.document = new WorkshopDocument(doc, origin, now, self)
    this.roster = new ParticipantsModel(awareness, now)
    this.hands = new HandsModel(this.document)
    this.agenda = new AgendaModel(this.document)
    this.view = new ViewRequestsModel(this.document)
    this.lock = new TemplateLockModel(this.document)
    this.tables = new TablesModel(this.document, registry, this.roster.all)
    this.scoring = new ScoringModel(this.document, registry, ballots ?? null)
    this.voting = new VotingModel(this.document, ballots ?? null)
    const records = dialogues ?? new DialogueRecords(doc, origin)
    this.ownDialogues = dialogues ? null : records
    this.dialogues = records
    this.phase2 = phase2 ?? new Phase2BoardModel(doc, origin, self.get().role)
    this.ownPhase2 = phase2 ? null : this.phase2
    this.evaluation = new EvaluationModel(this.document, records, ballots ?? null)
  }

  /** The facilitation settings, for the page's reactions to them (useWorkshopEffects.ts). */
  get facilitation(): Signal<FacilitationState> {
    return this.document.facilitation
  }

  /** Everyone seen in this session: connected ones, and those who left (as disconnected). */
  get participants(): Signal<Participant[]> {
    return this.roster.all
  }

  /** This person as the others see them (their id is the server's for their guest). */
  get self(): Signal<ParticipantInfo> {
    return this.document.self
  }

  /** Whether this page can rename guests (a facilitator's list offers it then). */
  get canRenameParticipants(): boolean {
    return this.renameOnServer !== undefined
  }

  /**
   * Renames a guest for everyone (the server writes the new name into their presence);
   * rejects when the server refused.
   */
  renameParticipant(guestId: string, name: string): Promise<void> {
    const trimmed = name.trim()
    if (!this.renameOnServer || trimmed === '') return Promise.resolve()
    return this.renameOnServer(guestId, trimmed)
  }

  /**
   * People who may score or vote and are here: connected, with the editor role or above
   * (the "M" of "N of M have scored").
   */
  readonly eligibleCount = computed('eligible to score', () => {
    const ids = new Set<string>()
    for (const person of this.roster.all.get())
      if (person.connected && isRole(person.role) && canEditMap(person.role)) ids.add(person.userId)
    return ids.size
  })

  dispose() {
    this.scoring.dispose()
    this.voting.dispose()
    this.evaluation.dispose()
    this.ownDialogues?.dispose()
    this.ownPhase2?.dispose()
    this.roster.dispose()
    this.document.dispose()
  }
}
