/**
 * The public surface of `shared/`: the stakeholder model, the scoring engine and the
 * protocol constants. Pure TypeScript; imported by both client and server.
 */
export * from './protocol/closeCodes'
export * from './protocol/mapId'
export * from './protocol/messageTypes'
export * from './protocol/api'

export * from './stakeholder/Stakeholder'
export * from './stakeholder/createStakeholder'
export * from './stakeholder/validateStakeholder'
export * from './stakeholder/migrateStakeholder'
export * from './stakeholder/withoutContacts'
export * from './stakeholder/isIsoDate'

export * from './scoring/scoreValue'
export * from './scoring/classifySalience'
export * from './scoring/salienceAssessment'
export * from './scoring/salienceScore'
export * from './scoring/engagementQuadrant'
export * from './scoring/impactSeverity'
export * from './scoring/prioritiseImpacts'
export * from './scoring/prioritiseStakeholders'
export * from './scoring/engagementAlerts'
export * from './scoring/aggregateRatings'
export * from './document/mapDocumentLayout'
export * from './document/stakeholderDocument'
export * from './document/moveConfidentialContent'
export * from './labels/modelLabels'
export * from './exchange/index'
