/**
 * The workbook's contacts sheet (personal data, only made when asked for): one row per
 * contact, stakeholders in engagement order, linked to the register by the stakeholder's
 * rank, id and name.
 */
import { CONTACT_FIELD_LABELS } from '../labels/fieldLabels'
import type { ContactField } from '../labels/fieldLabels'
import type { RegisterLocale } from './registerLabels'
import type { RankedRecord } from './registerRows'
import { WORKBOOK_LABELS } from './workbookLabels'
import type { WorkbookSheet } from './writeXlsx'

const FIELDS: readonly ContactField[] = ['name', 'role', 'organisation', 'email', 'phone', 'notes']

/** The contacts sheet of `ranked` (already in engagement order), in `locale`. */
export function contactRows(
  ranked: readonly RankedRecord[],
  locale: RegisterLocale,
): WorkbookSheet {
  const words = WORKBOOK_LABELS[locale]
  return {
    name: words.sheets.contacts,
    header: [
      words.rank,
      words.stakeholderId,
      words.stakeholderName,
      ...FIELDS.map((field) => CONTACT_FIELD_LABELS[locale][field]),
    ],
    rows: ranked.flatMap(({ rank, stakeholder }) =>
      (stakeholder.contacts ?? []).map((contact) => [
        rank,
        stakeholder.id,
        stakeholder.name,
        ...FIELDS.map((field) => contact[field]),
      ]),
    ),
  }
}
