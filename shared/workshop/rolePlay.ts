/**
 * The role play of phase 3 (issue 21): role cards the facilitator deals to participants,
 * each with a private brief that only the person holding the card may read.
 *
 * Where each part lives, so that the server decides who reads what:
 * - the cards (title, what everyone may know of the role, who holds it) in the map
 *   document's `rolePlay` root, which only owners and facilitators may change
 *   (FACILITATOR_ONLY_ROOTS), so everyone sees who plays whom;
 * - the briefs in the confidential document's `roleBriefs` root, which only owners and
 *   facilitators receive. A participant asks the server for theirs
 *   (`GET /api/maps/<id>/my-role`, server/http/createRoleBriefRoutes.ts), which answers the
 *   brief of the card dealt to the caller's server-known identity and nothing else.
 *
 * A card's `briefRevision` goes up when its brief is edited, so the holder's page, which
 * cannot see the brief change, knows to ask again.
 */
import type { LabelLocale } from '../labels/modelLabels'
import { isPlainObject } from './plainValues'

/** Longest title, public description and brief. */
export const ROLE_LIMITS = { title: 200, description: 2000, brief: 10_000, roles: 40 } as const

/** Role ids: `role-` and letters, digits or dashes. */
export const ROLE_ID_PATTERN = /^role-[a-z0-9-]{1,60}$/

/** One role card as everyone sees it. */
export interface RoleCard {
  id: string
  title: string
  /** What every participant may know of the role (the brief is the private part). */
  description: string
  /** The server-known identity (guest or user id) holding the card; null when not dealt. */
  holderId: string | null
  /** Order on the board and in lists. */
  order: number
  /** Bumped when the brief changes. */
  briefRevision: number
  /**
   * Whether the holder observes the play instead of taking part: a round names them as its
   * observer, to write its observer sheet (rolePlayRounds.ts).
   */
  observes: boolean
}

/** What the holder of a card receives from the server: the card with its brief. */
export interface HeldRole {
  card: RoleCard
  brief: string
}

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? value.slice(0, max) : ''
}

function whole(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : 0
}

/** Reads a stored card; anything malformed reads as no card. */
export function readRoleCard(id: string, value: unknown): RoleCard | null {
  if (!ROLE_ID_PATTERN.test(id) || !isPlainObject(value)) return null
  const holder = value.holderId
  return {
    id,
    title: text(value.title, ROLE_LIMITS.title),
    description: text(value.description, ROLE_LIMITS.description),
    holderId: typeof holder === 'string' && holder.length <= 200 ? holder : null,
    order: whole(value.order),
    briefRevision: whole(value.briefRevision),
    // Cards stored before the flag existed: the example case's observer card is `…-observer`.
    observes: typeof value.observes === 'boolean' ? value.observes : /-observer$/.test(id),
  }
}

/** Every valid card of a `rolePlay` root's entries, in their order. */
export function readRoleCards(entries: Iterable<[string, unknown]>): RoleCard[] {
  const cards: RoleCard[] = []
  for (const [id, value] of entries) {
    const card = readRoleCard(id, value)
    if (card) cards.push(card)
  }
  return cards.sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : 1))
}

/** The card dealt to `holderId`, if any (a person holds at most one; the first counts). */
export function roleHeldBy(cards: readonly RoleCard[], holderId: string): RoleCard | null {
  return cards.find((card) => card.holderId === holderId) ?? null
}

/** A card as stored: a plain value, so every field is replaced whole. */
export function storedRoleCard(card: RoleCard): Record<string, unknown> {
  return {
    title: card.title.slice(0, ROLE_LIMITS.title),
    description: card.description.slice(0, ROLE_LIMITS.description),
    holderId: card.holderId,
    order: card.order,
    briefRevision: card.briefRevision,
    observes: card.observes,
  }
}

/** The holders of the cards that observe: a new round's observers (rolePlayRounds.ts). */
export function observerHolders(cards: readonly RoleCard[]): string[] {
  return [
    ...new Set(
      cards.flatMap((card) => (card.observes && card.holderId !== null ? [card.holderId] : [])),
    ),
  ]
}

/** A default role: its title, what everyone knows, and the private brief. */
interface DefaultRole {
  key: string
  title: string
  description: string
  brief: string
}

/**
 * Roles for a role play on a fictitious case (a European chocolate maker, a cocoa
 * cooperative in Côte d'Ivoire, child labour and low farm-gate prices), to edit: these are
 * our own texts, not the SER's game cards or handouts, which are not in this repository
 * (docs/dialogues.md).
 */
export const DEFAULT_ROLES: Readonly<Record<LabelLocale, readonly DefaultRole[]>> = {
  en: [
    {
      key: 'buyer',
      title: "The company's buyer",
      description: 'Buys cocoa for a European chocolate maker and leads the dialogue.',
      brief:
        'You must keep the price within budget this season, but your director wants an end to child labour in the chain within two years. You may promise a study of a living income and a follow-up meeting; you may not promise a higher price today.',
    },
    {
      key: 'supplier',
      title: 'The supplier',
      description: 'Exports the cooperative’s cocoa and sells it on to the company.',
      brief:
        'You fear losing the contract if problems come to light. You know of two villages where children work on the farms during the harvest. You want the company to share the cost of any programme.',
    },
    {
      key: 'worker-representative',
      title: 'A worker representative',
      description: 'Speaks for the people who work on the cooperative’s farms.',
      brief:
        'The pickers earn too little to pay for school. Some are afraid to speak while the supplier is in the room. You want a meeting without him, and a written promise with a date.',
    },
    {
      key: 'ngo',
      title: 'An NGO',
      description: 'Works on children’s rights in the cocoa regions.',
      brief:
        'You have figures on child labour in the region and want the company to publish its own. You will take part only if the findings are shared with the communities.',
    },
    {
      key: 'community-member',
      title: 'A community member',
      description: 'Lives in one of the villages where the cocoa is grown.',
      brief:
        'You want the school repaired and a fair price for your cocoa. You do not read French well and need the information in Baoulé. You are wary: companies came before and nothing changed.',
    },
    {
      key: 'observer',
      title: 'Observer',
      description: 'Takes no part in the conversation and notes how it goes.',
      brief:
        'Watch who speaks and who does not, whether the company listens, what is promised and whether anyone says how the stakeholders will hear back. Note it on the observer sheet for the evaluation.',
    },
  ],
  nl: [
    {
      key: 'buyer',
      title: 'De inkoper van het bedrijf',
      description: 'Koopt cacao in voor een Europese chocolademaker en leidt de dialoog.',
      brief:
        'Je moet dit seizoen binnen het budget blijven, maar je directeur wil binnen twee jaar een einde aan kinderarbeid in de keten. Je mag een onderzoek naar een leefbaar inkomen en een vervolggesprek toezeggen; je mag vandaag geen hogere prijs beloven.',
    },
    {
      key: 'supplier',
      title: 'De leverancier',
      description: 'Exporteert de cacao van de coöperatie en verkoopt die aan het bedrijf.',
      brief:
        'Je bent bang het contract kwijt te raken als er problemen bekend worden. Je weet van twee dorpen waar kinderen tijdens de oogst op de boerderijen werken. Je wilt dat het bedrijf meebetaalt aan een programma.',
    },
    {
      key: 'worker-representative',
      title: 'Een vertegenwoordiger van de arbeiders',
      description: 'Spreekt namens de mensen die op de boerderijen van de coöperatie werken.',
      brief:
        'De plukkers verdienen te weinig om school te betalen. Sommigen durven niets te zeggen als de leverancier erbij is. Je wilt een gesprek zonder hem, en een schriftelijke toezegging met een datum.',
    },
    {
      key: 'ngo',
      title: 'Een ngo',
      description: 'Werkt aan kinderrechten in de cacaogebieden.',
      brief:
        'Je hebt cijfers over kinderarbeid in de regio en wilt dat het bedrijf zijn eigen cijfers publiceert. Je doet alleen mee als de bevindingen met de gemeenschappen worden gedeeld.',
    },
    {
      key: 'community-member',
      title: 'Een bewoner',
      description: 'Woont in een van de dorpen waar de cacao wordt verbouwd.',
      brief:
        'Je wilt dat de school wordt opgeknapt en een eerlijke prijs voor je cacao. Je leest slecht Frans en hebt de informatie nodig in het Baoulé. Je bent wantrouwig: er kwamen eerder bedrijven en er veranderde niets.',
    },
    {
      key: 'observer',
      title: 'Waarnemer',
      description: 'Doet niet mee aan het gesprek en noteert hoe het gaat.',
      brief:
        'Let op wie spreekt en wie niet, of het bedrijf luistert, wat er wordt toegezegd en of iemand zegt hoe de stakeholders terughoren. Noteer het op het waarnemersblad voor de evaluatie.',
    },
  ],
}
