/**
 * Command-line parsing with node:util's parseArgs: pure, so every flag combination is
 * unit-tested. Flags are the action's inputs under the same names (src/run/inputs.ts), plus a
 * few that only a command line needs. A misspelt flag gets a did-you-mean.
 */
import { parseArgs as parseTokens, type ParseArgsConfig } from 'node:util'
import { InputError } from '../common/errors.js'
import { POLICY_LIST_KEYS } from '../policy/index.js'
import { closest } from '../policy/preset-names.js'
import { BOOLEAN_INPUTS, TEXT_INPUTS } from '../run/inputs.js'
import { COMMAND_HELP, USAGE } from './help.js'

export { USAGE } from './help.js'

export const COMMANDS = ['run', 'render', 'check', 'presets', 'version', 'help'] as const
export type Command = (typeof COMMANDS)[number]

/** Flags that may repeat: their values are joined with newlines, as in a multi-line input. */
const REPEATABLE: readonly string[] = [...POLICY_LIST_KEYS, 'credentials']

/** Value flags and switches of each command (every text input of the action, where it fits). */
const VALUE_FLAGS = {
  run: [...TEXT_INPUTS, 'logs-dir', 'user'],
  render: [...TEXT_INPUTS, 'out'],
  check: [...TEXT_INPUTS],
  presets: [],
  version: [],
  help: []
} as const satisfies Record<Command, readonly string[]>
const SWITCHES = {
  run: [...BOOLEAN_INPUTS, 'json'],
  render: [...BOOLEAN_INPUTS],
  check: [...BOOLEAN_INPUTS, 'json'],
  presets: [],
  version: [],
  help: []
} as const satisfies Record<Command, readonly string[]>

type ValueFlag = (typeof VALUE_FLAGS)[Command][number]
type Switch = (typeof SWITCHES)[Command][number]

export interface CliArgs {
  readonly command: Command
  /** For `help` (and `COMMAND --help`): the command to explain; absent = the overview. */
  readonly topic?: Command
  /** Repeated flags are joined with newlines, as a multi-line action input would be. */
  readonly values: Partial<Record<ValueFlag, string>>
  readonly switches: Partial<Record<Switch, true>>
  /** argv after `--` for `run`. */
  readonly argv: readonly string[]
}

/** A command line that cannot be parsed: shown with the command's help. */
export class UsageError extends InputError {
  constructor(
    message: string,
    readonly help: string = USAGE
  ) {
    super([{ where: 'command line', value: '', expected: '', message }])
    this.name = 'UsageError'
  }
}

function isCommand(word: string): word is Command {
  return (COMMANDS as readonly string[]).includes(word)
}

function unknownFlag(command: Command, flag: string): UsageError {
  const known = [...VALUE_FLAGS[command], ...SWITCHES[command], 'help']
  const near = closest(flag, known)
  const shown = JSON.stringify(`--${flag}`)
  return new UsageError(
    known.length === 1
      ? `${command} takes no flags (got ${shown})`
      : `unknown flag ${shown} for ${command}${near ? `: did you mean --${near}?` : ''}`,
    COMMAND_HELP[command]
  )
}

/** Runs node:util's parser without its own refusals, then checks every flag ourselves. */
function flagsOf(command: Command, rest: readonly string[]): CliArgs {
  const options: NonNullable<ParseArgsConfig['options']> = {
    help: { type: 'boolean', short: 'h' }
  }
  for (const f of VALUE_FLAGS[command]) options[f] = { type: 'string', multiple: true }
  for (const f of SWITCHES[command]) options[f] = { type: 'boolean' }
  const { tokens } = parseTokens({
    args: [...rest],
    strict: false,
    allowPositionals: true,
    tokens: true,
    options
  })
  const values: Record<string, string> = {}
  const switches: Record<string, true> = {}
  const argv: string[] = []
  let afterTerminator = false
  for (const token of tokens) {
    if (token.kind === 'option-terminator') afterTerminator = true
    else if (token.kind === 'positional') {
      if (!afterTerminator)
        throw new UsageError(
          `unexpected argument ${JSON.stringify(token.value)}${command === 'run' ? ' (the command goes after --)' : ''}`,
          COMMAND_HELP[command]
        )
      argv.push(token.value)
    } else if (token.name === 'help') {
      return { command: 'help', topic: command, values: {}, switches: {}, argv: [] }
    } else if ((SWITCHES[command] as readonly string[]).includes(token.name)) {
      if (token.value !== undefined)
        throw new UsageError(`flag --${token.name} takes no value`, COMMAND_HELP[command])
      switches[token.name] = true
    } else if ((VALUE_FLAGS[command] as readonly string[]).includes(token.name)) {
      if (token.value === undefined)
        throw new UsageError(`flag --${token.name} needs a value`, COMMAND_HELP[command])
      if (values[token.name] !== undefined && !REPEATABLE.includes(token.name))
        throw new UsageError(`flag --${token.name} is given twice`, COMMAND_HELP[command])
      values[token.name] =
        values[token.name] === undefined ? token.value : `${values[token.name]}\n${token.value}`
    } else throw unknownFlag(command, token.name)
  }
  return { command, values, switches, argv }
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const [first, ...rest] = argv
  const none = { values: {}, switches: {}, argv: [] }
  if (first === undefined || first === '--help' || first === '-h')
    return { command: 'help', ...none }
  if (first === '--version') return { command: 'version', ...none }
  if (!isCommand(first)) {
    const near = closest(first, COMMANDS)
    throw new UsageError(
      `unknown command ${JSON.stringify(first)}${near ? `: did you mean ${near}?` : ''}; the commands are ${COMMANDS.join(', ')}`
    )
  }
  if (first === 'help') {
    const topic = rest[0]
    if (topic !== undefined && !isCommand(topic))
      throw new UsageError(`help: unknown command ${JSON.stringify(topic)}`)
    return { command: 'help', topic, ...none }
  }
  const args = flagsOf(first, rest)
  if (args.command === 'render' && args.argv.length > 0)
    throw new UsageError('render takes no command after --', COMMAND_HELP.render)
  if (args.command === 'render' && !args.values.out)
    throw new UsageError('render needs --out DIR', COMMAND_HELP.render)
  if (args.command === 'run' && args.argv.length === 0)
    throw new UsageError(
      'run needs a command after --, e.g. awf-action run --allow-domains example.com -- curl https://example.com',
      COMMAND_HELP.run
    )
  return args
}
