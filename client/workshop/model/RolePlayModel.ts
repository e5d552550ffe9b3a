/**
 * The role play's state on the page (shared/workshop/rolePlay.ts): the role cards from the
 * map document, for everyone; the briefs from the confidential document, for owners and
 * facilitators only (null for everyone else); and this person's own card with its brief,
 * asked of the server whenever the card dealt to them (or its brief) changes.
 */
import { type Atom, type Signal, atom, computed, react } from 'tldraw'
import type * as Y from 'yjs'
import { ROLE_BRIEFS_MAP, ROLE_PLAY_MAP } from '../../../shared/document/mapDocumentLayout'
import type { LabelLocale } from '../../../shared/labels/modelLabels'
import type { MyRoleResponse } from '../../../shared/protocol/roleBriefApi'
import {
  DEFAULT_ROLES,
  type HeldRole,
  ROLE_LIMITS,
  type RoleCard,
  readRoleCards,
  roleHeldBy,
  storedRoleCard,
} from '../../../shared/workshop/rolePlay'
import { serverNow } from '../serverClock'
import { RolePlayRoundsModel } from './RolePlayRoundsModel'

/** This person's role as the server answered it. */
export type MyRole =
  | { status: 'none' }
  | { status: 'loading' }
  | { status: 'held'; role: HeldRole }
  | { status: 'failed' }

/** A new role id. */
function newRoleId(): string {
  const random = crypto.getRandomValues(new Uint32Array(2))
  return `role-${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`
}

export class RolePlayModel {
  readonly cards: Atom<readonly RoleCard[]>
  /** Briefs by role id; null for a role that may not read them. */
  readonly briefs: Atom<ReadonlyMap<string, string>> | null
  readonly mine = atom<MyRole>('my role', { status: 'none' })
  /** The rounds of the play and their observer sheets. */
  readonly rounds: RolePlayRoundsModel
  private readonly stops: (() => void)[] = []

  constructor(
    private readonly doc: Y.Doc,
    /** The confidential document; null for editors and viewers. */
    private readonly confidential: Y.Doc | null,
    private readonly origin: unknown,
    private readonly fetchMine: () => Promise<MyRoleResponse>,
    /** The server-known id of this person; null until known. */
    selfId: Signal<string | null>,
    /** The server's clock (the rounds' countdown). */
    now: () => number = serverNow,
  ) {
    const cardsRoot = doc.getMap<unknown>(ROLE_PLAY_MAP)
    this.cards = atom('role cards', readRoleCards(cardsRoot.entries()))
    const rereadCards = () => this.cards.set(readRoleCards(cardsRoot.entries()))
    cardsRoot.observe(rereadCards)
    this.stops.push(() => cardsRoot.unobserve(rereadCards))
    if (confidential === null) this.briefs = null
    else {
      const briefsRoot = confidential.getMap<unknown>(ROLE_BRIEFS_MAP)
      const read = () =>
        new Map(
          [...briefsRoot.entries()].filter(
            (entry): entry is [string, string] => typeof entry[1] === 'string',
          ),
        )
      const briefs = atom<ReadonlyMap<string, string>>('role briefs', read())
      const reread = () => briefs.set(read())
      briefsRoot.observe(reread)
      this.stops.push(() => briefsRoot.unobserve(reread))
      this.briefs = briefs
    }
    // What the server's answer depends on: which card is dealt to me, and its revision.
    const held = computed('held card', () => {
      const id = selfId.get()
      const card = id === null ? null : roleHeldBy(this.cards.get(), id)
      return card === null ? '' : JSON.stringify(card)
    })
    this.stops.push(react('ask for my role', () => this.askMine(held.get() !== '')))
    this.rounds = new RolePlayRoundsModel(doc, origin, selfId, this.cards, now)
  }

  dispose() {
    for (const stop of this.stops) stop()
    this.rounds.dispose()
  }

  /** Asks the server again (after a failure, or when the card changed). */
  refreshMine() {
    this.askMine(true)
  }

  private askMine(holdsOne: boolean) {
    if (!holdsOne) return this.mine.set({ status: 'none' })
    // A card already shown stays while its new version is fetched. Read without capture:
    // the reaction that calls this must depend on the card only, not on what it sets here.
    if (this.mine.__unsafe__getWithoutCapture().status !== 'held') {
      this.mine.set({ status: 'loading' })
    }
    this.fetchMine().then(
      ({ role }) => this.mine.set(role === null ? { status: 'none' } : { status: 'held', role }),
      () => this.mine.set({ status: 'failed' }),
    )
  }

  /** Adds the default roles of the fictitious case, with their briefs, in `locale`. */
  useDefaultRoles(locale: LabelLocale) {
    const start = this.cards.get().length
    const cards = DEFAULT_ROLES[locale].map((role, index) => ({
      card: {
        id: `${newRoleId()}-${role.key.slice(0, 12)}`,
        title: role.title,
        description: role.description,
        holderId: null,
        order: start + index,
        briefRevision: 1,
        observes: role.key === 'observer',
      },
      brief: role.brief,
    }))
    this.confidential?.transact(() => {
      const briefs = this.confidential!.getMap<unknown>(ROLE_BRIEFS_MAP)
      for (const { card, brief } of cards) briefs.set(card.id, brief)
    }, this.origin)
    this.doc.transact(() => {
      const root = this.doc.getMap<unknown>(ROLE_PLAY_MAP)
      for (const { card } of cards) root.set(card.id, storedRoleCard(card))
    }, this.origin)
  }

  /** Adds an empty role and answers its id. */
  addRole(): string {
    const card: RoleCard = {
      id: newRoleId(),
      title: '',
      description: '',
      holderId: null,
      order: Math.max(-1, ...this.cards.get().map((each) => each.order)) + 1,
      briefRevision: 0,
      observes: false,
    }
    this.writeCard(card)
    return card.id
  }

  /** Changes a card as the document holds it now. */
  updateCard(id: string, patch: Partial<Omit<RoleCard, 'id'>>) {
    const current = this.cards.get().find((card) => card.id === id)
    if (current) this.writeCard({ ...current, ...patch })
  }

  /** Deals the card to `holderId` (null: takes it back); a person holds one card at most. */
  deal(id: string, holderId: string | null) {
    this.doc.transact(() => {
      for (const card of this.cards.get()) {
        if (card.id === id) this.writeCard({ ...card, holderId })
        else if (holderId !== null && card.holderId === holderId)
          this.writeCard({ ...card, holderId: null })
      }
    }, this.origin)
  }

  /** The brief of a card (owners and facilitators); its holder's page asks again. */
  setBrief(id: string, brief: string) {
    if (this.confidential === null) return
    this.confidential.transact(() => {
      this.confidential!.getMap<unknown>(ROLE_BRIEFS_MAP).set(id, brief.slice(0, ROLE_LIMITS.brief))
    }, this.origin)
    const card = this.cards.get().find((each) => each.id === id)
    if (card) this.writeCard({ ...card, briefRevision: card.briefRevision + 1 })
  }

  removeRole(id: string) {
    this.doc.transact(() => this.doc.getMap<unknown>(ROLE_PLAY_MAP).delete(id), this.origin)
    this.confidential?.transact(
      () => this.confidential!.getMap<unknown>(ROLE_BRIEFS_MAP).delete(id),
      this.origin,
    )
  }

  private writeCard(card: RoleCard) {
    this.doc.transact(
      () => this.doc.getMap<unknown>(ROLE_PLAY_MAP).set(card.id, storedRoleCard(card)),
      this.origin,
    )
  }
}
