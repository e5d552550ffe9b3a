/**
 * The erasure register of a map: which contacts were erased, when and by whom — never the
 * erased data. It lives in the confidential document's `erasures` root (mapDocumentLayout.ts),
 * written by the server only, so it is stored, replicated between nodes and kept like the
 * rest of that document, and only owners and facilitators receive it.
 *
 * Why a register and not just the deletion: Yjs deletes are enough for a browser that is
 * online, but a browser that held the contact offline keeps the old updates in IndexedDB,
 * and one that edited the contact offline holds a new copy the server never saw. The server
 * sends the register before sync starts (erasureRegisterMessage.ts); the browser removes
 * what it lists from its document and rewrites its local copy, and the server refuses any
 * update that would bring a listed contact back ({@link liveErasedContacts}).
 */
import * as Y from 'yjs'
import type { Actor } from '../protocol/accessApi'
import { ERASURES_MAP } from './mapDocumentLayout'
import { contactsMap } from './stakeholderDocument'

/** One erased contact: ids, time and who; nothing of the contact itself. */
export interface ErasureRecord {
  stakeholderId: string
  contactId: string
  /** ISO 8601 time of the erasure. */
  at: string
  by: Actor
}

/** Key of a record in the register (ids never contain `/`). */
export function erasureKey(stakeholderId: string, contactId: string): string {
  return `${stakeholderId}/${contactId}`
}

/** The register's root map of a confidential document. */
export function erasureRegisterMap(confidential: Y.Doc): Y.Map<ErasureRecord> {
  return confidential.getMap<ErasureRecord>(ERASURES_MAP)
}

/** Every record of the register, oldest first. */
export function readErasureRegister(confidential: Y.Doc): ErasureRecord[] {
  return [...erasureRegisterMap(confidential).values()]
    .filter(isErasureRecord)
    .sort((a, b) => a.at.localeCompare(b.at))
}

/** Adds records to the register (in the caller's transaction, if any). */
export function addErasureRecords(confidential: Y.Doc, records: readonly ErasureRecord[]): void {
  const register = erasureRegisterMap(confidential)
  confidential.transact(() => {
    for (const record of records) {
      register.set(erasureKey(record.stakeholderId, record.contactId), record)
    }
  })
}

/** The listed contacts that are (still, or again) in the document. */
export function liveErasedContacts(
  confidential: Y.Doc,
  records: readonly Pick<ErasureRecord, 'stakeholderId' | 'contactId'>[],
): Pick<ErasureRecord, 'stakeholderId' | 'contactId'>[] {
  const contacts = contactsMap(confidential)
  return records.filter((record) => {
    const ofStakeholder = contacts.get(record.stakeholderId)
    return ofStakeholder instanceof Y.Map && ofStakeholder.has(record.contactId)
  })
}

/**
 * Deletes the listed contacts that are in the document, in one transaction with `origin`.
 * Answers how many there were.
 */
export function removeErasedContacts(
  confidential: Y.Doc,
  records: readonly Pick<ErasureRecord, 'stakeholderId' | 'contactId'>[],
  origin?: unknown,
): number {
  const live = liveErasedContacts(confidential, records)
  if (live.length === 0) return 0
  const contacts = contactsMap(confidential)
  confidential.transact(() => {
    for (const { stakeholderId, contactId } of live) contacts.get(stakeholderId)?.delete(contactId)
  }, origin)
  return live.length
}

/** True for a well-formed record (what a register read from elsewhere must look like). */
export function isErasureRecord(value: unknown): value is ErasureRecord {
  if (typeof value !== 'object' || value === null) return false
  const record = value as Partial<ErasureRecord>
  return (
    typeof record.stakeholderId === 'string' &&
    typeof record.contactId === 'string' &&
    typeof record.at === 'string' &&
    typeof record.by === 'object' &&
    record.by !== null &&
    typeof record.by.name === 'string'
  )
}
