/**
 * The settings a policy file may hold, keyed by the action's input names (the CLI's flags
 * carry the same names). Declared once: the file parser, the merge of inputs over the file,
 * the lock, the JSON Schema test and the docs all read this table.
 */

/** How a key's values combine and what `lock: true` lets an input do with it. */
export interface SettingKeySpec {
  /** `list`: entries from inputs are added to the file's; `value`: an input replaces the file's. */
  readonly kind: 'list' | 'value'
  /**
   * Under `lock: true`: `add` = inputs may still add entries (blocks, variable names);
   * `narrow` = an input may give only the value in `narrowValue` (the stricter one);
   * `unset` = an input may set it only when the file does not; `never` = no input at all.
   */
  readonly locked: 'add' | 'narrow' | 'unset' | 'never'
  readonly narrowValue?: string
  /** Why an input may not change it under lock, when "may only add blocks" says too little. */
  readonly lockReason?: string
}

export const SETTING_KEYS = {
  'allow-domains': { kind: 'list', locked: 'never' },
  'block-domains': { kind: 'list', locked: 'add' },
  'allow-networks': { kind: 'list', locked: 'never' },
  'dns-servers': { kind: 'list', locked: 'never' },
  'allow-host-ports': { kind: 'list', locked: 'never' },
  /** One rule a line (`[METHODS] URL-PATTERN`): read line by line, never split at spaces. */
  'allow-urls': { kind: 'list', locked: 'never' },
  'expected-blocks': { kind: 'list', locked: 'never' },
  /** Variable names only (`NAME`, `NAME!` to mask its value); values never live in a file. */
  env: { kind: 'list', locked: 'add' },
  mode: { kind: 'value', locked: 'narrow', narrowValue: 'enforce' },
  'fail-on-blocked': { kind: 'value', locked: 'narrow', narrowValue: 'true' },
  'host-firewall': { kind: 'value', locked: 'narrow', narrowValue: 'on' },
  'agent-timeout': { kind: 'value', locked: 'unset' },
  'memory-limit': { kind: 'value', locked: 'unset' },
  'pids-limit': { kind: 'value', locked: 'unset' },
  /** How much of the blocked names the summary prints; `full` could carry data out. */
  'report-detail': { kind: 'value', locked: 'narrow', narrowValue: 'domains' },
  /**
   * Files of the runner's HOME shown read-only to the command. Inputs may add some under lock:
   * the workflow already controls what the command reads (it writes the workspace and the
   * script), and the firewall does not change.
   */
  'home-config': { kind: 'list', locked: 'add' },
  /** Where the run's subnets come from: the runner's network layout, which a locked file keeps. */
  'address-pool': { kind: 'value', locked: 'unset' },
  /** A mirror of the released images; digests pin what it serves, a locked file keeps the mirror. */
  'image-registry': { kind: 'value', locked: 'unset' },
  'upstream-proxy': {
    kind: 'value',
    locked: 'never',
    lockReason: 'an upstream proxy the file does not name would carry every allowed request'
  },
  /** The NAME of the variable holding `user:password`; never the value. */
  'upstream-proxy-auth': { kind: 'value', locked: 'unset' },
  'tls-without-sni': {
    kind: 'list',
    locked: 'never',
    lockReason: 'a tunnel without a server name reaches whatever its address serves by default'
  },
  'protect-git': {
    kind: 'value',
    locked: 'narrow',
    narrowValue: 'true',
    lockReason: 'false would let the command change .git/config, hooks and info for later steps'
  },
  'git-integrity': {
    kind: 'value',
    locked: 'narrow',
    narrowValue: 'fail',
    lockReason: 'warn would let git metadata that runs a program in a later step pass'
  }
} as const satisfies Record<string, SettingKeySpec>

export type SettingKey = keyof typeof SETTING_KEYS
export type ListKey = {
  [K in SettingKey]: (typeof SETTING_KEYS)[K]['kind'] extends 'list' ? K : never
}[SettingKey]
export type ValueKey = Exclude<SettingKey, ListKey>

/** Inputs that are not file keys but would loosen the firewall: refused when the file is locked. */
export const LOCKED_INPUTS: Readonly<Record<string, string>> = {
  'proxy-image': 'it replaces the proxy that enforces the policy',
  'base-image': 'the proxy that enforces the policy would be built on it',
  'ca-certificates': 'its CAs would be trusted for the servers of intercepted hosts'
}

/** Keys only a policy file has. */
export const FILE_ONLY_KEYS = ['version', 'lock'] as const

/** Every key a policy file may hold, in the order the docs list them. */
export const POLICY_FILE_KEYS: readonly string[] = ['version', 'lock', ...Object.keys(SETTING_KEYS)]

/** The keys whose values are lists (inputs and flags add to them; flags may repeat). */
export const POLICY_LIST_KEYS = (Object.keys(SETTING_KEYS) as SettingKey[]).filter(
  (k): k is ListKey => SETTING_KEYS[k].kind === 'list'
)

export function isSettingKey(key: string): key is SettingKey {
  return Object.prototype.hasOwnProperty.call(SETTING_KEYS, key)
}

export function isListKey(key: SettingKey): key is ListKey {
  return SETTING_KEYS[key].kind === 'list'
}
