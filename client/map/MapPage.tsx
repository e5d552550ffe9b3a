/**
 * The map page: opening a map (refusals, the offline copy, the session), its bar and the
 * tldraw editor with our panels. About 400 lines because the page's states (loading, refused,
 * open, version view) are one component tree; the work itself lives in useMapSession,
 * the panels and client/canvas.
 */
import { MembersPanel } from '../library/MembersPanel'
import { useSession } from '../library/useSession'
import type { SessionResponse } from '../../shared/protocol/sessionApi'
import { useEffect, useMemo, useState } from 'react'
import { type Editor, Tldraw, useValue } from 'tldraw'
import type * as Y from 'yjs'
import type { MapAccessResponse, VersionSummary } from '../../shared/protocol/accessApi'
import type { ClientConfig, MapMetadata } from '../../shared/protocol/api'
import { ApiErrorCode } from '../../shared/protocol/apiErrorCodes'
import { CloseCode } from '../../shared/protocol/closeCodes'
import {
  type Role,
  canEditMap,
  canErasePersonalData,
  canFacilitate,
  canReadAuditTrail,
} from '../../shared/protocol/roles'
import { EmptyBoardHint } from '../canvas/EmptyBoardHint'
import { fitContentOnOpen } from '../canvas/fitContentOnOpen'
import { cardsShowing } from '../canvas/boardActions'
import { boardComponents } from '../canvas/boardComponents'
import { syncCardPlacement } from '../canvas/cardPlacement'
import { keepLockedTemplateStill } from '../workshop/keepLockedTemplateStill'
import { deleteAsksAboutStakeholders } from '../canvas/deleteAsksAboutStakeholders'
import { loadOnlyDrawnFonts } from '../canvas/loadOnlyDrawnFonts'
import { ownAssetUrls, withoutEmbeds } from '../canvas/ownAssetUrls'
import { placeScoredStakeholders } from '../canvas/placeScoredStakeholders'
import { rememberMap } from '../home/recentMaps'
import { FieldDrafts, FieldDraftsContext } from '../drafts/FieldDrafts'
import { PanelNavigation } from '../panels/PanelNavigation'
import { SidePanel } from '../panels/SidePanel'
import { cardShapeMessages } from '../shapes/stakeholder-card/cardShapeMessages'
import { seedTemplateOnce } from '../templates/seedTemplateOnce'
import { ApiRequestError } from '../config/apiClient'
import { LanguageSwitch } from '../i18n/LanguageSwitch'
import { useTranslation } from '../i18n/useTranslation'
import { navigate } from '../navigation'
import { accessFor, rememberAccess, rememberMetadata, forgetAccess } from '../sharing/mapAccess'
import { UserNameField } from '../user/UserNameField'
import { localUserPreferences, tldrawCurrentUser } from '../user/localUser'
import { AuditTrailPanel, StakeholderAuditDisclosure } from '../sharing/AuditTrailPanel'
import { SharePanel } from '../sharing/SharePanel'
import { VersionHistoryPanel } from '../sharing/VersionHistoryPanel'
import { VersionViewer } from './VersionViewer'
import { JoinDialog } from '../workshop/JoinDialog'
import { TimerDisplay } from '../workshop/TimerDisplay'
import { RaisedHandsBadge } from '../workshop/RaisedHandsBadge'
import { clearOldTemplateLocks } from '../workshop/clearOldTemplateLocks'
import { WorkshopPanel } from '../workshop/WorkshopPanel'
import { measureServerClock } from '../workshop/serverClock'
import { useWorkshopEffects } from '../workshop/useWorkshopEffects'
import { ContactErasure, type EraseContacts } from '../panels/ContactErasure'
import { type ConfirmationAccess, ConfirmationRequests } from '../panels/ConfirmationRequests'
import { eraseAllContacts, eraseContact } from '../sharing/apiWithToken'
import { ConnectionBadge } from './ConnectionBadge'
import { RefusalBanner } from './RefusalBanner'
import { useReopenOnLoweredRole } from './reopenOnLoweredRole'
import { PageMenuForSeveralPages } from './PageMenuForSeveralPages'
import { takeMapRequest } from './mapRequest'
import { PresenterModeButton } from './PresenterModeButton'
import { isPresenting, presenterModeRequested, setPresenting } from './presenterMode'
import { type MapSession, useMapSession } from './useMapSession'

/** tldraw's UI parts we replace: the board's, and the page menu only with several pages. */
const TLDRAW_COMPONENTS = { ...boardComponents, PageMenu: PageMenuForSeveralPages }

/** Why a map cannot be opened. */
type OpenFailure = 'not-found' | 'no-access' | 'unreachable'

/** What the server told us about the map and our token. */
interface OpenedMap {
  metadata: MapAccessResponse
  token: string | null
}

/**
 * The map page. It first takes a share link's token out of the address bar, asks the
 * server what the map is and which role the token gives (a request the entry may have
 * started already: mapRequest.ts), then opens the canvas.
 */
export function MapPage({ mapId, config }: { mapId: string; config: ClientConfig }) {
  const { t } = useTranslation()
  const [opened, setOpened] = useState<OpenedMap | null>(null)
  const [failure, setFailure] = useState<OpenFailure | null>(null)
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    void measureServerClock()
    const { token, metadata: answer } = takeMapRequest(mapId)
    let cancelled = false
    answer.then(
      (metadata) => {
        if (cancelled) return
        if (token) rememberAccess(mapId, { [metadata.role]: token })
        rememberMetadata(mapId, metadata)
        setOpened({ metadata, token })
        rememberMap(metadata.id, metadata.title)
        document.title = `${metadata.title} · ${t('app.name')}`
      },
      (error: unknown) => {
        if (cancelled) return
        const status = error instanceof ApiRequestError ? error.status : 0
        // Organisation mode refuses the role links this browser may hold from before: drop
        // them and try again with the session (a member) or as refused.
        if (token && error instanceof ApiRequestError && error.code === ApiErrorCode.roleLinksOff) {
          forgetAccess(mapId)
          return setAttempt((n) => n + 1)
        }
        // Offline: open the copy this browser keeps, as far as it knows the map.
        const cached = accessFor(mapId).metadata
        if (status === 0 && cached) return setOpened({ metadata: cached, token })
        if (status === 404 || status === 403) forgetAccess(mapId)
        setFailure(
          status === 404
            ? 'not-found'
            : status === 401 || status === 403
              ? 'no-access'
              : 'unreachable',
        )
      },
    )
    return () => {
      cancelled = true
    }
  }, [mapId, attempt]) // eslint-disable-line react-hooks/exhaustive-deps

  if (failure) {
    return (
      <main className="map-message">
        <p role="alert">{t(`map.open.${failure}`)}</p>
        {failure === 'unreachable' && (
          <button
            type="button"
            className="button"
            onClick={() => {
              setFailure(null)
              setAttempt((n) => n + 1)
            }}
          >
            {t('map.retry')}
          </button>
        )}
        <p>
          <a href="/">{t('map.back')}</a>
        </p>
      </main>
    )
  }
  if (!opened) return <p className="map-message">{t('map.loading')}</p>
  return <MapCanvas mapId={mapId} opened={opened} config={config} />
}

function MapCanvas({
  mapId,
  opened,
  config,
}: {
  mapId: string
  opened: OpenedMap
  config: ClientConfig
}) {
  const { metadata, token } = opened
  const { t } = useTranslation()
  const { connection, session } = useMapSession(mapId, token, metadata.role)
  const identity = useValue('identity', () => connection?.identity.get() ?? null, [connection])
  const refused = useValue('refused', () => connection?.status.get().kind === 'refused', [
    connection,
  ])
  useReopenOnLoweredRole(connection, mapId, metadata.role, token !== null)
  // A session that ended (4401) leaves no one signed in here: the bar stops saying so.
  const sessionEnded = useValue(
    'sessionEnded',
    () => {
      const status = connection?.status.get()
      return status?.kind === 'refused' && status.code === CloseCode.unauthorized
    },
    [connection],
  )
  // The editor, once mounted: the bar's presenter mode button needs it.
  const [editor, setEditor] = useState<Editor | null>(null)
  const presenting = useValue('presenting', () => (editor ? isPresenting(editor) : false), [editor])
  const signIn = useSession()
  // A guest of an organisation has no library: "All maps" would only lead to a sign-in page.
  const showsAllMaps = !(signIn?.mode === 'organisation' && identity?.kind === 'guest')

  return (
    <div className={`map-page${presenting ? ' map-page--presenting' : ''}`}>
      <header className="map-bar">
        {showsAllMaps && (
          <a
            className="map-bar__back"
            href="/"
            onClick={(event) => {
              event.preventDefault()
              navigate('/')
            }}
          >
            ← {t('map.back')}
          </a>
        )}
        <h1 className="map-bar__title">{metadata.title}</h1>
        {!canEditMap(metadata.role) && <span className="map-bar__role">{t('map.readOnly')}</span>}
        {session && <TimerDisplay model={session.workshop} />}
        {editor && <PresenterModeButton editor={editor} />}
        <div className="map-bar__tools">
          {!(sessionEnded && identity?.kind === 'user') && <UserNameField identity={identity} />}
          <LanguageSwitch />
          {connection && <ConnectionBadge connection={connection} />}
        </div>
      </header>
      {session ? (
        <MapEditor
          session={session}
          config={config}
          template={metadata.template}
          role={metadata.role}
          title={metadata.title}
          mapId={mapId}
          token={token}
          signIn={signIn}
          onEditor={setEditor}
        />
      ) : (
        <p className="map-message" role="status">
          {refused ? t('map.open.no-access') : t('map.loading')}
        </p>
      )}
    </div>
  )
}

function MapEditor({
  session,
  config,
  template,
  role,
  title,
  mapId,
  token,
  signIn,
  onEditor,
}: {
  mapId: string
  token: string | null
  /** The server's session answer (organisation mode: who is signed in), null until known. */
  signIn: SessionResponse | null
  /** Told the editor when it mounts and null when it goes. */
  onEditor: (editor: Editor | null) => void
  session: MapSession
  config: ClientConfig
  template: MapMetadata['template']
  role: Role
  title: string
}) {
  const { t, locale } = useTranslation()
  const [editor, setEditor] = useState<Editor | null>(null)
  // Organisation mode: a signed-in owner (or admin, who acts as owner) manages the members.
  const managesMembers = signIn?.mode === 'organisation' && signIn.user !== null && role === 'owner'
  // Text typed in the panels and not in the document yet, kept per map for this tab.
  const drafts = useMemo(() => new FieldDrafts(mapId), [mapId])
  const [openVersion, setOpenVersion] = useState<{
    doc: Y.Doc
    version: VersionSummary
    label: string
  } | null>(null)
  const outdated = useValue('outdated', () => session.binding.schemaState.get() === 'outdated', [
    session,
  ])
  const overrides = useMemo(
    () => [deleteAsksAboutStakeholders(session.registry), cardShapeMessages, withoutEmbeds],
    [session],
  )
  const [navigation] = useState(() => new PanelNavigation())
  useWorkshopEffects(editor, session.workshop)
  // Erasing personal data: the owner only (the server refuses everyone else too); signed in
  // (organisation mode) with no token, as for confirmation links: the session cookie goes.
  const eraseContacts = useMemo<EraseContacts | null>(() => {
    if (!canErasePersonalData(role)) return null
    return async (stakeholderId, contactId) => {
      const by = localUserPreferences.get().name || undefined
      if (contactId === null) await eraseAllContacts(mapId, stakeholderId, token ?? '', by)
      else await eraseContact(mapId, stakeholderId, contactId, token ?? '', by)
    }
  }, [role, token, mapId])
  // Asking a stakeholder to confirm an entry: roles that may edit (the server checks too).
  // Signed in (organisation mode) there is no token: the session cookie goes instead.
  const confirmationAccess = useMemo<ConfirmationAccess | null>(() => {
    if (!canEditMap(role)) return null
    return { mapId, token: token ?? '', by: () => localUserPreferences.get().name || undefined }
  }, [role, token, mapId])
  // A projector opened straight into presenter mode is nobody: it is not asked to join.
  const presenting = useValue(
    'presenting',
    () => (editor ? isPresenting(editor) : presenterModeRequested(window.location)),
    [editor],
  )
  // Signed in, the name is the provider's: only where one is (room or remote) is asked.
  const signedInName = signIn?.user?.name ?? null
  const needsJoining = useValue(
    'needs joining',
    () => {
      const { name, place } = localUserPreferences.get()
      return !place || (!name && signedInName === null)
    },
    [signedInName],
  )

  // The SER template is seeded once, by whoever opens the new map first.
  useEffect(() => {
    if (editor && template) seedTemplateOnce(editor, session.connection.doc, template, locale)
  }, [editor, template, session, locale])

  return (
    <main className="map-workspace">
      <div className="map-canvas">
        <RefusalBanner
          connection={session.connection}
          organisation={signIn?.mode === 'organisation'}
          viaLink={token !== null}
        />
        {outdated && (
          <div className="map-banner" role="alert">
            {t('map.outdated')}{' '}
            <button type="button" onClick={() => window.location.reload()}>
              {t('map.reload')}
            </button>
          </div>
        )}
        {editor && (
          <EmptyBoardHint
            editor={editor}
            mapId={mapId}
            readOnly={!canEditMap(role)}
            navigation={navigation}
          />
        )}
        <Tldraw
          store={session.store}
          shapeUtils={session.shapeUtils}
          user={tldrawCurrentUser}
          assetUrls={ownAssetUrls}
          overrides={overrides}
          components={TLDRAW_COMPONENTS}
          licenseKey={config.tldrawLicenseKey ?? undefined}
          onMount={(mounted) => {
            const stopFonts = loadOnlyDrawnFonts(mounted)
            // Before the map fits itself to the screen: presenting, the screen is larger.
            if (presenterModeRequested(window.location)) setPresenting(mounted, true)
            setEditor(mounted)
            onEditor(mounted)
            // Exposed for the browser tests and for debugging from the console.
            ;(window as unknown as { editor: unknown }).editor = mounted
            void session.connection.synced.then(() => {
              fitContentOnOpen(mounted)
              if (canFacilitate(role)) clearOldTemplateLocks(mounted, session.connection.doc)
            })
            const stopPlacement = syncCardPlacement(mounted, session.registry)
            const stopLock = keepLockedTemplateStill(mounted, session.connection.doc)
            const stopScored = placeScoredStakeholders(
              mounted,
              session.registry,
              session.connection.doc,
            )
            return () => {
              stopFonts()
              stopPlacement()
              stopLock()
              stopScored()
              setEditor(null)
              onEditor(null)
            }
          }}
        />
      </div>
      {needsJoining && !presenting && (
        <JoinDialog
          signedInName={signedInName}
          onJoined={() =>
            // Into the map just joined: the panel's open tab, from where Tab reaches its
            // content (the dialog and its focused field are about to go).
            document.querySelector<HTMLElement>('.side-panel [role="tab"][tabindex="0"]')?.focus()
          }
        />
      )}
      {openVersion && (
        <VersionViewer
          doc={openVersion.doc}
          version={openVersion.version}
          label={openVersion.label}
          onClose={() => setOpenVersion(null)}
        />
      )}
      {editor && (
        <FieldDraftsContext.Provider value={drafts}>
          <ContactErasure.Provider value={eraseContacts}>
            <ConfirmationRequests.Provider value={confirmationAccess}>
              <SidePanel
                editor={editor}
                registry={session.registry}
                dialogues={session.dialogues}
                doc={session.connection.doc}
                mapTitle={title}
                readOnly={!canEditMap(role)}
                recordUndo={session.recordUndo}
                navigation={navigation}
                workshopTab={
                  <WorkshopPanel
                    editor={editor}
                    registry={session.registry}
                    model={session.workshop}
                    role={role}
                    rolePlay={session.rolePlay}
                  />
                }
                workshopBadge={
                  canFacilitate(role) ? <RaisedHandsBadge model={session.workshop} /> : undefined
                }
                membersTab={
                  managesMembers ? (
                    <MembersPanel
                      mapId={mapId}
                      isAdmin={signIn?.user?.isAdmin === true}
                      ownUserId={signIn?.user?.id ?? null}
                    />
                  ) : undefined
                }
                mapTab={
                  <>
                    <SharePanel
                      mapId={mapId}
                      role={role}
                      token={token ?? ''}
                      tokens={accessFor(mapId).tokens}
                      locale={locale}
                      organisation={signIn?.mode === 'organisation'}
                      onReissued={(reissuedRole, newToken) => {
                        rememberAccess(mapId, { [reissuedRole]: newToken })
                        // A new link for our own role revokes the token this page is connected with.
                        if (reissuedRole === role) window.location.reload()
                      }}
                    />
                    <VersionHistoryPanel
                      mapId={mapId}
                      token={token ?? ''}
                      role={role}
                      locale={locale}
                      displayName={localUserPreferences.get().name || undefined}
                      onOpenVersion={(doc, version, label) =>
                        setOpenVersion({ doc, version, label })
                      }
                    />
                    {canReadAuditTrail(role) && (
                      <AuditTrailPanel
                        mapId={mapId}
                        token={token ?? ''}
                        locale={locale}
                        nameOf={(id) => session.registry.get(id)?.name}
                      />
                    )}
                  </>
                }
                stakeholderAuditTrail={
                  canReadAuditTrail(role)
                    ? (stakeholderId) => (
                        <StakeholderAuditDisclosure
                          mapId={mapId}
                          token={token ?? ''}
                          locale={locale}
                          stakeholderId={stakeholderId}
                          nameOf={(id) => session.registry.get(id)?.name}
                        />
                      )
                    : undefined
                }
                onRemoveStakeholder={(stakeholderId) => {
                  const name = session.registry.get(stakeholderId)?.name.trim()
                  const question = name
                    ? t('delete.stakeholder', { name })
                    : t('delete.stakeholderUnnamed')
                  if (!window.confirm(question)) return
                  editor.deleteShapes(cardsShowing(editor, stakeholderId).map((card) => card.id))
                  session.registry.remove(stakeholderId)
                }}
              />
            </ConfirmationRequests.Provider>
          </ContactErasure.Provider>
        </FieldDraftsContext.Provider>
      )}
    </main>
  )
}
