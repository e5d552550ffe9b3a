/**
 * How the engagement-log editor reaches the confirmation-link API: given by the map page to
 * roles that may edit the map and hold a token for it, null otherwise (then the editor
 * offers no "ask for confirmation"; the server would refuse it anyway).
 */
import { createContext } from 'react'

/** The map and the token the editor's calls go with, and the name links are made by. */
export interface ConfirmationAccess {
  mapId: string
  token: string
  /** The display name recorded as the link's creator (may be empty). */
  by(): string | undefined
}

/** Null: this person may not ask for confirmation. */
export const ConfirmationRequests = createContext<ConfirmationAccess | null>(null)
