/** The command's resource limits, from inputs or flags: parsed once, refused with the reason. */
import { InputError, problem } from '../common/errors.js'

export interface AgentLimits {
  /** Milliseconds before the sandbox is killed and the step fails with exit code 124; 0 = none. */
  readonly timeoutMs: number
  readonly memoryBytes: number
  readonly pidsLimit: number
  readonly tty: boolean
}

export interface RawLimits {
  readonly timeoutMinutes?: string
  readonly memory?: string
  readonly pids?: string
  readonly tty?: boolean
}

const MIB = 1024 * 1024
const MIN_MEMORY = 64 * MIB
const UNITS: Record<string, number> = {
  '': 1,
  k: 1024,
  m: MIB,
  g: 1024 * MIB,
  t: 1024 * 1024 * MIB
}
export const DEFAULT_PIDS_LIMIT = 4096
/**
 * Self-hosted runners let a job run for 5 days (GitHub-hosted ones stop it after 6 hours, so a
 * longer timeout there never fires, which is harmless).
 */
const MAX_TIMEOUT_MINUTES = 5 * 24 * 60

/** `where` names the input or flag, e.g. `input memory-limit` or `flag --memory-limit`. */
export function parseLimits(
  raw: RawLimits,
  where: (key: 'agent-timeout' | 'memory-limit' | 'pids-limit') => string,
  totalMemory: number
): AgentLimits {
  const problems = []
  let timeoutMs = 0
  const t = raw.timeoutMinutes?.trim() ?? ''
  if (t !== '') {
    const minutes = /^\d+(\.\d+)?$/.test(t) ? Number(t) : NaN
    if (!(minutes > 0 && minutes <= MAX_TIMEOUT_MINUTES))
      problems.push(
        problem(
          where('agent-timeout'),
          t,
          'is not a timeout',
          `Give minutes, more than 0 and at most ${MAX_TIMEOUT_MINUTES}, e.g. 30 or 0.5.`
        )
      )
    else timeoutMs = Math.round(minutes * 60000)
  }
  let memoryBytes = Math.floor(totalMemory * 0.75)
  const m = raw.memory?.trim() ?? ''
  if (m !== '') {
    const match = /^(\d{1,15})([kmgt]?)b?$/i.exec(m)
    const bytes = match ? Number(match[1]) * UNITS[match[2]!.toLowerCase()]! : NaN
    if (!(bytes >= MIN_MEMORY && bytes <= totalMemory))
      problems.push(
        problem(
          where('memory-limit'),
          m,
          'is not a usable memory limit',
          `Give a size such as 512m or 4g, at least 64m and at most this machine's ${Math.floor(totalMemory / MIB)}m.`
        )
      )
    else memoryBytes = bytes
  }
  let pidsLimit = DEFAULT_PIDS_LIMIT
  const p = raw.pids?.trim() ?? ''
  if (p !== '') {
    const n = /^\d{1,7}$/.test(p) ? Number(p) : NaN
    if (!(n >= 32 && n <= 1000000))
      problems.push(
        problem(
          where('pids-limit'),
          p,
          'is not a process limit',
          'Give a number from 32 to 1000000.'
        )
      )
    else pidsLimit = n
  }
  if (problems.length > 0) throw new InputError(problems)
  return { timeoutMs, memoryBytes, pidsLimit, tty: raw.tty ?? false }
}

/** SIGKILL's exit status: what the kernel's out-of-memory killer leaves. */
const KILLED = 137

/**
 * Why the command exited with `code`, in words a person can act on. 137 is a SIGKILL, and
 * inside the sandbox nothing but the memory cgroup's out-of-memory killer sends one
 * (agent-timeout and a firewall failure have their own messages).
 */
export function exitExplanation(code: number, limits: AgentLimits): string {
  if (code !== KILLED) return `the command exited with code ${code}`
  return `the command was killed (exit code ${code}): it most likely reached memory-limit (${Math.round(limits.memoryBytes / MIB)}m), and the kernel's out-of-memory killer stopped it. Raise memory-limit if the command needs more.`
}
