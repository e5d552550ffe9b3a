import {
  type KeyboardEvent,
  type ReactNode,
  Suspense,
  lazy,
  useEffect,
  useRef,
  useState,
} from 'react'
import { type Editor, useValue } from 'tldraw'
import { cardsShowing, isStakeholderCard, revealStakeholder } from '../canvas/boardActions'
import { useTranslation } from '../i18n/useTranslation'
import type { StakeholderRegistry } from '../stakeholders/StakeholderRegistry'
import type * as Y from 'yjs'
import type { RecordUndo } from '../stakeholders/RecordUndo'
import { RecordUndoButtons } from '../stakeholders/RecordUndoButtons'
import { AddPanel } from './AddPanel'
import { FieldsReadOnly } from './fields'
import { PANEL_TABS, type PanelNavigation, type PanelTab } from './PanelNavigation'
import { RegisterTable } from './RegisterTable'
import type { DialogueRecords } from '../dialogues/DialogueRecords'
import { RelationshipEditor } from './RelationshipEditor'
import { StakeholderEditor } from './stakeholderEditor/StakeholderEditor'

// Export (with the report) and import pull in CSV, zip and report code that the first screen
// does not need: they load on demand, as separate chunks, when the data tab opens.
const ExportPanel = lazy(() =>
  import('../exchange/ExportPanel').then((module) => ({ default: module.ExportPanel })),
)
const DialoguesPanel = lazy(() =>
  import('../dialogues/DialoguesPanel').then((module) => ({ default: module.DialoguesPanel })),
)
const ImportPanel = lazy(() =>
  import('../exchange/ImportPanel').then((module) => ({ default: module.ImportPanel })),
)

type Tab = PanelTab
/** Without a members tab (open mode, or not an owner) the panel has no such tab. */
const TABS: readonly Tab[] = PANEL_TABS.filter((tab) => tab !== 'members')
/** A viewer cannot add anything, so it is not shown the tab for it. */
const VIEWER_TABS: readonly Tab[] = TABS.filter((tab) => tab !== 'add')

/** The first field of the stakeholder editor that takes focus. */
const EDITOR_FOCUS = '.stakeholder-form :is(input, select, textarea, button):not(:disabled)'

/**
 * The panel beside the canvas: the selected stakeholder, the register and quick add, as
 * tabs (arrow keys move between them, as WAI-ARIA tabs do). Selecting a card opens the
 * stakeholder tab. A viewer gets no Add tab, and the record as text instead of inputs. The
 * data tab stays mounted once opened, so an import being mapped survives a look elsewhere.
 * "Show on the board" in the register and requests through `navigation` also move keyboard
 * focus into the tab (to its panel when nothing in it can take focus).
 */
export function SidePanel({
  editor,
  registry,
  dialogues,
  doc,
  mapTitle,
  readOnly,
  mapTab,
  workshopTab,
  workshopBadge,
  membersTab,
  recordUndo,
  navigation,
  onRemoveStakeholder,
  stakeholderAuditTrail,
}: {
  editor: Editor
  registry: StakeholderRegistry
  dialogues: DialogueRecords
  doc: Y.Doc
  mapTitle: string
  /** Viewers see everything and change nothing. */
  readOnly: boolean
  /** Sharing links and version history, which need the map's id, token and role. */
  mapTab: ReactNode
  /** The workshop's participants, agenda, timer, groups, scoring and voting. */
  workshopTab: ReactNode
  /** Shown on the Workshop tab's label and on the show-panel button (raised hands). */
  workshopBadge?: ReactNode
  /** Who may open the map (organisation mode, owners and admins); absent: no such tab. */
  membersTab?: ReactNode
  recordUndo: RecordUndo
  navigation: PanelNavigation
  onRemoveStakeholder(stakeholderId: string): void
  /** The audit trail of one stakeholder, for roles that may read it (else absent). */
  stakeholderAuditTrail?: (stakeholderId: string) => ReactNode
}) {
  const { t } = useTranslation()
  const baseTabs = readOnly ? VIEWER_TABS : TABS
  const tabs = membersTab === undefined ? baseTabs : [...baseTabs, 'members' as const]
  const [tab, setTab] = useState<Tab>(readOnly ? 'stakeholder' : 'add')
  const [dataOpened, setDataOpened] = useState(false)
  if (tab === 'data' && !dataOpened) setDataOpened(true)
  const [open, setOpen] = useState(true)
  // What to focus once the tab asked for has rendered (a ref: kept across re-renders until
  // done), and a counter that runs the focusing effect for each request.
  const focusWanted = useRef<string | null>(null)
  const [focusRequests, setFocusRequests] = useState(0)
  const requestFocus = (selector: string) => {
    focusWanted.current = selector
    setFocusRequests((n) => n + 1)
  }
  // The stakeholder to bring into view once the panel has its new width.
  const [revealWanted, setRevealWanted] = useState<string | null>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  const request = useValue('panel request', () => navigation.request.get(), [navigation])
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({
    stakeholder: null,
    register: null,
    dialogues: null,
    add: null,
    workshop: null,
    data: null,
    map: null,
    members: null,
  })
  const selectedCardId = useValue(
    'selected card',
    () => {
      const only = editor.getOnlySelectedShape()
      return isStakeholderCard(only) ? only.id : null
    },
    [editor],
  )
  useEffect(() => {
    if (selectedCardId) setTab('stakeholder')
  }, [selectedCardId])
  useEffect(() => {
    if (!request) return
    setOpen(true)
    setTab(request.tab)
    requestFocus(request.focus)
  }, [request])
  useEffect(() => {
    if (!revealWanted || tab !== 'stakeholder') return
    // The register is wider than the editor: measure the canvas again before centring on it.
    editor.updateViewportScreenBounds(editor.getContainer())
    revealStakeholder(editor, revealWanted)
    setRevealWanted(null)
    requestFocus(EDITOR_FOCUS)
  }, [editor, revealWanted, tab])
  useEffect(() => {
    const selector = focusWanted.current
    if (!selector || !open) return
    // On the next frame: the editor of a card selected just now renders after this effect.
    const frame = requestAnimationFrame(() => {
      focusWanted.current = null
      const body = bodyRef.current
      const target = body?.querySelector<HTMLElement>(selector) ?? body
      target?.focus()
    })
    return () => cancelAnimationFrame(frame)
  }, [focusRequests, open, tab])

  function onTabKey(event: KeyboardEvent) {
    const index = tabs.indexOf(tab)
    const next =
      event.key === 'ArrowRight'
        ? tabs[(index + 1) % tabs.length]
        : event.key === 'ArrowLeft'
          ? tabs[(index + tabs.length - 1) % tabs.length]
          : null
    if (!next) return
    event.preventDefault()
    setTab(next)
    tabRefs.current[next]?.focus()
  }

  if (!open) {
    return (
      <button type="button" className="side-panel__show" onClick={() => setOpen(true)}>
        {t('panel.show')}
        {workshopBadge}
      </button>
    )
  }
  return (
    <aside className={`side-panel side-panel--${tab}`} aria-label={t('panel.label')}>
      <div className="side-panel__tabs">
        {/* Only tabs inside the tablist (WAI-ARIA); the hide button sits beside it. */}
        <div className="side-panel__tablist" role="tablist" onKeyDown={onTabKey}>
          {tabs.map((id) => (
            <button
              key={id}
              ref={(element) => {
                tabRefs.current[id] = element
              }}
              type="button"
              role="tab"
              id={`tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`tabpanel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => setTab(id)}
            >
              {t(`panel.tab.${id}`)}
              {id === 'workshop' && workshopBadge}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="side-panel__hide"
          aria-label={t('panel.hide')}
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </div>
      <FieldsReadOnly.Provider value={readOnly}>
        <div
          ref={bodyRef}
          tabIndex={-1}
          className="side-panel__body"
          role="tabpanel"
          id={`tabpanel-${tab}`}
          aria-labelledby={`tab-${tab}`}
        >
          {/* Names the tab for the heading outline: the map title (h1), then this, then the
              panel's own h3 sections. */}
          <h2 className="visually-hidden">{t(`panel.tab.${tab}`)}</h2>
          {/* A fieldset to disable every input for a viewer at once; not the tabpanel itself,
              which a fieldset may not be (ARIA in HTML). */}
          <fieldset
            className="side-panel__fields"
            disabled={readOnly && tab !== 'map' && tab !== 'workshop' && tab !== 'members'}
          >
            {(tab === 'stakeholder' || tab === 'register') && !readOnly && (
              <RecordUndoButtons undo={recordUndo} />
            )}
            {tab === 'stakeholder' && (
              <>
                <RelationshipEditor editor={editor} registry={registry} />
                <StakeholderEditor
                  editor={editor}
                  registry={registry}
                  onRemove={onRemoveStakeholder}
                  auditTrail={stakeholderAuditTrail}
                />
              </>
            )}
            {tab === 'register' && (
              <RegisterTable
                registry={registry}
                onShowOnBoard={(stakeholderId) => {
                  if (cardsShowing(editor, stakeholderId).length === 0) return false
                  setTab('stakeholder')
                  setRevealWanted(stakeholderId)
                  return true
                }}
              />
            )}
            {tab === 'dialogues' && (
              <Suspense fallback={null}>
                <DialoguesPanel records={dialogues} registry={registry} editor={editor} />
              </Suspense>
            )}
            {tab === 'add' && !readOnly && (
              <AddPanel
                editor={editor}
                registry={registry}
                onAddedOne={() => {
                  // Its card is selected: on to its editor, with the keyboard too.
                  setTab('stakeholder')
                  requestFocus(EDITOR_FOCUS)
                }}
              />
            )}
            {dataOpened && (
              <div hidden={tab !== 'data'}>
                <Suspense fallback={null}>
                  <ExportPanel editor={editor} doc={doc} mapTitle={mapTitle} registry={registry} />
                  {!readOnly && <ImportPanel editor={editor} doc={doc} registry={registry} />}
                </Suspense>
              </div>
            )}
            {tab === 'map' && mapTab}
            {tab === 'workshop' && workshopTab}
            {tab === 'members' && membersTab}
          </fieldset>
        </div>
      </FieldsReadOnly.Provider>
    </aside>
  )
}
