// Integration tier: real Docker, Squid, iptables and the lab. Files named *.test.itg.ts.
// Run serially (--runInBand): the suites share one Docker engine and one lab.
import unit from './jest.config.js'

export default {
  ...unit,
  testMatch: ['**/__tests__/**/*.test.itg.ts'],
  testTimeout: 300000
}
