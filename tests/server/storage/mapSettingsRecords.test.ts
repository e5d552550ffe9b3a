import { describeMapSettingsRecords } from './describeMapSettingsRecords'
import { describeOnEveryEngine } from './describeOnEveryEngine'

await describeOnEveryEngine(describeMapSettingsRecords, 'stakeholder-canvas-map-settings-')
