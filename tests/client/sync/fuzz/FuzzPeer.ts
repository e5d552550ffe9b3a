/**
 * One participant of the binding fuzz test: a Y.Doc with its socket to the simulated server,
 * and, while the map is open, what the map page builds on it (see client/map/useMapSession.ts):
 * the stakeholder registry, a tldraw store bound with `bindTldrawStoreToYDoc`, and a real tldraw
 * `Editor` on that store, so tldraw's own side effects (bindings removed with their shape,
 * arrows following their ends, children deleted with their board) run as in the browser.
 *
 * Operations go through the same APIs the UI uses: editor methods for the canvas (source
 * 'user', so the binding writes them), registry methods for the records. Every id comes from
 * the test's seeded random source, and each doc has a fixed client id, so a seed replays
 * exactly. Each operation is logged, so a failing seed can be read back.
 *
 * Over 400 lines because it holds every operation a participant can do, one short method
 * each, sharing the seeded dice and ids; split up, each part would need that plumbing again.
 */
import {
  Editor,
  type TLArrowBinding,
  type TLBindingId,
  type TLShape,
  type TLShapeId,
  type TLStore,
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultAddFontsFromNode,
  defaultTools,
  tipTapDefaultExtensions,
} from 'tldraw'
import * as Y from 'yjs'
import {
  MATRIX_SIZE,
  MATRIX_TYPE,
} from '../../../../client/shapes/influence-impact-matrix/matrixShape'
import { customShapeUtils, withDefaultShapeUtils } from '../../../../client/shapes/customShapeUtils'
import {
  CARD_SIZE,
  STAKEHOLDER_CARD_TYPE,
} from '../../../../client/shapes/stakeholder-card/stakeholderCardShape'
import { StakeholderRegistry } from '../../../../client/stakeholders/StakeholderRegistry'
import {
  type TldrawYjsBinding,
  bindTldrawStoreToYDoc,
} from '../../../../client/sync/TldrawYjsBinding'
import {
  ATTITUDES,
  DUE_DILIGENCE_STEPS,
  ENGAGEMENT_STATUSES,
  type AdverseImpact,
  type Contact,
  type EngagementEntry,
} from '../../../../shared/stakeholder/Stakeholder'
import { createRandom } from '../../../server/replicaChecks'
import { PageConnections, type PeerConnection } from './PageConnections'
import { RelayConnection, type SimulatedServer } from './SimulatedRelay'

/** Seeded choices. */
export class Dice {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = createRandom(seed)
  }

  /** A whole number from 0 to `below - 1`. */
  int(below: number): number {
    return Math.floor(this.next() * below)
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T | undefined {
    return items.length === 0 ? undefined : items[this.int(items.length)]
  }
}

/** What is open on a peer while its map page is open. */
export interface OpenMap {
  store: TLStore
  editor: Editor
  binding: TldrawYjsBinding
  registry: StakeholderRegistry
}

/**
 * What the map page builds on a synced doc: the registry, a store with the app's shapes bound
 * to the doc, and an editor on that store. Records written by this page carry `origin`.
 */
export function openMapPage(
  doc: Y.Doc,
  origin: unknown = Symbol('local'),
  /** The confidential document, for an owner's or facilitator's page. */
  confidential: Y.Doc | null = null,
): OpenMap {
  const registry = new StakeholderRegistry(doc, origin, confidential)
  // As the app does: our frame replaces tldraw's (presenter mode lets card names out).
  const shapeUtils = withDefaultShapeUtils(customShapeUtils(registry))
  const store = createTLStore({ shapeUtils, bindingUtils: defaultBindingUtils })
  const binding = bindTldrawStoreToYDoc(store, doc)
  const editor = new Editor({
    store,
    shapeUtils,
    bindingUtils: defaultBindingUtils,
    tools: defaultTools,
    // As the Tldraw component sets them: notes and text shapes (the SER template) need them.
    textOptions: {
      tipTapConfig: { extensions: tipTapDefaultExtensions },
      addFontsFromNode: defaultAddFontsFromNode,
    },
    getContainer: () => document.createElement('div'),
  })
  return { store, editor, binding, registry }
}

/** Leaves the page: pending changes are written first, as on `pagehide`. */
export function closeMapPage({ editor, binding, registry }: OpenMap) {
  binding.dispose()
  editor.dispose()
  registry.dispose()
}

const RELATIONSHIPS = ['influences', 'depends-on', 'represents', 'conflict', 'cooperation']

export class FuzzPeer {
  readonly doc = new Y.Doc()
  /** The confidential document, for an owner or facilitator; null for an editor. */
  readonly confidentialDoc: Y.Doc | null
  readonly connection: PeerConnection
  private open: OpenMap | null = null
  /** The origin of this peer's own record writes, as MapConnection's `localOrigin`. */
  private readonly origin = Symbol('local')
  private counter = 0

  constructor(
    readonly name: string,
    server: SimulatedServer,
    private readonly dice: Dice,
    /** Where this peer records what it did, for the report of a failing seed. */
    private readonly journal: (entry: string) => void,
    /** The confidential document's server, when this peer may read contacts. */
    confidentialServer: SimulatedServer | null = null,
  ) {
    // Yjs breaks ties between concurrent writes by client id: fixed, so a seed replays.
    this.doc.clientID = 1 + dice.int(2 ** 31)
    const mapSocket = new RelayConnection(server, this.doc)
    if (confidentialServer) {
      this.confidentialDoc = new Y.Doc()
      this.confidentialDoc.clientID = 1 + dice.int(2 ** 31)
      const confidentialSocket = new RelayConnection(confidentialServer, this.confidentialDoc)
      this.connection = new PageConnections([mapSocket, confidentialSocket], dice)
    } else {
      this.confidentialDoc = null
      this.connection = mapSocket
    }
  }

  get isOpen(): boolean {
    return this.open !== null
  }

  get map(): OpenMap {
    if (!this.open) throw new Error(`${this.name} has no map open`)
    return this.open
  }

  private newId(kind: string): string {
    return `${this.name}-${kind}-${++this.counter}`
  }

  /** Opens the map page on the doc as it is now (after a first sync, or from a local copy). */
  openMap() {
    if (this.open) return
    this.open = openMapPage(this.doc, this.origin, this.confidentialDoc)
    this.journal('open map')
  }

  closeMap() {
    if (!this.open) return
    closeMapPage(this.open)
    this.open = null
    this.journal('close map')
  }

  /** The binding's throttle window ends: pending local changes go into the doc. */
  flush() {
    this.open?.binding.flush()
  }

  /** Canvas shapes on the current page, in id order (store order may differ between runs). */
  private shapes(filter: (shape: TLShape) => boolean = () => true): TLShape[] {
    return this.map.editor
      .getCurrentPageShapes()
      .filter(filter)
      .sort((a, b) => (a.id < b.id ? -1 : 1))
  }

  private stakeholderIds(): string[] {
    return this.map.registry.all
      .get()
      .map((stakeholder) => stakeholder.id)
      .sort()
  }

  private point() {
    return { x: this.dice.int(2000) - 500, y: this.dice.int(1500) - 500 }
  }

  /** Does one random thing on the open map, as a user would; logs it. */
  randomEdit() {
    const { editor } = this.map
    // Each user action is its own undo step, as the UI makes it.
    editor.markHistoryStoppingPoint()
    const actions: (() => string | null)[] = [
      () => this.createGeo(),
      () => this.createGeo(),
      () => this.createCard(),
      () => this.createCard(),
      () => this.createBoard(),
      () => this.createArrow(),
      () => this.createArrow(),
      () => this.moveShape(),
      () => this.moveShape(),
      () => this.dropCardOnBoard(),
      () => this.deleteShape(),
      () => this.setRelationship(),
      () => this.undoOrRedo(),
      () => this.patchStakeholder(),
      () => this.patchStakeholder(),
      () => this.putImpact(),
      () => this.removeImpact(),
      () => this.putLogEntry(),
      () => this.removeLogEntry(),
      () => this.removeStakeholder(),
    ]
    // Only where the page has the confidential document, so seeds without it replay as before.
    if (this.map.registry.hasConfidential) {
      actions.push(
        () => this.putContact(),
        () => this.putContact(),
        () => this.removeContact(),
        () => this.putConfidentialLogEntry(),
        () => this.reclassifyLogEntry(),
      )
    }
    for (let attempt = 0; attempt < 5; attempt++) {
      const done = this.dice.pick(actions)!()
      if (done !== null) return this.journal(done)
    }
  }

  private createGeo(): string {
    const id = createShapeId(this.newId('geo'))
    const { x, y } = this.point()
    const w = 20 + this.dice.int(300)
    const h = 20 + this.dice.int(200)
    this.map.editor.createShape({ id, type: 'geo', x, y, props: { w, h } })
    return `create geo ${id} at ${x},${y}`
  }

  /** A new stakeholder and its card, or another card for an existing one (as Add does). */
  private createCard(): string {
    const { editor, registry } = this.map
    const existing = this.dice.chance(0.3) ? this.dice.pick(this.stakeholderIds()) : undefined
    let stakeholderId = existing
    if (!stakeholderId) {
      const created = registry.create({
        id: this.newId('sh'),
        name: `Stakeholder ${this.counter}`,
        attitude: this.dice.pick(ATTITUDES),
      })
      if (!created.ok) throw new Error(`create failed: ${JSON.stringify(created.errors)}`)
      stakeholderId = created.value.id
    }
    const id = createShapeId(this.newId('card'))
    const { x, y } = this.point()
    editor.createShape({
      id,
      type: STAKEHOLDER_CARD_TYPE,
      x,
      y,
      props: { stakeholderId, w: CARD_SIZE.w, h: CARD_SIZE.h },
    })
    return `create card ${id} for ${stakeholderId}${existing ? ' (existing)' : ''}`
  }

  /** An influence × impact matrix, sent to the back as `addBoard` does. */
  private createBoard(): string {
    const { editor } = this.map
    const id = createShapeId(this.newId('matrix'))
    const { x, y } = this.point()
    editor.run(() => {
      editor.createShape({ id, type: MATRIX_TYPE, x, y, props: { ...MATRIX_SIZE, title: '' } })
      editor.sendToBack([id])
    })
    return `create matrix ${id}`
  }

  /** An arrow between two shapes, bound at both ends, as the arrow tool draws it. */
  private createArrow(): string | null {
    const { editor } = this.map
    const targets = this.shapes((shape) => shape.type !== 'arrow')
    const from = this.dice.pick(targets)
    const to = this.dice.pick(targets.filter((shape) => shape !== from))
    if (!from || !to) return null
    const id = createShapeId(this.newId('arrow'))
    const start = editor.getShapePageBounds(from)!.center
    const end = editor.getShapePageBounds(to)!.center
    const props = (terminal: 'start' | 'end'): TLArrowBinding['props'] => ({
      terminal,
      normalizedAnchor: { x: 0.5, y: 0.5 },
      isExact: false,
      isPrecise: false,
      snap: 'none',
    })
    editor.run(() => {
      editor.createShape({
        id,
        type: 'arrow',
        x: start.x,
        y: start.y,
        props: { start: { x: 0, y: 0 }, end: { x: end.x - start.x, y: end.y - start.y } },
      })
      editor.createBindings([
        {
          id: `binding:${this.newId('b')}` as TLBindingId,
          type: 'arrow',
          fromId: id,
          toId: from.id,
          props: props('start'),
        },
        {
          id: `binding:${this.newId('b')}` as TLBindingId,
          type: 'arrow',
          fromId: id,
          toId: to.id,
          props: props('end'),
        },
      ])
    })
    return `create arrow ${id} from ${from.id} to ${to.id}`
  }

  private moveShape(): string | null {
    const shape = this.dice.pick(this.shapes())
    if (!shape) return null
    const dx = this.dice.int(400) - 200
    const dy = this.dice.int(400) - 200
    this.map.editor.updateShapes([
      { id: shape.id, type: shape.type, x: shape.x + dx, y: shape.y + dy },
    ])
    return `move ${shape.id} by ${dx},${dy}`
  }

  /** Drops a card into a matrix (it becomes the board's child) or back onto the page. */
  private dropCardOnBoard(): string | null {
    const { editor } = this.map
    const card = this.dice.pick(this.shapes((shape) => shape.type === STAKEHOLDER_CARD_TYPE))
    if (!card) return null
    const board = this.dice.pick(this.shapes((shape) => shape.type === MATRIX_TYPE))
    const parent: TLShapeId | undefined = board && card.parentId !== board.id ? board.id : undefined
    editor.reparentShapes([card.id], parent ?? editor.getCurrentPageId())
    return `drop ${card.id} on ${parent ?? 'the page'}`
  }

  private deleteShape(): string | null {
    const shape = this.dice.pick(this.shapes())
    if (!shape) return null
    this.map.editor.deleteShapes([shape.id])
    return `delete ${shape.id}`
  }

  /** What the relationship editor does with a selected arrow. */
  private setRelationship(): string | null {
    const arrow = this.dice.pick(this.shapes((shape) => shape.type === 'arrow'))
    if (!arrow) return null
    const relationship = this.dice.pick(RELATIONSHIPS)!
    this.map.editor.updateShape({
      id: arrow.id,
      type: 'arrow',
      meta: { ...arrow.meta, relationship },
    })
    return `relationship of ${arrow.id}: ${relationship}`
  }

  private undoOrRedo(): string {
    const { editor } = this.map
    if (this.dice.chance(0.6)) {
      editor.undo()
      return 'undo'
    }
    editor.redo()
    return 'redo'
  }

  private patchStakeholder(): string | null {
    const id = this.dice.pick(this.stakeholderIds())
    if (!id) return null
    const score = () => (this.dice.chance(0.2) ? null : 1 + this.dice.int(5))
    const patches = [
      { name: `Renamed ${this.newId('name')}` },
      { power: score(), legitimacy: score() },
      { urgency: score() },
      { influence: score(), impact: score() },
      { notes: `note ${this.newId('note')}` },
      { affected: this.dice.chance(0.5), vulnerable: this.dice.chance(0.5) },
      { engagementStatus: this.dice.pick(ENGAGEMENT_STATUSES)! },
      { attitude: this.dice.pick(ATTITUDES)! },
    ]
    const patch = this.dice.pick(patches)!
    const result = this.map.registry.patch(id, patch)
    if (!result.ok) throw new Error(`patch failed: ${JSON.stringify(result.errors)}`)
    return `patch ${id} ${JSON.stringify(patch)}`
  }

  private putImpact(): string | null {
    const { registry } = this.map
    const id = this.dice.pick(this.stakeholderIds())
    if (!id) return null
    // Editing an existing impact replaces it whole, as the impacts editor does.
    const existing = this.dice.chance(0.4)
      ? this.dice.pick(registry.get(id)?.impacts.map((impact) => impact.id) ?? [])
      : undefined
    const impact: AdverseImpact = {
      id: existing ?? this.newId('impact'),
      description: `impact ${this.counter}`,
      topic: this.dice.pick(['living wage', 'land rights', 'water', 'child labour'])!,
      actuality: this.dice.chance(0.5) ? 'actual' : 'potential',
      scale: 1 + this.dice.int(5),
      scope: 1 + this.dice.int(5),
      irremediability: 1 + this.dice.int(5),
      likelihood: this.dice.chance(0.3) ? null : 1 + this.dice.int(5),
    }
    const result = registry.putImpact(id, impact)
    if (!result.ok) throw new Error(`putImpact failed: ${JSON.stringify(result.errors)}`)
    return `put impact ${impact.id} on ${id}`
  }

  private removeImpact(): string | null {
    const { registry } = this.map
    const id = this.dice.pick(this.stakeholderIds())
    const impactId = id && this.dice.pick(registry.get(id)?.impacts.map((i) => i.id) ?? [])
    if (!id || !impactId) return null
    registry.removeImpact(id, impactId)
    return `remove impact ${impactId} of ${id}`
  }

  private putLogEntry(): string | null {
    const { registry } = this.map
    const id = this.dice.pick(this.stakeholderIds())
    if (!id) return null
    const entry: EngagementEntry = {
      id: this.newId('log'),
      date: `2025-0${1 + this.dice.int(9)}-1${this.dice.int(10)}`,
      step: this.dice.pick(DUE_DILIGENCE_STEPS)!,
      method: 'site visit with interpreter',
      informationShared: 'draft action plan',
      inputReceived: `input ${this.counter}`,
      howInputWasUsed: '',
      followUp: '',
      barriers: '',
      barrierMeasures: '',
      // Public and internal only: confidential entries get a document of their own.
      confidentiality: this.dice.chance(0.5) ? 'public' : 'internal',
    }
    const result = registry.putLogEntry(id, entry)
    if (!result.ok) throw new Error(`putLogEntry failed: ${JSON.stringify(result.errors)}`)
    return `put log entry ${entry.id} on ${id}`
  }

  private removeLogEntry(): string | null {
    const { registry } = this.map
    const id = this.dice.pick(this.stakeholderIds())
    const entryId = id && this.dice.pick(registry.get(id)?.engagement.log.map((e) => e.id) ?? [])
    if (!id || !entryId) return null
    registry.removeLogEntry(id, entryId)
    return `remove log entry ${entryId} of ${id}`
  }

  /** Deletes the record; its cards stay and show "removed", as in the app. */
  private removeStakeholder(): string | null {
    const id = this.dice.pick(this.stakeholderIds())
    if (!id || !this.dice.chance(0.3)) return null
    this.map.registry.remove(id)
    return `remove stakeholder ${id}`
  }

  /** Adds a contact or replaces one whole, as the contacts editor writes a field. */
  private putContact(): string | null {
    const { registry } = this.map
    const id = this.dice.pick(this.stakeholderIds())
    if (!id) return null
    const existing = this.dice.chance(0.4)
      ? this.dice.pick(registry.get(id)?.contacts.map((contact) => contact.id) ?? [])
      : undefined
    const key = this.newId('contact')
    const contact: Contact = {
      id: existing ?? key,
      name: `Contact ${key}`,
      role: this.dice.pick(['chair', 'secretary', 'field officer'])!,
      organisation: 'Cooperative',
      email: this.dice.chance(0.3) ? '' : `${key}@example.org`,
      phone: this.dice.chance(0.5) ? '' : `+31 6 ${10000000 + this.dice.int(89999999)}`,
      notes: '',
    }
    const result = registry.putContact(id, contact)
    if (!result.ok) throw new Error(`putContact failed: ${JSON.stringify(result.errors)}`)
    return `put contact ${contact.id} on ${id}`
  }

  private removeContact(): string | null {
    const { registry } = this.map
    const id = this.dice.pick(this.stakeholderIds())
    const contactId = id && this.dice.pick(registry.get(id)?.contacts.map((c) => c.id) ?? [])
    if (!id || !contactId) return null
    registry.removeContact(id, contactId)
    return `remove contact ${contactId} of ${id}`
  }

  /** A log entry only owners and facilitators may read: it goes to the confidential document. */
  private putConfidentialLogEntry(): string | null {
    const { registry } = this.map
    const id = this.dice.pick(this.stakeholderIds())
    if (!id) return null
    const entry: EngagementEntry = {
      id: this.newId('log'),
      date: `2025-1${this.dice.int(3)}-0${1 + this.dice.int(9)}`,
      step: this.dice.pick(DUE_DILIGENCE_STEPS)!,
      method: 'one-to-one interview',
      informationShared: '',
      inputReceived: `named a worker at risk ${this.counter}`,
      howInputWasUsed: '',
      followUp: 'protect the source',
      barriers: '',
      barrierMeasures: '',
      confidentiality: 'confidential',
    }
    const result = registry.putLogEntry(id, entry)
    if (!result.ok) throw new Error(`putLogEntry failed: ${JSON.stringify(result.errors)}`)
    return `put confidential log entry ${entry.id} on ${id}`
  }

  /** Changes an entry's confidentiality, which moves it between the two documents. */
  private reclassifyLogEntry(): string | null {
    const { registry } = this.map
    const id = this.dice.pick(this.stakeholderIds())
    const entry = id && this.dice.pick(registry.get(id)?.engagement.log ?? [])
    if (!id || !entry) return null
    const confidentiality = entry.confidentiality === 'confidential' ? 'public' : 'confidential'
    const result = registry.putLogEntry(id, { ...entry, confidentiality })
    if (!result.ok) throw new Error(`reclassify failed: ${JSON.stringify(result.errors)}`)
    return `log entry ${entry.id} of ${id} becomes ${confidentiality}`
  }
}
