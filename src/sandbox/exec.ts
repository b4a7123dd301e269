/**
 * The one place that starts processes. Every wrapper (Docker, Netfilter, ...) takes an `Exec`
 * so tests and the composition root decide how commands run.
 */
import { getExecOutput } from '@actions/exec'
import { spawn, type StdioOptions } from 'node:child_process'
import { constants } from 'node:os'
import { signalExitCode } from '../common/exit-codes.js'
import { debug } from './log.js'

export interface CommandResult {
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

export interface CommandOptions {
  /** Written to the command's stdin, which is then closed. */
  readonly input?: string
  /** Kill the command (SIGKILL) after this many milliseconds. */
  readonly timeoutMs?: number
  /** Extra environment variables for the command (values never appear in argv or logs). */
  readonly env?: Readonly<Record<string, string>>
}

export type CommandRunner = (
  command: string,
  args: readonly string[],
  options?: CommandOptions
) => Promise<CommandResult>

/** Starts a long-running command whose output goes where `stdio` says; resolves with its status. */
export type AttachedRunner = (
  command: string,
  args: readonly string[],
  stdio: StdioOptions,
  env?: Readonly<Record<string, string>>
) => Promise<number>

/** How every wrapper starts processes: captured to completion, or attached to our stdio. */
export interface Exec {
  readonly run: CommandRunner
  readonly attach: AttachedRunner
}

/**
 * Runs a command to completion through @actions/exec, capturing its output; never throws on a
 * non-zero exit. @actions/exec has no timeout, so a timed command runs under timeout(1), whose
 * SIGKILL gives the same status (137) a killed command always had here.
 */
export const runCommand: CommandRunner = async (command, args, options = {}) => {
  debug(`exec: ${command} ${args.join(' ')}`)
  const [file, argv] =
    options.timeoutMs === undefined
      ? [command, [...args]]
      : ['timeout', ['--signal=KILL', `${Math.max(options.timeoutMs, 1) / 1000}`, command, ...args]]
  try {
    const r = await getExecOutput(file, argv, {
      silent: true,
      ignoreReturnCode: true,
      // Always given, so stdin is closed even when there is nothing to write.
      input: Buffer.from(options.input ?? ''),
      env: { ...processEnv(), ...options.env }
    })
    return { exitCode: r.exitCode ?? 1, stdout: r.stdout, stderr: r.stderr }
  } catch (e) {
    throw new Error(`cannot run ${command}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/**
 * The agent's run: @actions/exec cannot hand the child our own terminal (`inherit`, which
 * `tty` needs) or keep its stdin closed, so this one spawns directly.
 */
export const runAttached: AttachedRunner = (command, args, stdio, env = {}) =>
  new Promise((resolve, reject) => {
    debug(`exec (attached): ${command} ${args.join(' ')}`)
    const child = spawn(command, [...args], { stdio, env: { ...processEnv(), ...env } })
    child.on('error', (e) => reject(new Error(`cannot run ${command}: ${e.message}`)))
    child.on('exit', (code, signal) =>
      resolve(code ?? signalExitCode(signal ? constants.signals[signal] : 15))
    )
  })

export const realExec: Exec = { run: runCommand, attach: runAttached }

function processEnv(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined)
  )
}

/** The last non-empty line of a command's stderr: what a person needs to see first. */
export function lastLine(text: string): string {
  const lines = text.trim().split('\n')
  return lines[lines.length - 1]?.trim() ?? ''
}
