/** Command-line parsing: pure, so every flag combination is unit-tested. */

export const POLICY_FLAGS = [
  'allow-domains',
  'block-domains',
  'allow-networks',
  'dns-servers'
] as const

const VALUE_FLAGS = [
  ...POLICY_FLAGS,
  'mode',
  'policy',
  'out',
  'logs-dir',
  'base-image',
  'proxy-image',
  'agent-image'
] as const
type ValueFlag = (typeof VALUE_FLAGS)[number]

export interface CliArgs {
  readonly command: 'render' | 'run' | 'help' | 'version'
  /** Repeated flags are joined with newlines, as a multi-line action input would be. */
  readonly values: Partial<Record<ValueFlag, string>>
  /** argv after `--` for `run`. */
  readonly argv: readonly string[]
}

export class UsageError extends Error {}

export const USAGE = `Usage:
  awf-action render [policy flags] --out DIR     write every rendered config file to DIR
  awf-action run [policy flags] -- COMMAND...    run COMMAND inside the firewall

Policy flags (same names and syntax as the action's inputs; repeat a flag or separate
values with commas or newlines):
  --allow-domains LIST    domains the command may reach (example.com, *.example.com,
                          https://api.example.com, example.com:8443)
  --block-domains LIST    domains refused even when an allowed entry covers them
  --allow-networks LIST   private CIDRs the proxy may reach (10.1.0.0/16)
  --dns-servers LIST      upstream resolvers (IP addresses); default: the machine's own
  --policy FILE           YAML or JSON policy file; flags override its keys
  --mode MODE             enforce (default) or audit: HTTP(S) to any public domain is
                          allowed and recorded, and a policy is suggested at the end

Run flags:
  --logs-dir DIR          keep configs and logs here (default: a new folder in $TMPDIR)
  --base-image REF        base image for building the proxy and agent images
  --proxy-image REF       use this prebuilt proxy image
  --agent-image REF       use this prebuilt agent image

Exit status: the command's own; 2 for invalid input; 125 when the sandbox cannot start.`

function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name)
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv
  if (first === undefined || first === 'help' || first === '--help' || first === '-h')
    return { command: 'help', values: {}, argv: [] }
  if (first === 'version' || first === '--version')
    return { command: 'version', values: {}, argv: [] }
  if (first !== 'render' && first !== 'run')
    throw new UsageError(`unknown command "${first}": expected render or run`)

  const values: Partial<Record<ValueFlag, string>> = {}
  let i = 0
  for (; i < rest.length; i++) {
    const arg = rest[i]!
    if (arg === '--') break
    const m = /^--([a-z-]+)(?:=([\s\S]*))?$/.exec(arg)
    if (!m || !isValueFlag(m[1]!)) throw new UsageError(`unknown flag "${arg}"`)
    const name = m[1]
    const value = m[2] ?? rest[++i]
    if (value === undefined) throw new UsageError(`flag --${name} needs a value`)
    const repeatable = (POLICY_FLAGS as readonly string[]).includes(name)
    if (values[name] !== undefined && !repeatable)
      throw new UsageError(`flag --${name} is given twice`)
    values[name] = values[name] === undefined ? value : `${values[name]}\n${value}`
  }
  const command = rest.slice(i + 1)
  if (first === 'render') {
    if (i < rest.length) throw new UsageError('render takes no command after --')
    if (!values.out) throw new UsageError('render needs --out DIR')
  } else if (command.length === 0) {
    throw new UsageError(
      'run needs a command after --, e.g. awf-action run --allow-domains example.com -- curl https://example.com'
    )
  }
  return { command: first, values, argv: command }
}
