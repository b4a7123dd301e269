/**
 * What the kernel says about the agent's processes: capability sets, no_new_privs and seccomp
 * mode from /proc/PID/status. The sandbox refuses to run the command unless every process of
 * the agent container holds no capability, has NoNewPrivs 1 and Seccomp 2 (filter).
 */
import { readFileSync } from 'node:fs'

export interface ProcessSecurity {
  readonly pid: number
  readonly capabilities: Readonly<Record<string, string>>
  readonly noNewPrivs: string
  readonly seccomp: string
}

const CAP_FIELDS = ['CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb'] as const

export function parseStatus(pid: number, text: string): ProcessSecurity {
  const fields = new Map<string, string>()
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':')
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim())
  }
  return {
    pid,
    capabilities: Object.fromEntries(CAP_FIELDS.map((f) => [f, fields.get(f) ?? 'missing'])),
    noNewPrivs: fields.get('NoNewPrivs') ?? 'missing',
    seccomp: fields.get('Seccomp') ?? 'missing'
  }
}

/** Problems with one process, as sentences; empty when it is locked down as intended. */
export function securityProblems(p: ProcessSecurity): string[] {
  const problems: string[] = []
  for (const [field, value] of Object.entries(p.capabilities))
    if (!/^0+$/.test(value)) problems.push(`process ${p.pid} has ${field} ${value} (expected none)`)
  if (p.noNewPrivs !== '1')
    problems.push(`process ${p.pid} has NoNewPrivs ${p.noNewPrivs} (expected 1)`)
  if (p.seccomp !== '2')
    problems.push(`process ${p.pid} has Seccomp ${p.seccomp} (expected 2, filter)`)
  return problems
}

function children(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .split(/\s+/)
      .filter(Boolean)
      .map(Number)
  } catch {
    return []
  }
}

/** The container's init process and every descendant, read from /proc on the host. */
export function inspectProcessTree(rootPid: number): ProcessSecurity[] {
  const seen: ProcessSecurity[] = []
  const queue = [rootPid]
  while (queue.length > 0 && seen.length < 64) {
    const pid = queue.shift()!
    seen.push(parseStatus(pid, readFileSync(`/proc/${pid}/status`, 'utf8')))
    queue.push(...children(pid))
  }
  return seen
}
