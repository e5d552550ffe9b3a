/**
 * Import and export of stakeholder lists, the register (CSV, XLSX) and whole maps (JSON).
 * Pure: runs in the browser and in Node alike. See `docs/exchange.md`.
 */
export * from './exchangeLimits'
export * from './neutraliseCell'
export * from './registerLabels'
export * from './registerRows'
export * from './registerToCsv'
export * from './parseCsv'
export * from './registerToXlsx'
export * from './parseXlsx'
export * from './guessColumnMapping'
export * from './guessFieldValue'
export * from './normaliseLabel'
export * from './planImport'
export * from './applyImport'
export * from './canonicalJson'
export * from './mapJsonFormat'
export * from './exportMapJson'
export * from './parseMapJson'
export * from './importMapJson'
