export {
  buildPolicy,
  buildPolicyFrom,
  parseExpectedBlocks,
  parseExpectedBlocksFrom,
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
  type PolicyFile,
  type PolicyFileText,
  type SettingSource
} from './file.js'
export {
  isSettingKey,
  POLICY_FILE_KEYS,
  POLICY_LIST_KEYS,
  SETTING_KEYS,
  type ListKey,
  type SettingKey,
  type ValueKey
} from './setting-keys.js'
export {
  mergeSettings,
  settingEntries,
  settingValue,
  type KeyProvenance,
  type Provenance,
  type RawInputs,
  type Settings
} from './settings.js'
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
export { PolicyError, quote, safeText, type PolicyProblem } from './problem.js'
export { groupByAccess, policyViews } from './views.js'
export {
  parseUrlRule,
  URL_METHODS,
  URL_RULE_FORM,
  urlRuleHosts,
  urlRuleLines,
  urlRuleText
} from './url-rules.js'
export type * from './types.js'
