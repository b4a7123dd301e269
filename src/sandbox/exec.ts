/**
 * The one place that starts processes. Every wrapper (Docker, Netfilter, ...) takes an `Exec`
 * so tests and the composition root decide how commands run.
 */
import { getExecOutput } from '@actions/exec'
import { spawn, type StdioOptions } from 'node:child_process'
import { accessSync, constants as fsConstants } from 'node:fs'
import { delimiter, join } from 'node:path'
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

/**
 * Starts a process that outlives this one (its own session, no stdio), handing it the open
 * descriptors `fds` as its 3, 4, ...; resolves with its PID once it runs, or undefined when
 * it could not start.
 */
export type DetachedRunner = (
  command: string,
  args: readonly string[],
  fds: readonly number[]
) => Promise<number | undefined>

/** How every wrapper starts processes: captured to completion, or attached to our stdio. */
export interface Exec {
  readonly run: CommandRunner
  readonly attach: AttachedRunner
  /** Absent where nothing may outlive the run (test doubles): teardown then stays in-process. */
  readonly detach?: DetachedRunner
}

/**
 * Runs a command to completion, capturing its output; never throws on a non-zero exit.
 * Through @actions/exec, except for a command fed on stdin (`input`): @actions/exec leaves an
 * EPIPE on the child's stdin unhandled, which kills this process when the command exits before
 * reading all of it (iptables-restore refusing a batch, say), so those are spawned here. A
 * timed command runs under timeout(1), as @actions/exec has no timeout: `--foreground` makes
 * timeout exit 137 itself after killing the command, rather than kill itself too.
 */
export const runCommand: CommandRunner = async (command, args, options = {}) => {
  debug(`exec: ${command} ${args.join(' ')}`)
  const [file, argv] =
    options.timeoutMs === undefined
      ? [command, [...args]]
      : [
          'timeout',
          [
            '--foreground',
            '--signal=KILL',
            `${Math.max(options.timeoutMs, 1) / 1000}`,
            command,
            ...args
          ]
        ]
  const env = { ...processEnv(), ...options.env }
  try {
    if (options.input !== undefined) return await spawnWithInput(file, argv, options.input, env)
    const r = await getExecOutput(onPath(file), argv, { silent: true, ignoreReturnCode: true, env })
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr }
  } catch (e) {
    throw new Error(`cannot run ${command}: ${e instanceof Error ? e.message : String(e)}`)
  }
}

function spawnWithInput(
  command: string,
  args: readonly string[],
  input: string,
  env: Record<string, string>
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'], env })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    child.on('error', reject)
    child.on('close', (code, signal) =>
      resolve({
        exitCode: code ?? signalExitCode(signal ? constants.signals[signal] : 15),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      })
    )
    // A command that exits without reading everything closes the pipe: its status says why.
    child.stdin.on('error', () => undefined)
    child.stdin.end(input)
  })
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

export const runDetached: DetachedRunner = (command, args, fds) =>
  new Promise((resolve) => {
    debug(`exec (detached): ${command} ${args.join(' ')}`)
    const child = spawn(command, [...args], {
      detached: true,
      stdio: ['ignore', 'ignore', 'ignore', ...fds],
      env: processEnv()
    })
    child.once('error', () => resolve(undefined))
    child.once('spawn', () => {
      child.unref()
      resolve(child.pid)
    })
  })

export const realExec: Exec = { run: runCommand, attach: runAttached, detach: runDetached }

/**
 * The program's full path. @actions/exec would search PATH itself and print a line on stdout
 * for every PATH folder it may not read (a user's PATH naming /root/...), into the command's
 * own output; an unreadable folder is simply skipped here.
 */
function onPath(command: string): string {
  if (command.includes('/')) return command
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, command), fsConstants.X_OK)
      return join(dir, command)
    } catch {
      // Absent or unreadable: the next folder.
    }
  }
  throw new Error(`${command} is not on PATH`)
}

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
