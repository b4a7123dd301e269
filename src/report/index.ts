export * from './events.js'
export * from './report.js'
export * from './summary.js'
export * from './suggest.js'
