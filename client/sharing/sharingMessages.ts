/**
 * Texts of the sharing and version-history panels, in English and Dutch. Kept apart from
 * the app's catalogues so these panels can be added without touching them; the keys may be
 * merged into `i18n/messages.*.ts` later.
 */
import { formatMessage } from '../../shared/i18n/formatMessage'
import type { Role } from '../../shared/protocol/roles'
import type { Locale } from '../i18n/locale'

const en = {
  'share.heading': 'Share this map',
  'share.intro':
    'Anyone with a link gets its role. Reissue a link to make the old one stop working.',
  'share.copy': 'Copy link',
  'share.copied': 'Copied',
  'share.reissue': 'New link',
  'share.reissueConfirm': 'Make a new {role} link? The current one stops working at once.',
  'share.unknown': 'You do not hold this link. Make a new one to share it.',
  'share.failed': 'That did not work: {reason}',
  'share.copyFailed': 'The link could not be copied. Select it and copy it yourself.',
  'guest.heading': 'Guest links',
  'guest.intro':
    'A guest link gives its role until it expires or you withdraw it. Make one per group or workshop.',
  'guest.role': 'Role',
  'guest.validFor': 'Valid for',
  'guest.days.1': '1 day',
  'guest.days.7': '7 days',
  'guest.days.30': '30 days',
  'guest.days.90': '90 days',
  'guest.untilDate': 'Until a date…',
  'guest.date': 'Last day',
  'guest.make': 'Make guest link',
  'guest.made': 'New {role} link. Copy it now: it is shown only once.',
  'guest.newLink': 'New guest link',
  'guest.expiresOn': 'expires on {date}',
  'guest.none': 'No guest links in use.',
  'guest.revoke': 'Withdraw',
  'guest.revokeConfirm':
    'Withdraw this {role} link (expires on {date})? Whoever uses it loses access at once.',
  'guest.failed': 'That did not work: {reason}',
  'guest.allow': 'Allow guest links',
  'guest.allow.default': 'Organisation default: {choice}',
  'guest.allow.allowed': 'Allowed',
  'guest.allow.forbidden': 'Not allowed',
  'guest.allow.choice.allowed': 'allowed',
  'guest.allow.choice.forbidden': 'not allowed',
  'guest.forbidden':
    'Guest links are not allowed for this map. Existing guest links do not work, and nobody can make new ones, until they are allowed again.',
  'role.owner': 'Owner',
  'role.facilitator': 'Facilitator',
  'role.editor': 'Editor',
  'role.viewer': 'Viewer',
  'versions.heading': 'Version history',
  'versions.empty': 'No versions yet. One is saved automatically while the map is in use.',
  'versions.nameLabel': 'Name this version',
  'versions.namePlaceholder': 'e.g. After the workshop of 12 May',
  'versions.save': 'Save version',
  'versions.auto': 'automatic',
  'versions.by': 'by {name}',
  'versions.byServer': 'by the server',
  'versions.reason.interval': 'Hourly snapshot',
  'versions.reason.last-participant-left': 'When the last participant left',
  'versions.reason.server-shutdown': 'When the server stopped',
  'versions.reason.before-restore': 'Before restoring “{name}”',
  'versions.restoredUnknown': 'version {id}',
  'versions.stakeholders': '{count} stakeholders',
  'versions.open': 'Open',
  'versions.compare': 'Compare with now',
  'versions.restore': 'Restore',
  'versions.restoreConfirm':
    'Restore "{name}"? The map goes back to that version for everyone; the current state is kept as a version.',
  'versions.failed': 'That did not work: {reason}',
  'diff.added': 'Added',
  'diff.removed': 'Removed',
  'diff.changed': 'Changed',
  'diff.none': 'No differences in the stakeholders.',
  'diff.field': '{field}: {before} → {after}',
  'audit.heading': 'Audit trail',
  'audit.headingStakeholder': 'Audit trail of this stakeholder',
  'audit.intro':
    'Who changed what and when. Scores and classifications with old and new value; for text only that it changed; contact data never.',
  'audit.person': 'Person',
  'audit.everyone': 'Everyone',
  'audit.from': 'From',
  'audit.to': 'Up to and including',
  'audit.refresh': 'Refresh',
  'audit.download': 'Download CSV',
  'audit.empty': 'No changes recorded for these filters.',
  'audit.loading': 'Loading…',
  'audit.whoWhen': 'Who, when',
  'audit.stakeholder': 'Stakeholder',
  'audit.field': 'Field',
  'audit.old': 'Old',
  'audit.new': 'New',
  'audit.show': 'Show the audit trail',
  'audit.failed': 'The audit trail could not be loaded: {reason}',
  'share.organisation.owner':
    'Colleagues get in as members, with the role you give them in the Members tab. For people without an account, make a guest link below: it expires, and you can withdraw it.',
  'share.organisation.other':
    'Colleagues get in as members; an owner gives them their role in the Members tab. For people without an account, make a guest link below: it expires, and you can withdraw it.',
  'projector.heading': 'Projector link',
  'projector.intro':
    'Open this on the projector laptop: it shows only the board, follows you, with names large enough for the back of the room.',
  'projector.copy': 'Copy projector link',
  'projector.make': 'Make a projector link',
  'projector.unknown': 'You do not hold the viewer link. Make a new viewer link above to get it.',
  'projector.asLink': 'Copy as projector link',
} as const

/** A key of the sharing texts. */
export type SharingMessageKey = keyof typeof en

const nl: Record<SharingMessageKey, string> = {
  'share.heading': 'Deel deze kaart',
  'share.intro':
    'Wie een link heeft, krijgt de rol ervan. Maak een nieuwe link om de oude onbruikbaar te maken.',
  'share.copy': 'Link kopiëren',
  'share.copied': 'Gekopieerd',
  'share.reissue': 'Nieuwe link',
  'share.reissueConfirm':
    'Een nieuwe link voor {role} maken? De huidige werkt dan meteen niet meer.',
  'share.unknown': 'Je hebt deze link niet. Maak een nieuwe om hem te delen.',
  'share.failed': 'Dat lukte niet: {reason}',
  'share.copyFailed': 'De link kon niet worden gekopieerd. Selecteer hem en kopieer hem zelf.',
  'guest.heading': 'Gastlinks',
  'guest.intro':
    'Een gastlink geeft zijn rol tot hij verloopt of je hem intrekt. Maak er een per groep of workshop.',
  'guest.role': 'Rol',
  'guest.validFor': 'Geldig',
  'guest.days.1': '1 dag',
  'guest.days.7': '7 dagen',
  'guest.days.30': '30 dagen',
  'guest.days.90': '90 dagen',
  'guest.untilDate': 'Tot een datum…',
  'guest.date': 'Laatste dag',
  'guest.make': 'Gastlink maken',
  'guest.made': 'Nieuwe link voor {role}. Kopieer hem nu: hij wordt maar één keer getoond.',
  'guest.newLink': 'Nieuwe gastlink',
  'guest.expiresOn': 'verloopt op {date}',
  'guest.none': 'Er zijn geen gastlinks in gebruik.',
  'guest.revoke': 'Intrekken',
  'guest.revokeConfirm':
    'Deze link voor {role} (verloopt op {date}) intrekken? Wie hem gebruikt, verliest meteen de toegang.',
  'guest.failed': 'Dat lukte niet: {reason}',
  'guest.allow': 'Gastlinks toestaan',
  'guest.allow.default': 'Standaard organisatie: {choice}',
  'guest.allow.allowed': 'Toegestaan',
  'guest.allow.forbidden': 'Niet toegestaan',
  'guest.allow.choice.allowed': 'toegestaan',
  'guest.allow.choice.forbidden': 'niet toegestaan',
  'guest.forbidden':
    'Gastlinks zijn voor deze kaart niet toegestaan. Bestaande gastlinks werken niet en niemand kan nieuwe maken, tot ze weer zijn toegestaan.',
  'role.owner': 'Eigenaar',
  'role.facilitator': 'Begeleider',
  'role.editor': 'Bewerker',
  'role.viewer': 'Kijker',
  'versions.heading': 'Versiegeschiedenis',
  'versions.empty': 'Nog geen versies. Tijdens gebruik wordt er automatisch een bewaard.',
  'versions.nameLabel': 'Geef deze versie een naam',
  'versions.namePlaceholder': 'bijv. Na de workshop van 12 mei',
  'versions.save': 'Versie bewaren',
  'versions.auto': 'automatisch',
  'versions.by': 'door {name}',
  'versions.byServer': 'door de server',
  'versions.reason.interval': 'Momentopname van het uur',
  'versions.reason.last-participant-left': 'Toen de laatste deelnemer wegging',
  'versions.reason.server-shutdown': 'Toen de server stopte',
  'versions.reason.before-restore': 'Vóór het terugzetten van “{name}”',
  'versions.restoredUnknown': 'versie {id}',
  'versions.stakeholders': '{count} stakeholders',
  'versions.open': 'Openen',
  'versions.compare': 'Vergelijken met nu',
  'versions.restore': 'Terugzetten',
  'versions.restoreConfirm':
    '"{name}" terugzetten? De kaart gaat voor iedereen terug naar die versie; de huidige stand blijft bewaard als versie.',
  'versions.failed': 'Dat lukte niet: {reason}',
  'diff.added': 'Toegevoegd',
  'diff.removed': 'Verwijderd',
  'diff.changed': 'Gewijzigd',
  'diff.none': 'Geen verschillen in de stakeholders.',
  'diff.field': '{field}: {before} → {after}',
  'audit.heading': 'Audittrail',
  'audit.headingStakeholder': 'Audittrail van deze stakeholder',
  'audit.intro':
    'Wie wat wanneer wijzigde. Scores en indelingen met oude en nieuwe waarde; bij tekst alleen dat die gewijzigd is; contactgegevens nooit.',
  'audit.person': 'Persoon',
  'audit.everyone': 'Iedereen',
  'audit.from': 'Van',
  'audit.to': 'Tot en met',
  'audit.refresh': 'Vernieuwen',
  'audit.download': 'CSV downloaden',
  'audit.empty': 'Geen wijzigingen vastgelegd bij deze filters.',
  'audit.loading': 'Laden…',
  'audit.whoWhen': 'Wie, wanneer',
  'audit.stakeholder': 'Stakeholder',
  'audit.field': 'Veld',
  'audit.old': 'Oud',
  'audit.new': 'Nieuw',
  'audit.show': 'Audittrail tonen',
  'audit.failed': 'De audittrail kon niet worden geladen: {reason}',
  'share.organisation.owner':
    'Collega’s komen binnen als lid, met de rol die je ze geeft op het tabblad Leden. Maak voor mensen zonder account hieronder een gastlink: die verloopt, en je kunt hem intrekken.',
  'share.organisation.other':
    'Collega’s komen binnen als lid; een eigenaar geeft ze hun rol op het tabblad Leden. Maak voor mensen zonder account hieronder een gastlink: die verloopt, en je kunt hem intrekken.',
  'projector.heading': 'Projectorlink',
  'projector.intro':
    'Open deze op de laptop bij de projector: die toont alleen het bord, volgt jou, met namen die groot genoeg zijn voor achter in de zaal.',
  'projector.copy': 'Projectorlink kopiëren',
  'projector.make': 'Projectorlink maken',
  'projector.unknown':
    'Je hebt de kijkerslink niet. Maak hierboven een nieuwe kijkerslink om hem te krijgen.',
  'projector.asLink': 'Kopiëren als projectorlink',
}

/** The sharing texts per language. */
export const SHARING_MESSAGES: Readonly<Record<Locale, Record<SharingMessageKey, string>>> = {
  en,
  nl,
}

/** Translates a sharing text, filling `{name}` placeholders from `params`. */
export function sharingText(
  locale: Locale,
  key: SharingMessageKey,
  params: Record<string, string | number> = {},
): string {
  return formatMessage(locale, SHARING_MESSAGES[locale][key], params)
}

/** The translated name of a role. */
export function roleLabel(locale: Locale, role: Role): string {
  return sharingText(locale, `role.${role}`)
}
