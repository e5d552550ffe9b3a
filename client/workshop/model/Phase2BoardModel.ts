/**
 * Phase 2's board for this client (issue 21): the case card the trainers edit (the map
 * document's `caseCard` root, shared/workshop/caseCard.ts) and whether the filled-in example
 * is shown to everyone (`exampleShown` in the `facilitation` root), and the trainers' wording
 * of the example (`exampleWorksheet`, shared/dialogue/exampleWorksheet.ts). All are facilitator-only
 * roots, so the server refuses a change from anyone else; this model only offers the change
 * to those who may make it. The shapes on the board read it (client/shapes/case-card/,
 * example-worksheet/), and so does the Workshop tab's phase-2 section.
 */
import { type Atom, atom } from 'tldraw'
import type * as Y from 'yjs'
import {
  type ExampleWorksheet,
  type ExampleWorksheetKey,
  readExampleWorksheet,
  writeExampleWorksheetField,
} from '../../../shared/dialogue/exampleWorksheet'
import {
  CASE_CARD_MAP,
  EXAMPLE_WORKSHEET_MAP,
  FACILITATION_MAP,
} from '../../../shared/document/mapDocumentLayout'
import type { LabelLocale } from '../../../shared/labels/modelLabels'
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
  /** Counts changes of the example's wording: read it with {@link example}. */
  private readonly exampleChanges: Atom<number>
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
    this.exampleChanges = atom('example wording changes', 0)
    const exampleRoot = doc.getMap(EXAMPLE_WORKSHEET_MAP)
    const onExample = () => this.exampleChanges.update((count) => count + 1)
    exampleRoot.observe(onExample)
    this.stops.push(() => exampleRoot.unobserve(onExample))
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

  /** The filled-in example as a reader of `locale` sees it (reactive). */
  example(locale: LabelLocale): ExampleWorksheet {
    this.exampleChanges.get()
    return readExampleWorksheet(this.doc, locale)
  }

  /** Rewords one field of the example (trainers); a text that does not fit is refused. */
  writeExampleField(key: ExampleWorksheetKey, value: string): WriteOutcome {
    return writeExampleWorksheetField(this.doc, key, value, this.origin)
  }

  /** Shows the filled-in example to everyone, or hides it from the participants. */
  setExampleShown(shown: boolean) {
    setFacilitation(this.doc, 'exampleShown', shown, this.origin)
  }

  dispose() {
    for (const stop of this.stops) stop()
  }
}
