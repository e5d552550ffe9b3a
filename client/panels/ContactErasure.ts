/**
 * How the stakeholder editor erases personal data: given by the map page for the owner
 * only (the server refuses everyone else), null otherwise. `contactId` null erases every
 * contact the stakeholder has or had.
 */
import { createContext } from 'react'

/** Erases on the server; rejects with an Error whose message can be shown. */
export type EraseContacts = (stakeholderId: string, contactId: string | null) => Promise<void>

/** Null: this person may not erase (the editor offers only "remove from current map"). */
export const ContactErasure = createContext<EraseContacts | null>(null)
