/**
 * The two salience facts every output must keep apart: a vulnerable affected group nobody
 * has scored yet (with a 5/5/5 actual impact, so it ranks first), and a stakeholder the
 * group judged to have no attribute (assessed as absent).
 */
import { createStakeholder } from '../../../shared/stakeholder/createStakeholder'
import type { Stakeholder } from '../../../shared/stakeholder/Stakeholder'
import { NOW } from './richMap'

/** Affected, vulnerable, severely impacted, no power/legitimacy/urgency scores. */
export function unscoredRightsholders(): Stakeholder {
  return createStakeholder(
    {
      id: 'sh-unscored',
      name: 'Inheemse gemeenschap Kayapó',
      kind: 'group',
      category: 'indigenous-peoples',
      affected: true,
      vulnerable: true,
      vulnerabilityNote: 'Geen schriftelijke toegang tot de concessie',
      impacts: [
        {
          id: 'imp-land',
          description: 'Verlies van land door uitbreiding van de plantage',
          topic: 'landrechten',
          actuality: 'actual',
          scale: 5,
          scope: 5,
          irremediability: 5,
          likelihood: null,
        },
      ],
    },
    { now: NOW },
  )
}

/** Power, legitimacy and urgency all scored below the threshold: assessed as absent. */
export function judgedAbsent(): Stakeholder {
  return createStakeholder(
    {
      id: 'sh-absent',
      name: 'Lokale sportclub',
      category: 'other',
      power: 1,
      legitimacy: 2,
      urgency: 1,
      influence: 1,
      impact: 1,
    },
    { now: NOW },
  )
}
