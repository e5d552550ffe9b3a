/**
 * The audit trail in words, in English and Dutch, for the audit view and its CSV export:
 * one line per changed field (field label, old value, new value or what happened), and a
 * readable line for rows recorded before values were kept and for entries of a kind this
 * code does not know (shown by their kind and details, so a new kind is never hidden).
 */
import { formatMessage } from '../i18n/formatMessage'
import type { Actor, AuditEntry, AuditFieldChange } from '../protocol/accessApi'
import { AUDIT_CHANGE_KIND } from '../protocol/accessApi'
import type { LabelLocale } from '../labels/modelLabels'
import type { Role } from '../protocol/roles'
import { stakeholderFieldLabel, stakeholderValueLabel } from '../labels/stakeholderFieldLabels'

const en = {
  textChanged: 'text changed',
  changed: 'changed',
  added: 'added',
  removed: 'removed',
  notRecorded: 'values not recorded then',
  'kind.erasure': 'Erasure of personal data',
  'erasure.contacts':
    'of {count, plural, one {# contact} other {# contacts}}, in the map and every version',
  'role.owner': 'Owner',
  'role.facilitator': 'Facilitator',
  'role.editor': 'Editor',
  'role.viewer': 'Viewer',
  'role.none': 'Server',
  'identity.guest': 'guest',
  'identity.user': 'user',
}

/** A key of the audit texts. */
export type AuditTextKey = keyof typeof en

const nl: Record<AuditTextKey, string> = {
  textChanged: 'tekst gewijzigd',
  changed: 'gewijzigd',
  added: 'toegevoegd',
  removed: 'verwijderd',
  notRecorded: 'waarden toen niet vastgelegd',
  'kind.erasure': 'Wissen van persoonsgegevens',
  'erasure.contacts':
    'van {count, plural, one {# contactpersoon} other {# contactpersonen}}, in de kaart en elke versie',
  'role.owner': 'Eigenaar',
  'role.facilitator': 'Begeleider',
  'role.editor': 'Bewerker',
  'role.viewer': 'Kijker',
  'role.none': 'Server',
  'identity.guest': 'gast',
  'identity.user': 'gebruiker',
}

/** The audit texts per language. */
export const AUDIT_TEXTS: Readonly<Record<LabelLocale, Record<AuditTextKey, string>>> = { en, nl }

/** Book-keeping fields: named in a row's fields, never worth a line of their own. */
const HIDDEN_FIELDS = new Set(['updatedAt', 'createdAt', 'schemaVersion'])

/** One line of an audit entry in words. */
export interface AuditLine {
  field: string
  /** The old value in words; null when there is none to show (text, or not recorded). */
  from: string | null
  /** The new value in words, or what happened ("text changed", "added", ...). */
  to: string
}

/** The role in words (`null`: the server itself). */
export function auditRoleLabel(role: Role | null, locale: LabelLocale): string {
  const key: AuditTextKey = role === null ? 'role.none' : `role.${role}`
  return AUDIT_TEXTS[locale][key]
}

/** Whether a guest or a signed-in user acted, in words; null on rows that do not say. */
export function auditIdentityLabel(actor: Actor, locale: LabelLocale): string | null {
  return actor.kind === undefined ? null : AUDIT_TEXTS[locale][`identity.${actor.kind}`]
}

/** One changed field in words. */
export function describeAuditChange(change: AuditFieldChange, locale: LabelLocale): AuditLine {
  const texts = AUDIT_TEXTS[locale]
  const field = stakeholderFieldLabel(change.field, locale)
  if (change.kind === 'value') {
    return {
      field,
      from: stakeholderValueLabel(change.field, change.from, locale),
      to: stakeholderValueLabel(change.field, change.to, locale),
    }
  }
  const what = change.kind === 'text' ? texts.textChanged : texts[change.kind]
  return { field, from: null, to: what ?? texts.changed }
}

/** Every line of an audit entry in words, of any kind and age. */
export function describeAuditEntry(entry: AuditEntry, locale: LabelLocale): AuditLine[] {
  const texts = AUDIT_TEXTS[locale]
  if (entry.kind === 'erasure') {
    // Which contacts is kept as ids only (`contact:<id>`): say how many, not which.
    const count = entry.fields.filter((field) => field.startsWith('contact:')).length
    const to = formatMessage(locale, texts['erasure.contacts'], { count })
    return [{ field: texts['kind.erasure'], from: null, to }]
  }
  if (entry.kind !== AUDIT_CHANGE_KIND) {
    const key = `kind.${entry.kind}`
    const name = Object.hasOwn(texts, key) ? texts[key as AuditTextKey] : entry.kind
    const details = Object.entries(entry.details ?? {})
      .map(([detail, value]) => `${detail}: ${stakeholderValueLabel(detail, value, locale)}`)
      .join('; ')
    const fields = entry.fields.map((field) => stakeholderFieldLabel(field, locale)).join(', ')
    return [{ field: name, from: null, to: [fields, details].filter(Boolean).join(' — ') }]
  }
  if (entry.changes === null) {
    const fields = entry.fields.filter((field) => !HIDDEN_FIELDS.has(field))
    const named = fields.map((field) => stakeholderFieldLabel(field, locale)).join(', ')
    return [{ field: named, from: null, to: texts.notRecorded }]
  }
  return entry.changes
    .filter((change) => !HIDDEN_FIELDS.has(change.field))
    .map((change) => describeAuditChange(change, locale))
}
