/**
 * What every part of the workshop model stands on: the map's Y.Doc, written with this
 * client's origin (so undo never touches workshop writes, and the server checks the role of
 * whoever sent them), the server clock, who this person is, and the workshop state as
 * signals that follow the document. Only the model's parts hold it; panels call their actions.
 */
import { type Atom, type Signal, atom } from 'tldraw'
import type * as Y from 'yjs'
import {
  FACILITATION_MAP,
  HANDS_ARRAY,
  WORKSHOP_MAP,
} from '../../../shared/document/mapDocumentLayout'
import {
  type FacilitationState,
  readFacilitation,
  setFacilitation,
} from '../../../shared/workshop/facilitationState'
import type { ParticipantInfo } from '../../sync/PresenceBinding'

/** The workshop's part of one map document, for this client. */
export class WorkshopDocument {
  private readonly facilitationState: Atom<FacilitationState>
  /** Bumped on every change of the participants' contributions (scores, dots, hands). */
  private readonly contributionsVersion = atom('workshopContributions', 0)

  constructor(
    readonly doc: Y.Doc,
    /** Origin of this client's own writes. */
    readonly origin: unknown,
    /** The server's clock, in milliseconds: shared times are server times. */
    readonly now: () => number,
    /** This person, as the others see them. */
    readonly self: Signal<ParticipantInfo>,
  ) {
    this.facilitationState = atom('facilitation', readFacilitation(doc))
    doc.getMap(FACILITATION_MAP).observe(this.onFacilitation)
    doc.getMap(WORKSHOP_MAP).observe(this.onContribution)
    doc.getArray(HANDS_ARRAY).observe(this.onContribution)
  }

  /** The facilitation settings, re-read on every change. */
  get facilitation(): Signal<FacilitationState> {
    return this.facilitationState
  }

  /** Read inside a computed to recompute it whenever a participant contributes. */
  contributions(): number {
    return this.contributionsVersion.get()
  }

  /** Writes one facilitation setting (facilitators only; the server enforces it). */
  setFacilitation<K extends keyof FacilitationState>(key: K, value: FacilitationState[K]) {
    setFacilitation(this.doc, key, value, this.origin)
  }

  private onFacilitation = () => this.facilitationState.set(readFacilitation(this.doc))
  private onContribution = () => this.contributionsVersion.update((n) => n + 1)

  dispose() {
    this.doc.getMap(FACILITATION_MAP).unobserve(this.onFacilitation)
    this.doc.getMap(WORKSHOP_MAP).unobserve(this.onContribution)
    this.doc.getArray(HANDS_ARRAY).unobserve(this.onContribution)
  }
}
