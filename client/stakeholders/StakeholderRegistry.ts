/**
 * The map's stakeholder records as tldraw signals, so cards, panels and the register
 * re-render when a record changes, whoever changed it.
 *
 * Flow: the Y.Docs are the source of truth (see shared/document/stakeholderDocument.ts):
 * the map document, and for owners and facilitators the confidential document with the
 * contacts and confidential log entries (null for other roles, whose records simply have
 * none). Deep observers on the stakeholders and on the confidential roots collect which ids
 * changed in each transaction, re-read only those (validated by the shared model) and
 * update one atom per stakeholder. Writes go straight to the documents through the shared
 * functions, which validate first (and refuse confidential data without the confidential
 * document); the observers then bring the result back here.
 */
import { type Atom, type Signal, atom, computed, transact } from 'tldraw'
import type * as Y from 'yjs'
import type { StakeholderAnswer } from '../../shared/confirmation/stakeholderAnswer'
import { STAKEHOLDER_ANSWERS_MAP } from '../../shared/document/mapDocumentLayout'
import { readStakeholderAnswers } from '../../shared/document/stakeholderAnswerDocument'
import {
  type StakeholderPatch,
  type WriteResult,
  confidentialLogMap,
  contactsMap,
  deleteStakeholder,
  patchStakeholder,
  putEntry,
  readStakeholder,
  removeEntry,
  stakeholdersMap,
  writeStakeholder,
} from '../../shared/document/stakeholderDocument'
import { createStakeholder, type StakeholderInit } from '../../shared/stakeholder/createStakeholder'
import type {
  AdverseImpact,
  Contact,
  EngagementEntry,
  Stakeholder,
} from '../../shared/stakeholder/Stakeholder'

/** Ids sort by creation time, which keeps impacts, contacts and log entries in order. */
export function newEntityId(prefix: string): string {
  const time = Date.now().toString(36).padStart(9, '0')
  const random = crypto.getRandomValues(new Uint32Array(2))
  return `${prefix}-${time}-${random[0]!.toString(36)}${random[1]!.toString(36)}`
}

/** Live, validated stakeholder records of one map. */
export class StakeholderRegistry {
  private readonly records = new Map<string, Atom<Stakeholder | null>>()
  private readonly ids = atom<readonly string[]>('stakeholderIds', [])
  /** Bumped whenever a stakeholder's answer to a confirmation link arrives (server-written). */
  private readonly answersChanged = atom('stakeholderAnswersChanged', 0)

  /** Every valid stakeholder, sorted by name. */
  readonly all: Signal<Stakeholder[]> = computed('allStakeholders', () => {
    const list: Stakeholder[] = []
    for (const id of this.ids.get()) {
      const record = this.records.get(id)?.get()
      if (record) list.push(record)
    }
    return list.sort((a, b) => a.name.localeCompare(b.name))
  })

  constructor(
    private readonly doc: Y.Doc,
    /** Origin of this client's own writes, so that undo can tell them apart. */
    readonly origin: unknown = null,
    /** The map's confidential document; null for a role that may not read it. */
    readonly confidential: Y.Doc | null = null,
  ) {
    this.refresh([...stakeholdersMap(doc).keys()])
    for (const root of this.observedRoots()) root.observeDeep(this.onChange)
    for (const root of this.answerRoots()) root.observeDeep(this.onAnswer)
  }

  /** True when contacts and confidential log entries can be read and written here. */
  get hasConfidential(): boolean {
    return this.confidential !== null
  }

  dispose() {
    for (const root of this.observedRoots()) root.unobserveDeep(this.onChange)
    for (const root of this.answerRoots()) root.unobserveDeep(this.onAnswer)
  }

  private answerRoots(): Y.Map<unknown>[] {
    return [this.doc, this.confidential]
      .filter((doc) => doc !== null)
      .map((doc) => doc.getMap<unknown>(STAKEHOLDER_ANSWERS_MAP))
  }

  private onAnswer = () => this.answersChanged.update((count) => count + 1)

  /** The stakeholder's answers to confirmation links of one entry, oldest first. Reactive. */
  answersTo(stakeholderId: string, entryId: string): StakeholderAnswer[] {
    this.answersChanged.get()
    return readStakeholderAnswers([this.doc, this.confidential], stakeholderId, entryId)
  }

  private observedRoots(): Y.Map<unknown>[] {
    const roots: Y.Map<unknown>[] = [stakeholdersMap(this.doc) as Y.Map<unknown>]
    if (this.confidential !== null) {
      roots.push(contactsMap(this.confidential) as Y.Map<unknown>)
      roots.push(confidentialLogMap(this.confidential) as Y.Map<unknown>)
    }
    return roots
  }

  private onChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const changed = new Set<string>()
    for (const event of events) {
      const [first] = event.path
      if (typeof first === 'string') changed.add(first)
      else for (const key of event.keys.keys()) changed.add(key)
    }
    this.refresh([...changed])
  }

  private refresh(ids: string[]) {
    transact(() => {
      let idsChanged = false
      for (const id of ids) {
        const result = readStakeholder(this.doc, id, this.confidential)
        const value = result?.ok ? result.value : null
        if (result && !result.ok) console.warn(`Stakeholder ${id} is invalid`, result.errors)
        let record = this.records.get(id)
        if (!record) {
          if (!result) continue
          record = atom(`stakeholder:${id}`, value)
          this.records.set(id, record)
          idsChanged = true
        } else {
          record.set(value)
          if (!result) {
            this.records.delete(id)
            idsChanged = true
          }
        }
      }
      if (idsChanged) this.ids.set([...this.records.keys()])
    })
  }

  /** The record with this id, or null (no such id, deleted, or invalid). Reactive. */
  get(id: string): Stakeholder | null {
    this.ids.get()
    return this.records.get(id)?.get() ?? null
  }

  /** Creates a stakeholder and answers it, or the validation errors. */
  create(init: Omit<StakeholderInit, 'id'> & { id?: string }): WriteResult {
    const record = createStakeholder({ ...init, id: init.id ?? newEntityId('sh') })
    return writeStakeholder(this.doc, record, this.origin, this.confidential)
  }

  /** Creates several stakeholders in one change (quick add, imports). */
  createMany(inits: (Omit<StakeholderInit, 'id'> & { id?: string })[]): Stakeholder[] {
    const created: Stakeholder[] = []
    this.doc.transact(() => {
      for (const init of inits) {
        const result = this.create(init)
        if (result.ok) created.push(result.value)
      }
    }, this.origin)
    return created
  }

  /** How each write reaches the documents. */
  private get writeOptions() {
    return { origin: this.origin, confidential: this.confidential }
  }

  /** Changes some fields; nothing is written when the result would be invalid. */
  patch(id: string, patch: StakeholderPatch): WriteResult {
    return patchStakeholder(this.doc, id, patch, this.writeOptions)
  }

  putImpact(id: string, impact: AdverseImpact) {
    return putEntry(this.doc, id, 'impacts', impact, this.writeOptions)
  }

  /** Adds or replaces a log entry; a confidential one needs the confidential document. */
  putLogEntry(id: string, entry: EngagementEntry) {
    return putEntry(this.doc, id, 'engagementLog', entry, this.writeOptions)
  }

  /** Adds or replaces a contact; refused (an error value) without the confidential document. */
  putContact(id: string, contact: Contact) {
    return putEntry(this.doc, id, 'contacts', contact, this.writeOptions)
  }

  removeImpact(id: string, impactId: string) {
    return removeEntry(this.doc, id, 'impacts', impactId, this.writeOptions)
  }

  removeLogEntry(id: string, entryId: string) {
    return removeEntry(this.doc, id, 'engagementLog', entryId, this.writeOptions)
  }

  removeContact(id: string, contactId: string) {
    return removeEntry(this.doc, id, 'contacts', contactId, this.writeOptions)
  }

  /** Removes the stakeholder, its contacts included where this role has them. */
  remove(id: string) {
    return deleteStakeholder(this.doc, id, this.origin, this.confidential)
  }
}
