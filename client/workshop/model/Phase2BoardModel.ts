/**
 * Phase 2's board for this client (issue 21): the case card the trainers edit (the map
 * document's `caseCard` root, shared/workshop/caseCard.ts) and whether the filled-in example
 * is shown to everyone (`exampleShown` in the `facilitation` root). Both are facilitator-only
 * roots, so the server refuses a change from anyone else; this model only offers the change
 * to those who may make it. The shapes on the board read it (client/shapes/case-card/,
 * example-worksheet/), and so does the Workshop tab's phase-2 section.
 */
import { type Atom, atom } from 'tldraw'
import type * as Y from 'yjs'
import { CASE_CARD_MAP, FACILITATION_MAP } from '../../../shared/document/mapDocumentLayout'
import { type Role, canFacilitate, isRole } from '../../../shared/protocol/roles'
import {
  type CaseCard,
  type CaseCardField,
  readCaseCard,
  writeCaseCardField,
} from '../../../shared/workshop/caseCard'
import { setFacilitation } from '../../../shared/workshop/facilitationState'
import type { WriteOutcome } from '../../drafts/WriteThroughText'

/** The case card and the example's visibility, live, with the trainers' actions. */
export class Phase2BoardModel {
  /** The case card as stored. */
  readonly card: Atom<CaseCard>
  /** True while the trainer shows the filled-in example to everyone. */
  readonly exampleShown: Atom<boolean>
  /** Whether this person may change the case and the example's visibility. */
  readonly canEdit: boolean
  private readonly stops: (() => void)[] = []

  constructor(
    private readonly doc: Y.Doc,
    /** Origin of this client's own writes. */
    private readonly origin: unknown,
    role: Role | string,
  ) {
    this.canEdit = isRole(role) && canFacilitate(role)
    this.card = atom('case card', readCaseCard(doc))
    this.exampleShown = atom('example shown', this.readExampleShown())
    const caseRoot = doc.getMap(CASE_CARD_MAP)
    const facilitation = doc.getMap(FACILITATION_MAP)
    const onCase = () => this.card.set(readCaseCard(doc))
    const onFacilitation = () => this.exampleShown.set(this.readExampleShown())
    caseRoot.observe(onCase)
    facilitation.observe(onFacilitation)
    this.stops.push(
      () => caseRoot.unobserve(onCase),
      () => facilitation.unobserve(onFacilitation),
    )
  }

  private readExampleShown(): boolean {
    return this.doc.getMap(FACILITATION_MAP).get('exampleShown') === true
  }

  /** Writes one field of the case (trainers); a value that does not fit is refused. */
  writeCaseField(field: CaseCardField, value: string): WriteOutcome {
    return writeCaseCardField(this.doc, field, value, this.origin)
  }

  /** Shows the filled-in example to everyone, or hides it from the participants. */
  setExampleShown(shown: boolean) {
    setFacilitation(this.doc, 'exampleShown', shown, this.origin)
  }

  dispose() {
    for (const stop of this.stops) stop()
  }
}
