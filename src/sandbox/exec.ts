/**
 * The one place that starts processes. Every wrapper (Docker, Iptables, ...) takes a
 * `CommandRunner` so tests and the CLI/action composition roots decide how commands run.
 */
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process'
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

/** Runs a command to completion, capturing its output; never throws on a non-zero exit. */
export const runCommand: CommandRunner = (command, args, options = {}) =>
  new Promise((resolve, reject) => {
    debug(`exec: ${command} ${args.join(' ')}`)
    const child = spawn(command, [...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...options.env }
    })
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk))
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs)
    child.on('error', (e) => {
      clearTimeout(timer)
      reject(new Error(`cannot run ${command}: ${e.message}`))
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({
        exitCode: code ?? 128 + signalNumber(signal),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8')
      })
    })
    child.stdin.on('error', () => undefined)
    child.stdin.end(options.input ?? '')
  })

/** Starts a long-running command whose output goes where `stdio` says (the agent's run). */
export function spawnAttached(
  command: string,
  args: readonly string[],
  stdio: StdioOptions,
  env: Readonly<Record<string, string>> = {}
): ChildProcess {
  debug(`exec (attached): ${command} ${args.join(' ')}`)
  return spawn(command, [...args], { stdio, env: { ...process.env, ...env } })
}

const SIGNALS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }

function signalNumber(signal: NodeJS.Signals | null): number {
  return signal === null ? 0 : (SIGNALS[signal] ?? 1)
}

/** The last non-empty line of a command's stderr: what a person needs to see first. */
export function lastLine(text: string): string {
  const lines = text.trim().split('\n')
  return lines[lines.length - 1]?.trim() ?? ''
}
