import { type FormEvent, useEffect, useState } from 'react'
import type { MapMember, MemberKind, UserSummary } from '../../shared/protocol/libraryApi'
import { ROLES, type Role, isRole } from '../../shared/protocol/roles'
import { apiFailureReason } from '../i18n/apiFailureReason'
import type { MessageKey } from '../i18n/messages.en'
import { useTranslation } from '../i18n/useTranslation'
import { useStoredDraft } from '../drafts/useStoredDraft'
import { fetchMembers, findUsers, putMember, removeMember } from './libraryClient'
import { signOutPerson } from './peopleClient'

/** An admin's sign-out of one person, and where its button was (members list or search). */
interface SignOutOutcome {
  id: string
  name: string
  place: 'member' | 'found'
  cause?: unknown
}

/**
 * The Members tab of a map (organisation mode; owners and organisation admins): who may
 * open the map with which role. People are found among those who have signed in at least
 * once (by name or e-mail); a group is typed as the identity provider names it. The server
 * keeps at least one owner and says so when a change would leave none. An organisation
 * admin can also sign a person out of every browser (someone left, a laptop was lost): a
 * member from the list, or anyone found by the search, which also covers people who open
 * the map through a group.
 */
export function MembersPanel({
  mapId,
  isAdmin = false,
  ownUserId = null,
}: {
  mapId: string
  isAdmin?: boolean
  /** The signed-in user: not offered to sign themself out here (the page header does that). */
  ownUserId?: string | null
}) {
  const { t, locale } = useTranslation()
  const [members, setMembers] = useState<MapMember[] | null>(null)
  // The failure itself, worded when shown: a language switch rewords it.
  const [failure, setFailure] = useState<{ key: MessageKey; cause: unknown } | null>(null)
  const [reloads, setReloads] = useState(0)
  // A draft of the map: the search outlives another panel tab and a reload.
  const [query, setQuery, clearQuery] = useStoredDraft('members/search')
  const [found, setFound] = useState<UserSummary[]>([])
  const [personRole, setPersonRole] = useState<Role>('editor')
  const [group, setGroup] = useState('')
  const [groupRole, setGroupRole] = useState<Role>('viewer')
  // The last admin sign-out, said once done (or failed) beside its button, worded when shown.
  const [signedOut, setSignedOut] = useState<SignOutOutcome | null>(null)

  useEffect(() => {
    let current = true
    fetchMembers(mapId)
      .then((answer) => {
        if (current) setMembers(answer)
      })
      .catch((cause: unknown) => {
        if (current) setFailure({ key: 'members.failed', cause })
      })
    return () => {
      current = false
    }
  }, [mapId, reloads])

  useEffect(() => {
    let current = true
    if (query.trim() === '') {
      setFound([])
      return
    }
    const timer = setTimeout(() => {
      findUsers(query)
        .then((answer) => {
          if (current) setFound(answer)
        })
        .catch(() => undefined)
    }, 200)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [query])

  async function change(action: () => Promise<void>): Promise<boolean> {
    setFailure(null)
    try {
      await action()
      setReloads((count) => count + 1)
      return true
    } catch (cause) {
      setFailure({ key: 'members.failed', cause })
      return false
    }
  }

  const roleOptions = ROLES.map((role) => (
    <option key={role} value={role}>
      {t(`members.role.${role}`)}
    </option>
  ))

  const memberLabel = (member: MapMember) =>
    member.kind === 'group'
      ? t('members.group', { name: member.name })
      : member.email === null
        ? member.name
        : `${member.name} (${member.email})`

  async function addGroup(event: FormEvent) {
    event.preventDefault()
    const name = group.trim()
    if (name === '') return
    if (await change(() => putMember(mapId, 'group', name, groupRole))) setGroup('')
  }

  async function signOut(person: { id: string; name: string }, place: SignOutOutcome['place']) {
    setSignedOut(null)
    try {
      await signOutPerson(person.id)
      setSignedOut({ id: person.id, name: person.name, place })
    } catch (cause) {
      setSignedOut({ id: person.id, name: person.name, place, cause })
    }
  }

  const mayBeSignedOut = (id: string) => isAdmin && id !== ownUserId

  /** Beside the person's button; always there, so a screen reader announces what appears. */
  const signOutStatus = (id: string, place: SignOutOutcome['place']) => (
    <p role="status" className="members__status">
      {signedOut !== null && signedOut.id === id && signedOut.place === place
        ? signedOut.cause === undefined
          ? t('members.signedOut', { name: signedOut.name })
          : t('members.signOutFailed', {
              name: signedOut.name,
              reason: apiFailureReason(locale, signedOut.cause),
            })
        : null}
    </p>
  )

  const changeRole = (kind: MemberKind, id: string, role: string) => {
    if (isRole(role)) void change(() => putMember(mapId, kind, id, role))
  }

  return (
    <section className="members" aria-labelledby="members-heading">
      <h3 id="members-heading">{t('members.heading')}</h3>
      <p className="members__intro">{t('members.intro')}</p>
      {failure && (
        <p role="alert" className="members__error">
          {t(failure.key, { reason: apiFailureReason(locale, failure.cause) })}
        </p>
      )}
      {members !== null && (
        <ul className="members__list">
          {members.map((member) => (
            <li key={`${member.kind}/${member.id}`}>
              <span className="members__name">{memberLabel(member)}</span>
              <select
                aria-label={t('members.roleOf', { name: member.name })}
                value={member.role}
                onChange={(event) => changeRole(member.kind, member.id, event.target.value)}
              >
                {roleOptions}
              </select>
              <button
                type="button"
                aria-label={t('members.removeOf', { name: member.name })}
                onClick={() => void change(() => removeMember(mapId, member.kind, member.id))}
              >
                {t('members.remove')}
              </button>
              {member.kind === 'user' && mayBeSignedOut(member.id) && (
                <>
                  {/* The name is right beside it on screen; a screen reader hears it too. */}
                  <button
                    type="button"
                    aria-label={t('members.signOutOf', { name: member.name })}
                    onClick={() => void signOut(member, 'member')}
                  >
                    {t('members.signOut')}
                  </button>
                  {signOutStatus(member.id, 'member')}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="members__add">
        <h4>{t('members.addPerson')}</h4>
        <label>
          <span>{t('members.findPerson')}</span>
          <input
            type="search"
            value={query}
            maxLength={200}
            placeholder={t('members.findPlaceholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
        </label>
        <label>
          <span>{t('members.role')}</span>
          <select
            value={personRole}
            onChange={(event) => {
              if (isRole(event.target.value)) setPersonRole(event.target.value)
            }}
          >
            {roleOptions}
          </select>
        </label>
        {isAdmin && <p className="members__muted">{t('members.signOutFoundHint')}</p>}
        {query.trim() !== '' && found.length === 0 && (
          <p className="members__muted">{t('members.nobodyFound')}</p>
        )}
        <ul className="members__found">
          {found.map((user) => (
            <li key={user.id}>
              <button
                type="button"
                onClick={() =>
                  void change(() => putMember(mapId, 'user', user.id, personRole)).then((ok) => {
                    if (ok) clearQuery()
                  })
                }
              >
                {t('members.addAs', {
                  name: user.email === null ? user.name : `${user.name} (${user.email})`,
                  // Mid-sentence: "Add Anna as editor", not "as Editor".
                  role: t(`members.role.${personRole}`).toLocaleLowerCase(locale),
                })}
              </button>
              {mayBeSignedOut(user.id) && (
                <>
                  {/* Below a long "Add … as …" button: the name is said on the button itself. */}
                  <button type="button" onClick={() => void signOut(user, 'found')}>
                    {t('members.signOutOf', { name: user.name })}
                  </button>
                  {signOutStatus(user.id, 'found')}
                </>
              )}
            </li>
          ))}
        </ul>
      </div>
      <form className="members__add" onSubmit={(event) => void addGroup(event)}>
        <h4>{t('members.addGroup')}</h4>
        <label>
          <span>{t('members.groupName')}</span>
          <input value={group} maxLength={200} onChange={(event) => setGroup(event.target.value)} />
        </label>
        <label>
          <span>{t('members.role')}</span>
          <select
            value={groupRole}
            onChange={(event) => {
              if (isRole(event.target.value)) setGroupRole(event.target.value)
            }}
          >
            {roleOptions}
          </select>
        </label>
        <button type="submit" disabled={group.trim() === ''}>
          {t('members.add')}
        </button>
      </form>
    </section>
  )
}
