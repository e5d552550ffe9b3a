/**
 * Words for the model's closed vocabularies, in English and Dutch, shared by the client's
 * UI, the register exports and the report so that they always say the same thing. The
 * model itself only returns codes (see shared/scoring/); these turn codes into words.
 *
 * Dutch terms follow the SER material and ../docs/scoring.md (macht, legitimiteit,
 * urgentie, invloed, impact, saillantie, rechthebbende / geraakte stakeholder).
 *
 * Longer than most files on purpose: it is a glossary, each vocabulary in both languages
 * side by side, so a translator or reviewer checks every term of the model in one place.
 */
import { formatMessage } from '../i18n/formatMessage'
import type { EngagementAlertCode } from '../scoring/engagementAlerts'
import type { EngagementQuadrant } from '../scoring/engagementQuadrant'
import type { SalienceAttribute, SalienceClass, SalienceGroup } from '../scoring/classifySalience'
import { salienceGroup } from '../scoring/classifySalience'
import type { SalienceAssessment } from '../scoring/salienceAssessment'
import type { PriorityReasonCode, PriorityTier } from '../scoring/prioritiseStakeholders'
import type {
  Attitude,
  Confidentiality,
  DueDiligenceStep,
  EngagementLevel,
  EngagementStatus,
  ImpactActuality,
  StakeholderCategory,
  StakeholderKind,
  ValueChainPosition,
} from '../stakeholder/Stakeholder'

/** A language of the product. */
export type LabelLocale = 'en' | 'nl'

type Labels<K extends string> = Readonly<Record<LabelLocale, Readonly<Record<K, string>>>>

/** Kinds of stakeholder. */
export const KIND_LABELS: Labels<StakeholderKind> = {
  en: { organisation: 'Organisation', group: 'Group', 'person-role': 'Person or role' },
  nl: { organisation: 'Organisatie', group: 'Groep', 'person-role': 'Persoon of functie' },
}

/** Stakeholder categories. */
export const CATEGORY_LABELS: Labels<StakeholderCategory> = {
  en: {
    employees: 'Employees and their representatives',
    'trade-unions': 'Trade unions',
    'value-chain-workers': 'Workers in the value chain',
    'suppliers-business-partners': 'Suppliers and business partners',
    'local-communities': 'Local communities',
    'indigenous-peoples': 'Indigenous peoples',
    'customers-consumers': 'Customers and consumers',
    'ngos-civil-society': 'NGOs and civil society',
    'government-regulators': 'Government and regulators',
    'investors-financiers': 'Investors and financiers',
    'industry-peers': 'Industry peers',
    media: 'Media',
    'experts-academia': 'Experts and academia',
    'nature-environment': 'Nature and environment (silent stakeholder)',
    other: 'Other',
  },
  nl: {
    employees: 'Medewerkers en hun vertegenwoordigers',
    'trade-unions': 'Vakbonden',
    'value-chain-workers': 'Werknemers in de keten',
    'suppliers-business-partners': 'Leveranciers en zakenpartners',
    'local-communities': 'Lokale gemeenschappen',
    'indigenous-peoples': 'Inheemse volken',
    'customers-consumers': 'Klanten en consumenten',
    'ngos-civil-society': 'Ngo’s en maatschappelijk middenveld',
    'government-regulators': 'Overheid en toezichthouders',
    'investors-financiers': 'Investeerders en financiers',
    'industry-peers': 'Branchegenoten',
    media: 'Media',
    'experts-academia': 'Experts en wetenschap',
    'nature-environment': 'Natuur en milieu (stille stakeholder)',
    other: 'Overig',
  },
}

/** Positions in the value chain. */
export const VALUE_CHAIN_LABELS: Labels<ValueChainPosition> = {
  en: { 'own-operations': 'Own operations', upstream: 'Upstream', downstream: 'Downstream' },
  nl: { 'own-operations': 'Eigen bedrijfsvoering', upstream: 'Upstream', downstream: 'Downstream' },
}

/** Attitudes. */
export const ATTITUDE_LABELS: Labels<Attitude> = {
  en: {
    supportive: 'Supportive',
    neutral: 'Neutral',
    critical: 'Critical',
    opposed: 'Opposed',
    unknown: 'Unknown',
  },
  nl: {
    supportive: 'Steunend',
    neutral: 'Neutraal',
    critical: 'Kritisch',
    opposed: 'Tegen',
    unknown: 'Onbekend',
  },
}

/** Actual or potential impacts. */
export const ACTUALITY_LABELS: Labels<ImpactActuality> = {
  en: { actual: 'Actual', potential: 'Potential' },
  nl: { actual: 'Feitelijk', potential: 'Potentieel' },
}

/** Engagement statuses. */
export const ENGAGEMENT_STATUS_LABELS: Labels<EngagementStatus> = {
  en: {
    'not-started': 'Not started',
    planned: 'Planned',
    ongoing: 'Ongoing',
    paused: 'Paused',
    concluded: 'Concluded',
  },
  nl: {
    'not-started': 'Niet gestart',
    planned: 'Gepland',
    ongoing: 'Lopend',
    paused: 'Gepauzeerd',
    concluded: 'Afgerond',
  },
}

/** Intended engagement levels (IAP2 spectrum). */
export const ENGAGEMENT_LEVEL_LABELS: Labels<EngagementLevel> = {
  en: {
    inform: 'Inform',
    consult: 'Consult',
    involve: 'Involve',
    collaborate: 'Collaborate',
    empower: 'Empower',
  },
  nl: {
    inform: 'Informeren',
    consult: 'Raadplegen',
    involve: 'Betrekken',
    collaborate: 'Samenwerken',
    empower: 'Zeggenschap geven',
  },
}

/**
 * The words for the values of each vocabulary field of the record, keyed by the field (the
 * field table's key), for every output that prints a field's value.
 */
export const FIELD_VALUE_LABELS = {
  kind: KIND_LABELS,
  category: CATEGORY_LABELS,
  valueChainPosition: VALUE_CHAIN_LABELS,
  attitude: ATTITUDE_LABELS,
  engagementStatus: ENGAGEMENT_STATUS_LABELS,
  engagementLevel: ENGAGEMENT_LEVEL_LABELS,
} as const

/** The six OECD due-diligence steps. */
export const DUE_DILIGENCE_STEP_LABELS: Labels<DueDiligenceStep> = {
  en: {
    embed: '1. Embed responsible business conduct',
    'identify-assess': '2. Identify and assess adverse impacts',
    'cease-prevent-mitigate': '3. Cease, prevent or mitigate',
    track: '4. Track implementation and results',
    communicate: '5. Communicate how impacts are addressed',
    remediate: '6. Provide for or cooperate in remediation',
  },
  nl: {
    embed: '1. MVO verankeren in beleid',
    'identify-assess': '2. Negatieve impact identificeren en beoordelen',
    'cease-prevent-mitigate': '3. Beëindigen, voorkomen of beperken',
    track: '4. Uitvoering en resultaten monitoren',
    communicate: '5. Communiceren over de aanpak',
    remediate: '6. Herstel bieden of eraan meewerken',
  },
}

/** Confidentiality of an engagement log entry. */
export const CONFIDENTIALITY_LABELS: Labels<Confidentiality> = {
  en: { public: 'Public', internal: 'Internal', confidential: 'Confidential' },
  nl: { public: 'Openbaar', internal: 'Intern', confidential: 'Vertrouwelijk' },
}

/** Salience attributes. */
export const SALIENCE_ATTRIBUTE_LABELS: Labels<SalienceAttribute> = {
  en: { power: 'Power', legitimacy: 'Legitimacy', urgency: 'Urgency' },
  nl: { power: 'Macht', legitimacy: 'Legitimiteit', urgency: 'Urgentie' },
}

/** Mitchell, Agle & Wood's salience classes. */
export const SALIENCE_CLASS_LABELS: Labels<SalienceClass> = {
  en: {
    definitive: 'Definitive',
    dominant: 'Dominant',
    dangerous: 'Dangerous',
    dependent: 'Dependent',
    dormant: 'Dormant',
    discretionary: 'Discretionary',
    demanding: 'Demanding',
    'non-stakeholder': 'Non-stakeholder',
  },
  nl: {
    definitive: 'Definitief',
    dominant: 'Dominant',
    dangerous: 'Gevaarlijk',
    dependent: 'Afhankelijk',
    dormant: 'Slapend',
    discretionary: 'Discretionair',
    demanding: 'Veeleisend',
    'non-stakeholder': 'Geen stakeholder',
  },
}

/** How a salience assessment reads; `{class}` and `{missing}` are filled in. */
export const SALIENCE_ASSESSMENT_LABELS: Labels<
  | 'not-assessed'
  | 'partly-assessed'
  | 'not-assessed-after-prefix'
  | 'partly-assessed-after-prefix'
  | 'provisional'
  | 'assessed-absent'
  | 'no-group'
  | 'and'
> = {
  en: {
    'not-assessed': 'Salience not assessed',
    'partly-assessed': 'Salience partly assessed ({missing} not assessed)',
    'not-assessed-after-prefix': 'not assessed',
    'partly-assessed-after-prefix': 'partly assessed ({missing} not assessed)',
    provisional: '{class} ({missing} not assessed)',
    'assessed-absent': 'Non-stakeholder (assessed as absent)',
    'no-group': 'Not assessed',
    and: 'and',
  },
  nl: {
    'not-assessed': 'Saillantie niet beoordeeld',
    'partly-assessed': 'Saillantie deels beoordeeld ({missing} niet beoordeeld)',
    'not-assessed-after-prefix': 'niet beoordeeld',
    'partly-assessed-after-prefix': 'deels beoordeeld ({missing} niet beoordeeld)',
    provisional: '{class} ({missing} niet beoordeeld)',
    'assessed-absent': 'Geen stakeholder (beoordeeld als afwezig)',
    'no-group': 'Niet beoordeeld',
    and: 'en',
  },
}

/** Attribute names in running text: "legitimacy and urgency". */
function attributeList(locale: LabelLocale, attributes: readonly SalienceAttribute[]): string {
  const words = attributes.map((attribute) =>
    SALIENCE_ATTRIBUTE_LABELS[locale][attribute].toLowerCase(),
  )
  if (words.length <= 1) return words.join('')
  const and = SALIENCE_ASSESSMENT_LABELS[locale].and
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`
}

/**
 * A salience assessment in words: "Salience not assessed", a class, a provisional class with what is
 * still unscored, or "Non-stakeholder (assessed as absent)". Never the bare word
 * "non-stakeholder", so no reader can take an unscored stakeholder for one judged absent.
 */
export function salienceAssessmentLabel(
  locale: LabelLocale,
  assessment: SalienceAssessment,
  /** Written after "Salience:", so "not assessed" does not repeat the word. */
  afterPrefix = false,
): string {
  const words = SALIENCE_ASSESSMENT_LABELS[locale]
  const missing = attributeList(locale, assessment.missing)
  if (assessment.status === 'not-assessed') {
    const partly = assessment.absent.length > 0
    const key = afterPrefix
      ? partly
        ? 'partly-assessed-after-prefix'
        : 'not-assessed-after-prefix'
      : partly
        ? 'partly-assessed'
        : 'not-assessed'
    return formatMessage(locale, words[key], { missing })
  }
  const name =
    assessment.salienceClass === 'non-stakeholder'
      ? words['assessed-absent']
      : SALIENCE_CLASS_LABELS[locale][assessment.salienceClass]
  if (assessment.missing.length === 0) return name
  return formatMessage(locale, words.provisional, { class: name, missing })
}

/** The salience group of an assessment in words; "Not assessed" when there is no class. */
export function salienceAssessmentGroupLabel(
  locale: LabelLocale,
  assessment: SalienceAssessment,
): string {
  return assessment.status === 'assessed'
    ? SALIENCE_GROUP_LABELS[locale][salienceGroup(assessment.salienceClass)]
    : SALIENCE_ASSESSMENT_LABELS[locale]['no-group']
}

/** Groups of salience classes. */
export const SALIENCE_GROUP_LABELS: Labels<SalienceGroup> = {
  en: { definitive: 'Definitive', expectant: 'Expectant', latent: 'Latent', none: 'None' },
  nl: { definitive: 'Definitief', expectant: 'Verwachtend', latent: 'Latent', none: 'Geen' },
}

/** Quadrants of the influence × impact grid. */
export const QUADRANT_LABELS: Labels<EngagementQuadrant> = {
  en: {
    'manage-closely': 'Manage closely',
    'keep-satisfied': 'Keep satisfied',
    empower: 'Empower and engage',
    monitor: 'Monitor',
    unassessed: 'Not placed',
  },
  nl: {
    'manage-closely': 'Nauw betrekken',
    'keep-satisfied': 'Tevreden houden',
    empower: 'Versterken en betrekken',
    monitor: 'Monitoren',
    unassessed: 'Niet geplaatst',
  },
}

/** The recommended approach per quadrant, as shown in the matrix. */
export const QUADRANT_APPROACH_LABELS: Labels<EngagementQuadrant> = {
  en: {
    'manage-closely': 'High influence, high impact: engage closely and often.',
    'keep-satisfied': 'High influence, low impact: consult, keep them informed and satisfied.',
    empower:
      'Affected with little voice: engage them first, lower the barriers (OECD), not just inform.',
    monitor: 'Low influence, low impact: monitor, and revisit when things change.',
    unassessed: 'Influence and impact not yet assessed.',
  },
  nl: {
    'manage-closely': 'Veel invloed, grote impact: nauw en vaak betrekken.',
    'keep-satisfied': 'Veel invloed, kleine impact: raadplegen en tevreden houden.',
    empower:
      'Geraakt maar weinig stem: als eerste betrekken, drempels wegnemen (OESO), niet alleen informeren.',
    monitor: 'Weinig invloed, kleine impact: volgen en opnieuw bekijken als er iets verandert.',
    unassessed: 'Invloed en impact nog niet beoordeeld.',
  },
}

/** Engagement priority tiers. */
export const PRIORITY_TIER_LABELS: Labels<PriorityTier> = {
  en: {
    'affected-severe': 'Affected, severe impact',
    affected: 'Affected',
    'represents-affected': 'Represents affected stakeholders',
    other: 'Other relevant stakeholder',
  },
  nl: {
    'affected-severe': 'Geraakt, ernstige impact',
    affected: 'Geraakt',
    'represents-affected': 'Vertegenwoordigt geraakte stakeholders',
    other: 'Andere relevante stakeholder',
  },
}

/** Reasons for a place in the engagement order; `{name}` placeholders come from params. */
export const PRIORITY_REASON_LABELS: Labels<PriorityReasonCode> = {
  en: {
    'affected-severe-impact': 'Affected by a severe impact (severity {max} of 5)',
    'affected-impact': 'Affected (highest severity {max} of 5)',
    'affected-impacts-unassessed':
      'Affected; the severity of {count, plural, one {# impact} other {# impacts}} is not assessed',
    'affected-no-impacts-recorded': 'Affected; no impacts recorded yet',
    'represents-affected': 'Represents or advocates for affected stakeholders',
    'not-affected': 'Not affected itself',
    vulnerable: 'Vulnerable or marginalised: ahead at equal severity',
    salience: 'Salience: {salience}',
  },
  nl: {
    'affected-severe-impact': 'Geraakt door een ernstige impact (ernst {max} van 5)',
    'affected-impact': 'Geraakt (hoogste ernst {max} van 5)',
    'affected-impacts-unassessed':
      'Geraakt; de ernst van {count, plural, one {# impact} other {# impacts}} is niet beoordeeld',
    'affected-no-impacts-recorded': 'Geraakt; nog geen impact vastgelegd',
    'represents-affected': 'Vertegenwoordigt of komt op voor geraakte stakeholders',
    'not-affected': 'Zelf niet geraakt',
    vulnerable: 'Kwetsbaar of gemarginaliseerd: eerder bij gelijke ernst',
    salience: 'Saillantie: {salience}',
  },
}

/** Alerts about a stakeholder record. */
export const ALERT_LABELS: Labels<EngagementAlertCode> = {
  en: {
    'affected-severe-impact-low-impact-score':
      'Severe impact recorded, but the impact score places this stakeholder in "{quadrant}"',
    'affected-without-engagement': 'Affected stakeholder with no engagement recorded',
    'no-impacts-recorded-for-affected': 'Marked as affected, but no impact is recorded',
    'vulnerable-without-barrier-notes':
      'Vulnerable: record how barriers to engagement were lowered',
    'empower-quadrant-only-informed':
      'Affected with little voice, yet the intended level is only "inform"',
    'representative-without-represented': 'Represents stakeholders that are not on this map',
    'input-use-not-recorded': 'Input received on {date}, but not how it was used',
    'engagement-without-input': 'Engagement on {date} has no input recorded',
    'impacts-on-non-affected': 'Impacts recorded for a stakeholder not marked as affected',
    'impact-severity-not-assessed': 'An impact has no severity assessed',
    'impact-likelihood-not-assessed': 'A potential impact has no likelihood assessed',
    'vulnerable-without-note': 'Vulnerable, without a note on why',
    'salience-not-assessed': 'Power, legitimacy and urgency not assessed',
    'salience-partly-assessed': 'Salience partly assessed: {missing} not assessed',
    'grid-position-not-assessed': 'Influence and impact not assessed',
  },
  nl: {
    'affected-severe-impact-low-impact-score':
      'Ernstige impact vastgelegd, maar de impactscore plaatst deze stakeholder in "{quadrant}"',
    'affected-without-engagement': 'Geraakte stakeholder zonder vastgelegde dialoog',
    'no-impacts-recorded-for-affected': 'Gemarkeerd als geraakt, maar zonder vastgelegde impact',
    'vulnerable-without-barrier-notes': 'Kwetsbaar: leg vast hoe drempels zijn weggenomen',
    'empower-quadrant-only-informed':
      'Geraakt met weinig stem, maar het beoogde niveau is alleen "informeren"',
    'representative-without-represented':
      'Vertegenwoordigt stakeholders die niet op deze kaart staan',
    'input-use-not-recorded': 'Inbreng ontvangen op {date}, maar niet wat ermee is gedaan',
    'engagement-without-input': 'Dialoog op {date} zonder vastgelegde inbreng',
    'impacts-on-non-affected':
      'Impact vastgelegd bij een stakeholder die niet als geraakt is gemarkeerd',
    'impact-severity-not-assessed': 'Van een impact is de ernst niet beoordeeld',
    'impact-likelihood-not-assessed':
      'Van een potentiële impact is de waarschijnlijkheid niet beoordeeld',
    'vulnerable-without-note': 'Kwetsbaar, zonder toelichting waarom',
    'salience-not-assessed': 'Macht, legitimiteit en urgentie niet beoordeeld',
    'salience-partly-assessed': 'Saillantie deels beoordeeld: {missing} niet beoordeeld',
    'grid-position-not-assessed': 'Invloed en impact niet beoordeeld',
  },
}

/**
 * Fills `{name}` placeholders of a label from `params`; a quadrant code, a salience
 * assessment and the attribute codes of `missing` are put in words too.
 */
export function formatLabel(
  locale: LabelLocale,
  template: string,
  params: Readonly<Record<string, unknown>> = {},
): string {
  return formatMessage(locale, template, params, (name, value) => {
    if (name === 'quadrant')
      return QUADRANT_LABELS[locale][value as EngagementQuadrant] ?? String(value)
    // Templates say "Salience: {salience}", so the label leaves out its own "Salience".
    if (name === 'salience') {
      return salienceAssessmentLabel(locale, value as SalienceAssessment, true)
    }
    if (name === 'missing') return attributeList(locale, value as SalienceAttribute[])
    return Array.isArray(value) ? value.join(', ') : undefined
  })
}
