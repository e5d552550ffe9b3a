import type { Stakeholder, StakeholderWithoutContacts } from './Stakeholder'

/**
 * The record without its personal data (`contacts`), e.g. for a shared workshop board or
 * an internal export. Returns a shallow copy; the input is not changed.
 */
export function withoutContacts(stakeholder: Stakeholder): StakeholderWithoutContacts {
  const { contacts: _contacts, ...rest } = stakeholder
  return rest
}

/**
 * The record as every role of the map may read it: no contacts and no engagement-log
 * entries marked `confidential` (both live in the confidential document).
 */
export function withoutConfidentialData(stakeholder: Stakeholder): StakeholderWithoutContacts {
  const rest = withoutContacts(stakeholder)
  return {
    ...rest,
    engagement: {
      ...rest.engagement,
      log: rest.engagement.log.filter((entry) => entry.confidentiality !== 'confidential'),
    },
  }
}

/**
 * The fields fit for publication outside the company: no contacts, and only engagement
 * log entries marked `public` (internal and confidential entries are dropped). Free-text
 * fields are kept as they are; personal data belongs in `contacts` only.
 */
export function publicFields(stakeholder: Stakeholder): StakeholderWithoutContacts {
  const rest = withoutContacts(stakeholder)
  return {
    ...rest,
    engagement: {
      ...rest.engagement,
      log: rest.engagement.log.filter((entry) => entry.confidentiality === 'public'),
    },
  }
}
