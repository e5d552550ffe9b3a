import { describeBallotRecords } from './describeBallotRecords'
import { describeOnEveryEngine } from './describeOnEveryEngine'

await describeOnEveryEngine(describeBallotRecords, 'stakeholder-canvas-ballots-')
