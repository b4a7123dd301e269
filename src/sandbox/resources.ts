/**
 * What one run holds (for teardown and the post step) and who owns it (for the sweep of
 * crashed runs). The names themselves come from src/common/run-names.ts.
 */
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
