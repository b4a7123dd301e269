/**
 * Command-line parsing: pure, so every flag combination is unit-tested. Flags are the action's
 * inputs under the same names (src/run/inputs.ts), plus a few that only a command line needs.
 */
import { InputError } from '../common/errors.js'
import { ExitCode } from '../common/exit-codes.js'
import { POLICY_LIST_KEYS } from '../policy/index.js'
import { BOOLEAN_INPUTS, TEXT_INPUTS } from '../run/inputs.js'

/** Flags that may repeat: their values are joined with newlines, as in a multi-line input. */
const REPEATABLE: readonly string[] = [
  ...POLICY_LIST_KEYS,
  'env',
  'expected-blocks',
  'tls-without-sni'
]

/** Every text input of the action, plus what only makes sense on a command line. */
const VALUE_FLAGS = [...TEXT_INPUTS, 'out', 'logs-dir', 'user'] as const
/** The action's boolean inputs are switches here. */
const SWITCHES = BOOLEAN_INPUTS
type Switch = (typeof SWITCHES)[number]
type ValueFlag = (typeof VALUE_FLAGS)[number]

export interface CliArgs {
  readonly command: 'render' | 'run' | 'presets' | 'help' | 'version'
  /** Repeated flags are joined with newlines, as a multi-line action input would be. */
  readonly values: Partial<Record<ValueFlag, string>>
  readonly switches: Partial<Record<Switch, true>>
  /** argv after `--` for `run`. */
  readonly argv: readonly string[]
}

/** A command line that cannot be parsed: shown with the usage text. */
export class UsageError extends InputError {
  constructor(message: string) {
    super([{ where: 'command line', value: '', expected: '', message }])
    this.name = 'UsageError'
  }
}

export const USAGE = `Usage:
  awf-action render [policy flags] --out DIR     write every rendered config file to DIR
  awf-action run [policy flags] -- COMMAND...    run COMMAND inside the firewall
  awf-action presets                             list the domain presets (@npm, @github, ...)

Policy flags (same names and syntax as the action's inputs; repeat a flag or separate
values with commas or newlines):
  --allow-domains LIST    domains the command may reach (example.com, *.example.com,
                          https://api.example.com, example.com:8443, @npm)
  --block-domains LIST    domains refused even when an allowed entry covers them
  --allow-networks LIST   private CIDRs the proxy may reach (10.1.0.0/16)
  --dns-servers LIST      upstream resolvers (IP addresses); default: the machine's own
  --allow-host-ports LIST ports of this machine the command may reach as
                          host.docker.internal (3000; 5432! to confirm a database port)
  --policy FILE           YAML or JSON policy file; flags override its keys
  --expected-blocks LIST  blocks that do not fail the run under --fail-on-blocked
  --upstream-proxy URL    leave through a corporate proxy (http://HOST:PORT)
  --upstream-proxy-auth VAR  the variable holding its login (user:password)
  --tls-without-sni LIST  allowed hosts whose TLS clients may omit the server name
  --mode MODE             enforce (default) or audit: HTTP(S) to any public domain is
                          allowed and recorded, and a policy is suggested at the end

Run flags:
  --logs-dir DIR          keep configs and logs here (default: a new folder in $TMPDIR)
  --agent-image REF       run the command in this image instead of with this machine's
                          own tools (mounted read-only)
  --env NAME[=VALUE]      pass a variable to the command (repeatable); NAME alone passes
                          its value here
  --agent-timeout MIN     kill the sandbox after MIN minutes (exit status 124)
  --memory-limit SIZE     memory limit of the command (512m, 4g; default 75% of RAM)
  --pids-limit N          process limit of the command (default 4096)
  --tty                   give the command a terminal
  --fail-on-blocked       exit ${ExitCode.blocked} when anything outside --expected-blocks was blocked
                          (and the command itself succeeded)
  --user UID:GID          run the command as this user (default: yours)
  --host-firewall on|off  off: no host iptables rules, so no root needed (see
                          docs/threat-model.md for what that gives up)
  --base-image REF        base image for building the proxy and agent images
  --proxy-image REF       use this prebuilt proxy image

Exit status: the command's own; ${ExitCode.timeout} when it hit --agent-timeout; ${ExitCode.usage} for invalid input;
${ExitCode.blocked} for --fail-on-blocked; ${ExitCode.sandbox} when the sandbox cannot start, or the firewall failed
under the running command.`

function isValueFlag(name: string): name is ValueFlag {
  return (VALUE_FLAGS as readonly string[]).includes(name)
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv
  if (first === undefined || first === 'help' || first === '--help' || first === '-h')
    return { command: 'help', values: {}, switches: {}, argv: [] }
  if (first === 'version' || first === '--version')
    return { command: 'version', values: {}, switches: {}, argv: [] }
  if (first === 'presets') {
    if (argv.length > 1) throw new UsageError('presets takes no arguments')
    return { command: 'presets', values: {}, switches: {}, argv: [] }
  }
  if (first !== 'render' && first !== 'run')
    throw new UsageError(`unknown command "${first}": expected render, run or presets`)

  const values: Partial<Record<ValueFlag, string>> = {}
  const switches: Partial<Record<Switch, true>> = {}
  let i = 0
  for (; i < rest.length; i++) {
    const arg = rest[i]!
    if (arg === '--') break
    if ((SWITCHES as readonly string[]).includes(arg.slice(2)) && arg.startsWith('--')) {
      switches[arg.slice(2) as Switch] = true
      continue
    }
    const m = /^--([a-z-]+)(?:=([\s\S]*))?$/.exec(arg)
    if (!m || !isValueFlag(m[1]!)) throw new UsageError(`unknown flag "${arg}"`)
    const name = m[1]
    const value = m[2] ?? rest[++i]
    if (value === undefined) throw new UsageError(`flag --${name} needs a value`)
    const repeatable = REPEATABLE.includes(name)
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
  return { command: first, values, switches, argv: command }
}
