/**
 * The check before the command runs: every layer is verified from the host, against the
 * plans that were applied. Any failure throws, and the command never starts.
 */
import { planProblems, type RunRulePlans } from '../render/index.js'
import type { Netfilter } from './netfilter.js'
import { securityProblems, type ProcessSecurity } from './process-check.js'

export interface SelfCheckArgs {
  readonly netfilter: Netfilter
  /** The agent namespace's rules: read through nsenter, or as printed by the helper. */
  readonly agentRules: () => Promise<readonly [string, string]>
  /** The plans the rules were rendered from (built once per run). */
  readonly plans: RunRulePlans
  /**
   * Every process of the agent container with its security state: /proc on the real host, or
   * as an inspector in the agent's PID namespace on a remote daemon saw it.
   */
  readonly processes: () => ProcessSecurity[] | Promise<ProcessSecurity[]>
  /** false with host-firewall off: there are no host rules to check. */
  readonly hostRules: boolean
}

/** Returns the checks that passed (for the log and summary); throws listing every failure. */
export async function selfCheck(a: SelfCheckArgs): Promise<string[]> {
  const { host, container } = a.plans
  const [h4, h6, [c4, c6], processes] = await Promise.all([
    a.hostRules ? a.netfilter.save(4) : '',
    a.hostRules ? a.netfilter.save(6) : '',
    a.agentRules(),
    a.processes()
  ])
  const hostResults: [string, string[]][] = a.hostRules
    ? [
        ['host IPv4 rules in place and jumped to', planProblems(h4, host, 4, 'host')],
        ['host IPv6 rules in place and jumped to', planProblems(h6, host, 6, 'host')]
      ]
    : []
  const results: [string, string[]][] = [
    ...hostResults,
    ['agent IPv4 rules in place', planProblems(c4, container, 4, 'agent')],
    ['agent IPv6 rules in place', planProblems(c6, container, 6, 'agent')],
    [
      `agent processes (${processes.length}) hold no capabilities, NoNewPrivs 1, Seccomp 2`,
      processes.flatMap(securityProblems)
    ]
  ]
  const problems = results.flatMap(([, p]) => p)
  if (problems.length > 0)
    throw new Error(
      `the sandbox failed its self-check, so the command was not started:\n  ${problems.join('\n  ')}`
    )
  return results.map(([name]) => name)
}
