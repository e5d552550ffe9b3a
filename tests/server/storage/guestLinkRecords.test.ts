import { describeGuestLinkRecords } from './describeGuestLinkRecords'
import { describeOnEveryEngine } from './describeOnEveryEngine'

await describeOnEveryEngine(describeGuestLinkRecords, 'stakeholder-canvas-guest-links-')
