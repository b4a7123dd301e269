export {
  buildPolicy,
  parseExpectedBlocks,
  type BuiltPolicy,
  type RawPolicyInputs
} from './build.js'
export {
  ALL_ACCESS,
  collapseDomains,
  domainCovers,
  matchesDomain,
  nameCovers,
  parseDomainEntry,
  type ListKind
} from './domain.js'
export {
  parsePolicyFile,
  POLICY_FILE_KEYS,
  POLICY_LIST_KEYS,
  type PolicyFileText,
  type PolicyListKey
} from './file.js'
export {
  cidrContains,
  isLoopbackStub,
  nameserversFromResolvConf,
  parseCidr,
  parseDnsServer,
  parseIpLiteral
} from './ip.js'
export { parseList } from './list.js'
export { PRESETS, type Preset, type PresetEntry } from './presets.js'
export { HOST_ALIAS, parseHostPort, SENSITIVE_HOST_PORTS } from './host-ports.js'
export { PolicyError, type PolicyProblem } from './problem.js'
export { groupByAccess, policyViews } from './views.js'
export type * from './types.js'
