/**
 * Labels of the exported workbook beyond the register: sheet names and the columns that link
 * every sheet's rows to the register's (the stakeholder's place in the engagement order, its
 * id and its name), in English and Dutch. Field names come from `shared/labels/fieldLabels.ts`.
 */
import type { RegisterLocale } from './registerLabels'

/** The workbook's words in one language. */
export interface WorkbookLabels {
  sheets: {
    register: string
    impacts: string
    engagementLog: string
    contacts: string
    dialoguePlans: string
    commitments: string
    evaluations: string
    selfAssessments: string
  }
  /** The link columns, the same on every sheet. */
  rank: string
  stakeholderId: string
  stakeholderName: string
  /** Between an invited rightsholder and who attends on its behalf. */
  representedBy: string
  /** Text of a confidential log entry that is left out. */
  withheld: string
}

/** The workbook's words per language. */
export const WORKBOOK_LABELS: Readonly<Record<RegisterLocale, WorkbookLabels>> = {
  en: {
    sheets: {
      register: 'Register',
      impacts: 'Impacts',
      engagementLog: 'Engagement log',
      contacts: 'Contacts',
      dialoguePlans: 'Dialogue plans',
      commitments: 'Commitments',
      evaluations: 'Evaluations',
      selfAssessments: 'Self-assessments',
    },
    rank: 'Rank',
    stakeholderId: 'Stakeholder id',
    stakeholderName: 'Stakeholder',
    representedBy: 'represented by',
    withheld: 'Confidential entry withheld',
  },
  nl: {
    sheets: {
      register: 'Register',
      impacts: 'Negatieve impact',
      engagementLog: 'Logboek',
      contacts: 'Contactpersonen',
      dialoguePlans: 'Dialoogplannen',
      commitments: 'Toezeggingen',
      evaluations: 'Evaluaties',
      selfAssessments: 'Zelfevaluaties',
    },
    rank: 'Volgorde',
    stakeholderId: 'Stakeholder-id',
    stakeholderName: 'Stakeholder',
    representedBy: 'vertegenwoordigd door',
    withheld: 'Vertrouwelijke vastlegging weggelaten',
  },
}
