/** The printable report and its figures. Pure: used by the server and the client alike. */
export * from './escapeHtml'
export * from './engagementRanks'
export * from './matrixSvg'
export * from './salienceSvg'
export * from './reportText'
export * from './renderReport'
