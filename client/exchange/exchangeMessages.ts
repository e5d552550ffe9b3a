/**
 * UI strings of the import and export panels, in English and Dutch. Kept apart from the
 * app's main catalogues (client/i18n/) so the exchange panels can change without touching
 * them. `useExchangeT` (its own file, so this one stays free of React and the DOM and is
 * unit-tested in Node) binds them to `useTranslation().locale`. Words for the model's codes
 * and the register's columns come from shared/ and are not repeated here.
 */
import type { ExchangeErrorCode } from '../../shared/exchange/exchangeLimits'
import type { ImportField } from '../../shared/exchange/guessColumnMapping'
import type { ImportWarningCode } from '../../shared/exchange/planImport'
import { REGISTER_LABELS } from '../../shared/exchange/registerLabels'
import { formatMessage } from '../../shared/i18n/formatMessage'
import { stakeholderFieldLabel } from '../../shared/labels/stakeholderFieldLabels'
import { exportColumnOf, labelOf } from '../../shared/stakeholder/stakeholderFields'
import type { Locale } from '../i18n/locale'

const en = {
  'export.heading': 'Export',
  'export.confidential.label': 'Include confidential contact data',
  'export.confidential.warning':
    'The file will contain personal data of contacts and confidential log entries. Share it only with people who need it and store it securely (GDPR).',
  'export.invalid':
    '{count, plural, one {# stakeholder record could not be read and is} other {# stakeholder records could not be read and are}} left out.',
  'export.done': 'Downloaded {file}',
  'export.failed': 'The export failed: {reason}',
  'export.register.heading': 'Stakeholder register',
  'export.register.hint':
    'One row per stakeholder, in engagement order, for Excel. The XLSX file also has sheets for the impacts and the engagement log (and the contacts, when included).',
  'export.delimiter.label': 'CSV separator',
  'export.delimiter.comma': 'Comma ( , )',
  'export.delimiter.semicolon': 'Semicolon ( ; ) — Excel in Dutch',
  'export.register.csv': 'Download CSV',
  'export.register.xlsx': 'Download XLSX',
  'export.json.heading': 'Whole map (JSON)',
  'export.json.hint': 'A complete copy of the map, to keep or to import as a new map.',
  'export.json.download': 'Download map JSON',
  'export.image.heading': 'Picture of the board',
  'export.image.scope': 'What to export',
  'export.image.board': 'The whole board',
  'export.image.selection': 'The selected frame or board',
  'export.image.png': 'Download PNG',
  'export.image.svg': 'Download SVG',
  'export.image.empty': 'There is nothing to export.',
  'export.report.heading': 'Report',
  'export.report.hint':
    'Register, matrix, salience, engagement order, engagement log and method, ready to print or save as PDF.',
  'export.report.organisation': 'Organisation (optional)',
  'export.report.language': 'Language of the report',
  'export.report.open': 'Open report and print',
  'export.report.download': 'Download report (HTML)',
  'export.report.printing': 'The report is open in a new window.',
  'export.report.popupBlocked':
    'The browser blocked the new window; the print dialog opens from this page instead.',
  'language.en': 'English',
  'language.nl': 'Nederlands',
  'import.heading': 'Import stakeholders',
  'import.file.label': 'CSV or Excel file (.csv, .xlsx)',
  'import.file.hint': 'The first row must hold the column names. At most 5,000 rows.',
  'import.file.reading': 'Reading {file}…',
  'import.error.type': '"{file}" is not a CSV or XLSX file.',
  'import.error.tooLarge': 'The file is too large (at most {limit} MB).',
  'import.error.empty': 'The file has no rows to import below its header.',
  'import.error.read': 'The file could not be read.',
  'import.mapping.heading': 'Which column holds what?',
  'import.mapping.column': 'Column in the file',
  'import.mapping.example': 'First value',
  'import.mapping.field': 'Imports as',
  'import.mapping.ignore': 'Ignore this column',
  'import.preview.heading': 'Will be imported ({count})',
  'import.preview.row': 'Row',
  'import.preview.more': '… and {count} more',
  'import.rejected.heading': 'Will not be imported ({count})',
  'import.rejected.column': 'column "{column}"',
  'import.warnings.heading': 'Please check ({count})',
  'import.skipped': '{count, plural, one {# empty row} other {# empty rows}} skipped.',
  'import.confirm': 'Import {count} stakeholders',
  'import.cancel': 'Cancel',
  'import.done': '{count} stakeholders imported and placed on the board.',
  'import.failed': 'Nothing was imported: {reason}',
  'import.warning.duplicate-name-in-file': '"{name}" is also on row {firstRowNumber}',
  'import.warning.duplicate-name-existing': '"{name}" is already on the map',
  'import.warning.unrecognised-value': '"{value}" is not a known {field}; it is kept in the notes',
  'error.file-too-large': 'The file is too large.',
  'error.too-many-rows': 'The file has too many rows (at most {limit}).',
  'error.too-many-columns': 'The file has too many columns (at most {limit}).',
  'error.not-xlsx': 'The file is not a readable Excel (XLSX) workbook.',
  'error.xlsx-unsupported': 'This Excel file uses features that cannot be read.',
  'error.no-name-column': 'No column is set to "Name". Choose the column with the names.',
  'error.map-not-empty': 'The new map was not empty.',
  'error.id-conflict': 'A stakeholder with the same id is already on the map.',
  'error.invalid-record': 'A record is not valid.',
  'error.confidential-not-allowed':
    'The file has contact details or confidential log entries, which only owners and facilitators may add. Leave the contact columns out, or ask one of them.',
  'importMap.heading': 'Import a map from a file',
  'importMap.file.label': 'Map file exported from Stakeholder Canvas (.json)',
  'importMap.submit': 'Import as a new map',
  'importMap.reading': 'Reading the file…',
  'importMap.creating': 'Creating the map…',
  'importMap.writing': 'Writing {count} stakeholders…',
  'importMap.confirming': 'Waiting for the server to confirm…',
  'importMap.invalid': 'This file cannot be imported:',
  'importMap.moreErrors': '… and {count} more problems',
  'importMap.warnings':
    '{count, plural, one {# unknown field in the file was} other {# unknown fields in the file were}} ignored.',
  'importMap.failed': 'The map could not be imported: {reason}',
  'importMap.notConfirmed':
    'The server did not confirm the import in time. The new map may be incomplete: open it and check.',
  'importMap.tooLarge': 'The file is too large (at most {limit} MB).',
  'importMap.notSynced': 'The map could not be imported: the server did not answer. Try again.',
  'importMap.defaultTitle': 'Imported map',
  'importMap.resultsRefused':
    'The map was imported, but the server did not take the evaluation results of the file ({reason}): its evaluations have their notes, not their results. Open it and check.',
}

/** A key of the exchange catalogue. */
export type ExchangeMessageKey = keyof typeof en

const nl: Record<ExchangeMessageKey, string> = {
  'export.heading': 'Exporteren',
  'export.confidential.label': 'Vertrouwelijke contactgegevens meenemen',
  'export.confidential.warning':
    'Het bestand bevat dan persoonsgegevens van contactpersonen en vertrouwelijke logboekregels. Deel het alleen met wie het nodig heeft en bewaar het veilig (AVG).',
  'export.invalid':
    '{count, plural, one {# stakeholder kon niet worden gelezen en is} other {# stakeholders konden niet worden gelezen en zijn}} weggelaten.',
  'export.done': '{file} gedownload',
  'export.failed': 'Het exporteren is mislukt: {reason}',
  'export.register.heading': 'Stakeholderregister',
  'export.register.hint':
    'Eén regel per stakeholder, in volgorde van betrekken, voor Excel. Het XLSX-bestand heeft ook bladen voor de negatieve impact en het logboek (en de contactpersonen, als die meegaan).',
  'export.delimiter.label': 'Scheidingsteken CSV',
  'export.delimiter.comma': 'Komma ( , )',
  'export.delimiter.semicolon': 'Puntkomma ( ; ) — Nederlandse Excel',
  'export.register.csv': 'CSV downloaden',
  'export.register.xlsx': 'XLSX downloaden',
  'export.json.heading': 'Hele kaart (JSON)',
  'export.json.hint':
    'Een volledige kopie van de kaart, om te bewaren of als nieuwe kaart te importeren.',
  'export.json.download': 'Kaart als JSON downloaden',
  'export.image.heading': 'Afbeelding van het bord',
  'export.image.scope': 'Wat exporteren',
  'export.image.board': 'Het hele bord',
  'export.image.selection': 'Het geselecteerde frame of bord',
  'export.image.png': 'PNG downloaden',
  'export.image.svg': 'SVG downloaden',
  'export.image.empty': 'Er is niets om te exporteren.',
  'export.report.heading': 'Rapport',
  'export.report.hint':
    'Register, matrix, saillantie, volgorde van betrekken, logboek en methode, klaar om af te drukken of als pdf op te slaan.',
  'export.report.organisation': 'Organisatie (optioneel)',
  'export.report.language': 'Taal van het rapport',
  'export.report.open': 'Rapport openen en afdrukken',
  'export.report.download': 'Rapport downloaden (HTML)',
  'export.report.printing': 'Het rapport staat open in een nieuw venster.',
  'export.report.popupBlocked':
    'De browser hield het nieuwe venster tegen; het afdrukvenster opent nu vanuit deze pagina.',
  'language.en': 'English',
  'language.nl': 'Nederlands',
  'import.heading': 'Stakeholders importeren',
  'import.file.label': 'CSV- of Excelbestand (.csv, .xlsx)',
  'import.file.hint': 'De eerste regel moet de kolomnamen bevatten. Hoogstens 5.000 regels.',
  'import.file.reading': '{file} wordt gelezen…',
  'import.error.type': '"{file}" is geen CSV- of XLSX-bestand.',
  'import.error.tooLarge': 'Het bestand is te groot (hoogstens {limit} MB).',
  'import.error.empty': 'Het bestand heeft onder de kolomnamen geen regels om te importeren.',
  'import.error.read': 'Het bestand kon niet worden gelezen.',
  'import.mapping.heading': 'Welke kolom bevat wat?',
  'import.mapping.column': 'Kolom in het bestand',
  'import.mapping.example': 'Eerste waarde',
  'import.mapping.field': 'Importeren als',
  'import.mapping.ignore': 'Deze kolom overslaan',
  'import.preview.heading': 'Wordt geïmporteerd ({count})',
  'import.preview.row': 'Regel',
  'import.preview.more': '… en nog {count}',
  'import.rejected.heading': 'Wordt niet geïmporteerd ({count})',
  'import.rejected.column': 'kolom "{column}"',
  'import.warnings.heading': 'Controleer dit ({count})',
  'import.skipped': '{count, plural, one {# lege regel} other {# lege regels}} overgeslagen.',
  'import.confirm': '{count} stakeholders importeren',
  'import.cancel': 'Annuleren',
  'import.done': '{count} stakeholders geïmporteerd en op het bord gezet.',
  'import.failed': 'Er is niets geïmporteerd: {reason}',
  'import.warning.duplicate-name-in-file': '"{name}" staat ook op regel {firstRowNumber}',
  'import.warning.duplicate-name-existing': '"{name}" staat al op de kaart',
  'import.warning.unrecognised-value':
    '"{value}" is geen bekende waarde voor {field}; het staat nu in de opmerkingen',
  'error.file-too-large': 'Het bestand is te groot.',
  'error.too-many-rows': 'Het bestand heeft te veel regels (hoogstens {limit}).',
  'error.too-many-columns': 'Het bestand heeft te veel kolommen (hoogstens {limit}).',
  'error.not-xlsx': 'Het bestand is geen leesbaar Excelbestand (XLSX).',
  'error.xlsx-unsupported': 'Dit Excelbestand gebruikt onderdelen die niet gelezen kunnen worden.',
  'error.no-name-column': 'Geen kolom staat op "Naam". Kies de kolom met de namen.',
  'error.map-not-empty': 'De nieuwe kaart was niet leeg.',
  'error.id-conflict': 'Er staat al een stakeholder met hetzelfde id op de kaart.',
  'error.invalid-record': 'Een gegeven is niet geldig.',
  'error.confidential-not-allowed':
    'Het bestand bevat contactgegevens of vertrouwelijke logboekregels, die alleen eigenaren en begeleiders mogen toevoegen. Laat de contactkolommen weg, of vraag het een van hen.',
  'importMap.heading': 'Een kaart uit een bestand importeren',
  'importMap.file.label': 'Kaartbestand uit Stakeholder Canvas (.json)',
  'importMap.submit': 'Als nieuwe kaart importeren',
  'importMap.reading': 'Het bestand wordt gelezen…',
  'importMap.creating': 'De kaart wordt gemaakt…',
  'importMap.writing': '{count} stakeholders worden geschreven…',
  'importMap.confirming': 'Wachten op bevestiging van de server…',
  'importMap.invalid': 'Dit bestand kan niet worden geïmporteerd:',
  'importMap.moreErrors': '… en nog {count} problemen',
  'importMap.warnings':
    '{count, plural, one {# onbekend veld in het bestand is} other {# onbekende velden in het bestand zijn}} overgeslagen.',
  'importMap.failed': 'De kaart kon niet worden geïmporteerd: {reason}',
  'importMap.notConfirmed':
    'De server bevestigde de import niet op tijd. De nieuwe kaart is misschien onvolledig: open haar en controleer.',
  'importMap.tooLarge': 'Het bestand is te groot (hoogstens {limit} MB).',
  'importMap.notSynced':
    'De kaart kon niet worden geïmporteerd: de server antwoordde niet. Probeer het opnieuw.',
  'importMap.defaultTitle': 'Geïmporteerde kaart',
  'importMap.resultsRefused':
    'De kaart is geïmporteerd, maar de server nam de evaluatieresultaten uit het bestand niet over ({reason}): de evaluaties hebben hun notities, niet hun resultaten. Open haar en controleer.',
}

/** The exchange catalogue per language. */
export const EXCHANGE_MESSAGES: Readonly<Record<Locale, Record<ExchangeMessageKey, string>>> = {
  en,
  nl,
}

/** Params of a message; placeholders without a value stay visible, which tests catch. */
export type MessageParams = Readonly<Record<string, string | number>>

/** Translates an exchange message. */
export function translateExchange(
  locale: Locale,
  key: ExchangeMessageKey,
  params: MessageParams = {},
): string {
  return formatMessage(locale, EXCHANGE_MESSAGES[locale][key], params)
}

/** The label of an import field: the register's column header where there is one. */
export function importFieldLabel(locale: Locale, field: ImportField): string {
  const column = exportColumnOf(field)
  if (column !== undefined) return REGISTER_LABELS[locale].columns[column]
  return stakeholderFieldLabel(labelOf(field), locale)
}

/** The message of a file-level exchange error. */
export function exchangeErrorMessage(
  locale: Locale,
  code: ExchangeErrorCode,
  params: MessageParams = {},
): string {
  return translateExchange(locale, `error.${code}`, params)
}

/** The message of an import warning. */
export function importWarningMessage(
  locale: Locale,
  code: ImportWarningCode,
  params: MessageParams,
): string {
  const field = typeof params.field === 'string' ? params.field : null
  const fieldLabel =
    field === null ? '' : importFieldLabel(locale, field as ImportField).toLowerCase()
  return translateExchange(locale, `import.warning.${code}`, { ...params, field: fieldLabel })
}
