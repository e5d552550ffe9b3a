import { describe, expect, it } from 'vitest'
import type { VersionSummary } from '../../../shared/protocol/accessApi'
import { autoVersionName } from '../../../shared/protocol/versionNames'
import { versionAuthor, versionLabel } from '../../../client/sharing/versionLabel'

const SERVER = { name: 'Server', role: null }

function version(id: number, kind: VersionSummary['kind'], name: string): VersionSummary {
  return {
    id,
    kind,
    name,
    createdAt: '2026-05-12T10:00:00.000Z',
    createdBy: kind === 'named' ? { name: 'Marloes', role: 'facilitator' } : SERVER,
    byteSize: 10,
    stakeholderCount: 3,
  }
}

describe('version names in the viewer’s language', () => {
  const named = version(1, 'named', 'Na de workshop')
  const hourly = version(2, 'auto', autoVersionName('interval'))
  const all = [
    version(5, 'auto', autoVersionName('before-restore', 2)),
    version(4, 'auto', autoVersionName('before-restore', 1)),
    version(3, 'auto', autoVersionName('last-participant-left')),
    hourly,
    named,
  ]

  it('names what the server made by why it made it, in Dutch and English', () => {
    expect(all.map((v) => versionLabel(v, all, 'nl'))).toEqual([
      'Vóór het terugzetten van “Momentopname van het uur”',
      'Vóór het terugzetten van “Na de workshop”',
      'Toen de laatste deelnemer wegging',
      'Momentopname van het uur',
      'Na de workshop',
    ])
    expect(all.map((v) => versionLabel(v, all, 'en'))).toEqual([
      'Before restoring “Hourly snapshot”',
      'Before restoring “Na de workshop”',
      'When the last participant left',
      'Hourly snapshot',
      'Na de workshop',
    ])
    expect(versionLabel(version(6, 'auto', autoVersionName('server-shutdown')), all, 'nl')).toBe(
      'Toen de server stopte',
    )
  })

  it('reads the English names earlier servers stored', () => {
    const old = [
      version(1, 'auto', 'Automatic'),
      version(2, 'auto', 'Last participant left'),
      version(3, 'auto', 'Server shutdown'),
      version(4, 'auto', 'Before restoring "Na de workshop"'),
    ]
    expect(old.map((v) => versionLabel(v, old, 'nl'))).toEqual([
      'Momentopname van het uur',
      'Toen de laatste deelnemer wegging',
      'Toen de server stopte',
      'Vóór het terugzetten van “Na de workshop”',
    ])
  })

  it('keeps a user’s own name as typed, even one that looks like a code', () => {
    expect(versionLabel(version(7, 'named', 'interval'), all, 'nl')).toBe('interval')
    expect(versionLabel(version(8, 'named', 'Automatic'), all, 'nl')).toBe('Automatic')
  })

  it('names a restored version that is gone by its number', () => {
    const lonely = version(9, 'auto', autoVersionName('before-restore', 42))
    expect(versionLabel(lonely, [lonely], 'nl')).toBe('Vóór het terugzetten van “versie 42”')
  })

  it('signs the server’s versions "by the server", people’s by their name', () => {
    expect(versionAuthor(hourly, 'nl')).toBe('door de server')
    expect(versionAuthor(hourly, 'en')).toBe('by the server')
    expect(versionAuthor(named, 'nl')).toBe('door Marloes')
  })
})
