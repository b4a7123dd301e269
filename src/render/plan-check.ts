/**
 * The running system compared with the plan it was built from: the self-check before the
 * command and the watchdog during it read `iptables-save` and ask this module what is wrong.
 */
import { parseSave } from './ruleset.js'
import { savedJump, type RulePlan } from './rules.js'

export type Family = 4 | 6

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
