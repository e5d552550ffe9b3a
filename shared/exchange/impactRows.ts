/**
 * The workbook's impacts sheet: one row per adverse impact, stakeholders in engagement order
 * and each one's impacts most severe first (`prioritiseImpacts`), linked to the register by
 * the stakeholder's rank, id and name.
 */
import { IMPACT_FIELD_LABELS } from '../labels/fieldLabels'
import type { ImpactField } from '../labels/fieldLabels'
import { ACTUALITY_LABELS } from '../labels/modelLabels'
import { impactSeverity } from '../scoring/impactSeverity'
import { prioritiseImpacts } from '../scoring/prioritiseImpacts'
import { scoreValue } from '../scoring/scoreValue'
import type { RegisterLocale } from './registerLabels'
import type { RankedRecord } from './registerRows'
import { WORKBOOK_LABELS } from './workbookLabels'
import type { WorkbookSheet } from './writeXlsx'

const FIELDS: readonly ImpactField[] = [
  'topic',
  'description',
  'actuality',
  'scale',
  'scope',
  'irremediability',
  'likelihood',
  'severity',
]

/** The impacts sheet of `ranked` (already in engagement order), in `locale`. */
export function impactRows(ranked: readonly RankedRecord[], locale: RegisterLocale): WorkbookSheet {
  const words = WORKBOOK_LABELS[locale]
  const fields = IMPACT_FIELD_LABELS[locale]
  const rows = ranked.flatMap(({ rank, stakeholder }) =>
    prioritiseImpacts(stakeholder.impacts).map((impact) => [
      rank,
      stakeholder.id,
      stakeholder.name,
      impact.topic,
      impact.description,
      ACTUALITY_LABELS[locale][impact.actuality],
      scoreValue(impact.scale),
      scoreValue(impact.scope),
      scoreValue(impact.irremediability),
      scoreValue(impact.likelihood),
      impactSeverity(impact).max,
    ]),
  )
  return {
    name: words.sheets.impacts,
    header: [
      words.rank,
      words.stakeholderId,
      words.stakeholderName,
      ...FIELDS.map((field) => fields[field]),
    ],
    rows,
  }
}
