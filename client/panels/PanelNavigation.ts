/**
 * Asks the side panel, from elsewhere on the page, to open a tab and move keyboard focus
 * into it (the empty board's hint, the register's "show on the board"). The panel owns its
 * tab; this only carries the request, so the asker needs no handle on the panel.
 */
import { atom } from 'tldraw'

/** The side panel's tabs, in their order; `members` only in organisation mode, for owners. */
export const PANEL_TABS = [
  'stakeholder',
  'register',
  'dialogues',
  'add',
  'workshop',
  'data',
  'map',
  'members',
] as const

/** A tab of the side panel. */
export type PanelTab = (typeof PANEL_TABS)[number]

/** One request: the tab to show and the element in it (a CSS selector) to focus. */
export interface PanelRequest {
  tab: PanelTab
  focus: string
  /** Counts requests, so asking twice for the same thing still acts twice. */
  serial: number
}

/** Where panel requests go; one per map page. */
export class PanelNavigation {
  readonly request = atom<PanelRequest | null>('panel request', null)

  /** Opens `tab` (and the panel, if hidden) and focuses the first element matching `focus`. */
  open(tab: PanelTab, focus: string) {
    this.request.update((previous) => ({ tab, focus, serial: (previous?.serial ?? 0) + 1 }))
  }
}
