import { CURRENT_SCHEMA_VERSION } from './Stakeholder'
import type { AdverseImpact, Contact, EngagementEntry, Stakeholder } from './Stakeholder'

/** What `createStakeholder` needs: an id and a name; every other field is optional. */
export type StakeholderInit = Partial<Omit<Stakeholder, 'schemaVersion' | 'id' | 'name'>> &
  Pick<Stakeholder, 'id' | 'name'>

/** Options for {@link createStakeholder}. */
export interface CreateStakeholderOptions {
  /** ISO timestamp used for `createdAt`/`updatedAt`; defaults to the current time. */
  now?: string
}

/**
 * A new record with defaults for every field not given: nothing assessed (scores null,
 * attitude unknown), not affected, not vulnerable, engagement not started. The result is
 * not validated; pass it through `validateStakeholder` when the input is untrusted.
 */
export function createStakeholder(
  init: StakeholderInit,
  options: CreateStakeholderOptions = {},
): Stakeholder {
  const createdAt = init.createdAt ?? options.now ?? new Date().toISOString()
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    id: init.id,
    name: init.name,
    kind: init.kind ?? 'organisation',
    category: init.category ?? 'other',
    valueChainPosition: init.valueChainPosition ?? null,
    countryOrRegion: init.countryOrRegion ?? '',
    affected: init.affected ?? false,
    vulnerable: init.vulnerable ?? false,
    vulnerabilityNote: init.vulnerabilityNote ?? '',
    represents: init.represents ?? [],
    power: init.power ?? null,
    legitimacy: init.legitimacy ?? null,
    urgency: init.urgency ?? null,
    influence: init.influence ?? null,
    impact: init.impact ?? null,
    attitude: init.attitude ?? 'unknown',
    interests: init.interests ?? '',
    concerns: init.concerns ?? '',
    impacts: init.impacts ?? [],
    engagement: init.engagement ?? { status: 'not-started', intendedLevel: null, log: [] },
    contacts: init.contacts ?? [],
    notes: init.notes ?? '',
    createdAt,
    updatedAt: init.updatedAt ?? createdAt,
  }
}

/** A new adverse impact with nothing assessed yet (potential, every score null). */
export function createImpact(id: string): AdverseImpact {
  return {
    id,
    description: '',
    topic: '',
    actuality: 'potential',
    scale: null,
    scope: null,
    irremediability: null,
    likelihood: null,
  }
}

/** A new engagement log entry on `date` (ISO `YYYY-MM-DD`), at the identify-and-assess step. */
export function createEngagementEntry(id: string, date: string): EngagementEntry {
  return {
    id,
    date,
    step: 'identify-assess',
    method: '',
    informationShared: '',
    inputReceived: '',
    howInputWasUsed: '',
    followUp: '',
    barriers: '',
    barrierMeasures: '',
    confidentiality: 'internal',
  }
}

/** A new, empty contact (personal data: see {@link Contact}). */
export function createContact(id: string): Contact {
  return { id, name: '', role: '', organisation: '', email: '', phone: '', notes: '' }
}
