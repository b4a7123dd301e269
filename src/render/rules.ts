/**
 * Firewall rules as data (the host plan: host-rules.ts; the agent's own: container-rules.ts)
 * and their `iptables-restore --noflush` text. Jumps into existing chains are explicit data so
 * that the self-check can look for each one; removal finds everything by our chain names
 * (src/sandbox/ruleset.ts).
 */

/** A rule is the tokens after `-A <chain>`. */
export type Rule = readonly string[]

export interface ChainPlan {
  readonly chain: string
  readonly rules: readonly Rule[]
}

/** A jump inserted at the top of an existing chain (DOCKER-USER, INPUT, FORWARD, OUTPUT). */
export interface JumpPlan {
  readonly from: string
  readonly match: readonly string[]
  readonly to: string
}

export interface TablePlan {
  readonly table: 'filter' | 'nat'
  readonly chains: readonly ChainPlan[]
  readonly jumps: readonly JumpPlan[]
}

export interface RulePlan {
  readonly v4: readonly TablePlan[]
  readonly v6: readonly TablePlan[]
}

export const LOG_LIMIT = ['-m', 'limit', '--limit', '20/second', '--limit-burst', '50']

export function logAndDrop(prefix: string, match: Rule = []): Rule[] {
  return [
    [...match, ...LOG_LIMIT, '-j', 'LOG', '--log-prefix', prefix],
    [...match, '-j', 'DROP']
  ]
}

export const established = (verdict: string): Rule => [
  '-m',
  'conntrack',
  '--ctstate',
  'RELATED,ESTABLISHED',
  '-j',
  verdict
]

const SAFE_TOKEN = /^[A-Za-z0-9_.:/,!-]+$/
const LOG_PREFIX_TOKEN = /^awf-[0-9a-f]{8}-[a-z0-9-]+: $/

function token(t: string): string {
  if (SAFE_TOKEN.test(t)) return t
  if (LOG_PREFIX_TOKEN.test(t)) return `"${t}"`
  throw new Error(`refusing to render the iptables token ${JSON.stringify(t)}`)
}

/** How a jump appears in `iptables-save` output (the self-check looks for this line). */
export function savedJump(j: JumpPlan): string {
  return ['-A', j.from, ...j.match, '-j', j.to].map(token).join(' ')
}

/** `iptables-restore --noflush` text: declares (and so empties) only our own chains. */
export function renderRestore(tables: readonly TablePlan[]): string {
  const out: string[] = []
  for (const t of tables) {
    out.push(`*${t.table}`)
    for (const c of t.chains) out.push(`:${token(c.chain)} - [0:0]`)
    for (const c of t.chains)
      for (const r of c.rules) out.push(['-A', c.chain, ...r].map(token).join(' '))
    // Inserted at the top in reverse, so they end up in the listed order before any other rule.
    for (const j of [...t.jumps].reverse())
      out.push(['-I', j.from, '1', ...j.match, '-j', j.to].map(token).join(' '))
    out.push('COMMIT')
  }
  return `${out.join('\n')}\n`
}
