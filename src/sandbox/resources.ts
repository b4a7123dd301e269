/**
 * Naming and ownership of one run's resources. Everything a run creates carries its run id,
 * so teardown and the sweep of crashed runs find it by name or label.
 */
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'

export interface SandboxResources {
  readonly runId: string
  /** Containers and networks to remove, in creation order. */
  readonly containers: readonly string[]
  readonly networks: readonly string[]
  /** Whether host rules may exist (removal finds them by chain name either way). */
  readonly hostRules: boolean
  /** Temporary files of the run (configs, FIFOs); the logs directory is kept. */
  readonly workDir?: string
  /** The run's lease (src/sandbox/lease.ts): removed once everything else is gone. */
  readonly lease?: string
}

export const names = (runId: string) =>
  ({
    proxy: `awf-${runId}-proxy`,
    agent: `awf-${runId}-agent`,
    canary: `awf-${runId}-canary`,
    helper: `awf-${runId}-netadmin`,
    internalNetwork: `awf-${runId}-int`,
    egressNetwork: `awf-${runId}-egr`,
    internalBridge: `awfi-${runId}`,
    egressBridge: `awfe-${runId}`
  }) as const

export function newRunId(): string {
  return randomBytes(4).toString('hex')
}

/** Field 22 of /proc/PID/stat: start time in clock ticks since boot, or undefined. */
function startTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: count from its end.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]
  } catch {
    return undefined
  }
}

/** Identifies this process across PID reuse: `<pid>.<start time>`. */
export function ownerToken(pid = process.pid): string {
  return `${pid}.${startTime(pid) ?? '0'}`
}

export function ownerAlive(token: string): boolean {
  const [pid, start] = token.split('.')
  const n = Number(pid)
  return Number.isInteger(n) && n > 0 && startTime(n) === start
}
