/**
 * The raw values of one run, keyed by the action's input names (action.yml). The action reads
 * them with @actions/core; the CLI fills the same record from flags of the same names. Nothing
 * here is validated yet: src/run/settings.ts does that, once, for both.
 */

/** Inputs that hold text (blank = not given). */
export const TEXT_INPUTS = [
  'allow-domains',
  'block-domains',
  'policy',
  'dns-servers',
  'allow-networks',
  'mode',
  'base-image',
  'proxy-image',
  'image-registry',
  'agent-image',
  'home-config',
  'env',
  'allow-host-ports',
  'allow-urls',
  'agent-timeout',
  'memory-limit',
  'pids-limit',
  'host-firewall',
  'docker-daemon',
  'expected-blocks',
  'protect-git',
  'git-integrity',
  'address-pool',
  'report-detail',
  'upstream-proxy',
  'upstream-proxy-auth',
  'tls-without-sni',
  'credentials',
  'ca-certificates'
] as const

/** Inputs that are booleans (action.yml gives each a default). */
export const BOOLEAN_INPUTS = ['tty', 'fail-on-blocked'] as const

export type TextInput = (typeof TEXT_INPUTS)[number]
export type BooleanInput = (typeof BOOLEAN_INPUTS)[number]

export type RunInputs = Readonly<Record<TextInput, string> & Record<BooleanInput, boolean>>
