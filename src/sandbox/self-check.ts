/**
 * The check before the command runs: every layer is verified from the host, against the
 * plans that were applied. Any failure throws, and the command never starts.
 */
import { planContainerRules, planHostRules, savedJump, type RulePlan } from '../render/index.js'
import type { RenderInput } from '../render/types.js'
import type { Family, Netfilter } from './netfilter.js'
import { inspectProcessTree, securityProblems } from './process-check.js'
import { parseSave } from './ruleset.js'

/** Problems with one applied plan: missing chains, wrong rule counts, missing jumps. */
export function planProblems(
  saveText: string,
  plan: RulePlan,
  family: Family,
  where: string
): string[] {
  const problems: string[] = []
  const tables = parseSave(saveText)
  for (const t of family === 4 ? plan.v4 : plan.v6) {
    const saved = tables.find((s) => s.name === t.table)
    for (const c of t.chains) {
      const count = saved?.rules.filter((r) => r.split(/\s+/)[1] === c.chain).length ?? 0
      if (!saved?.chains.includes(c.chain))
        problems.push(`${where}: chain ${c.chain} (${t.table}, IPv${family}) is missing`)
      else if (count !== c.rules.length)
        problems.push(`${where}: chain ${c.chain} holds ${count} rules, expected ${c.rules.length}`)
    }
    const have = new Set(saved?.rules.map((r) => r.trim().replace(/\s+/g, ' ')))
    for (const j of t.jumps)
      if (!have.has(savedJump(j))) problems.push(`${where}: jump "${savedJump(j)}" is missing`)
  }
  return problems
}

export interface SelfCheckArgs {
  readonly netfilter: Netfilter
  /** The agent namespace's rules: read through nsenter, or as printed by the helper. */
  readonly agentRules: () => Promise<readonly [string, string]>
  readonly agentPid: number
  readonly input: RenderInput
  /** false with host-firewall off: there are no host rules to check. */
  readonly hostRules: boolean
}

/** Returns the checks that passed (for the log and summary); throws listing every failure. */
export async function selfCheck(a: SelfCheckArgs): Promise<string[]> {
  const host = planHostRules(a.input)
  const container = planContainerRules(a.input)
  const [h4, h6, [c4, c6]] = await Promise.all([
    a.hostRules ? a.netfilter.save(4) : '',
    a.hostRules ? a.netfilter.save(6) : '',
    a.agentRules()
  ])
  const processes = inspectProcessTree(a.agentPid)
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
