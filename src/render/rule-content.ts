/**
 * The running rules compared with the plan rule by rule (not only counted), and the packets
 * their DROP and REJECT rules stopped. `iptables-save` rewrites a rule as it reads it back
 * (reordered options, implicit `-m tcp`, `/32` on addresses, `20/sec`, quoted prefixes), so
 * both sides are brought to one canonical form: the rule's options as a sorted list.
 */
import type { Layer } from '../report/events.js'
import type { ChainPlan, Rule, RulePlan } from './rules.js'

export type Family = 4 | 6

/** `iptables-save -c` puts `[packets:bytes] ` before each rule. */
const COUNTERS = /^\[(\d+):(\d+)\] /

/** The same text without counters: what `iptables-save` without -c prints. */
export function stripCounters(saveText: string): string {
  return saveText.replace(/^\[\d+:\d+\] /gm, '')
}

/** Splits a saved rule into tokens; a double-quoted value (a log prefix) is one token. */
function tokenize(line: string): string[] {
  return [...line.matchAll(/"((?:[^"\\]|\\.)*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '')
}

const IMPLICIT_MATCHES = new Set(['tcp', 'udp', 'icmp'])

/** Options as `name value...` strings, sorted: the order iptables-save chose does not matter. */
function canonical(tokens: readonly string[]): string {
  const options: string[][] = []
  for (const t of tokens)
    if (t.startsWith('-') && !/^-\d/.test(t)) options.push([t])
    else options.at(-1)?.push(t.replace(/\/(32|128)$/, '').replace(/^(\d+)\/second$/, '$1/sec'))
  return options
    .filter((o) => !(o[0] === '-m' && IMPLICIT_MATCHES.has(o[1] ?? '')))
    .map((o) => o.join(' '))
    .sort()
    .join(' ; ')
}

interface SavedRule {
  readonly chain: string
  readonly table: string
  readonly text: string
  readonly packets: number
}

function savedRules(saveText: string): SavedRule[] {
  const rules: SavedRule[] = []
  let table = ''
  for (const raw of saveText.split('\n')) {
    const line = raw.trim()
    if (line.startsWith('*')) table = line.slice(1)
    const counters = COUNTERS.exec(line)
    const rest = counters ? line.slice(counters[0].length) : line
    if (!rest.startsWith('-A ')) continue
    const [, chain = '', ...tokens] = tokenize(rest)
    rules.push({ chain, table, text: canonical(tokens), packets: Number(counters?.[1] ?? 0) })
  }
  return rules
}

const chainRules = (rules: readonly SavedRule[], table: string, chain: string): SavedRule[] =>
  rules.filter((r) => r.table === table && r.chain === chain)

/** Rules whose content differs from the plan, position by position. */
export function contentProblems(
  saveText: string,
  plan: RulePlan,
  family: Family,
  where: string
): string[] {
  const rules = savedRules(saveText)
  const problems: string[] = []
  for (const t of family === 4 ? plan.v4 : plan.v6)
    for (const c of t.chains) {
      const saved = chainRules(rules, t.table, c.chain)
      c.rules.forEach((planned, i) => {
        const have = saved[i]
        if (have && have.text !== canonical(planned))
          problems.push(
            `${where}: rule ${i + 1} of ${c.chain} is not the planned one (${JSON.stringify(planned.join(' '))})`
          )
      })
    }
  return problems
}

/** The layer a chain's drops belong to, from its LOG prefix (`awf-<run>-<layer>-drop: `). */
function layerOf(chain: ChainPlan): Layer | undefined {
  for (const rule of chain.rules) {
    const prefix = rule[rule.indexOf('--log-prefix') + 1] ?? ''
    const m = /^awf-[0-9a-f]{8}-(host|runner|ipv6|agent)-drop: $/.exec(prefix)
    if (rule.includes('--log-prefix') && m) return m[1] as Layer
  }
  return undefined
}

const isDrop = (rule: Rule): boolean => {
  const target = rule[rule.indexOf('-j') + 1]
  return rule.includes('-j') && (target === 'DROP' || target === 'REJECT')
}

/**
 * Packets stopped by the plan's DROP and REJECT rules, per layer, from their counters: unlike
 * the LOG lines (rate-limited, and lost when the kernel's ring buffer wraps), a command cannot
 * exhaust them.
 */
export function dropCounters(
  saveText: string,
  plan: RulePlan,
  family: Family
): Partial<Record<Layer, number>> {
  const rules = savedRules(saveText)
  const counts: Partial<Record<Layer, number>> = {}
  for (const t of family === 4 ? plan.v4 : plan.v6)
    for (const c of t.chains) {
      const layer = layerOf(c)
      if (!layer) continue
      const saved = chainRules(rules, t.table, c.chain)
      const dropped = c.rules.reduce(
        (sum, rule, i) => sum + (isDrop(rule) ? (saved[i]?.packets ?? 0) : 0),
        0
      )
      counts[layer] = (counts[layer] ?? 0) + dropped
    }
  return counts
}
