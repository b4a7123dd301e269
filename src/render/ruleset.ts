/**
 * Pure reading of `iptables-save` output: which of our chains exist, whether they are jumped
 * to, and the exact batch that removes a run's rules while leaving every other rule alone.
 */

/** Our chains are `AWF-<runId>` optionally followed by a suffix (`-IN`, `-6`, ...). */
const OUR_CHAIN = /^AWF-([0-9a-f]{8})(?:-[A-Z0-9]+)?$/

export interface SavedTable {
  readonly name: string
  readonly chains: readonly string[]
  /** `-A CHAIN ...` lines exactly as saved. */
  readonly rules: readonly string[]
}

export function parseSave(text: string): SavedTable[] {
  const tables: { name: string; chains: string[]; rules: string[] }[] = []
  let current: { name: string; chains: string[]; rules: string[] } | undefined
  for (const raw of text.split('\n')) {
    const line = raw.trim()
    if (line.startsWith('*')) {
      current = { name: line.slice(1), chains: [], rules: [] }
      tables.push(current)
    } else if (line.startsWith(':') && current) {
      current.chains.push(line.slice(1).split(/\s+/)[0] ?? '')
    } else if (line.startsWith('-A ') && current) {
      current.rules.push(line)
    }
  }
  return tables
}

/** Run ids that own at least one chain in this ruleset. */
export function runIdsInRuleset(text: string): string[] {
  const ids = new Set<string>()
  for (const table of parseSave(text))
    for (const chain of table.chains) {
      const m = OUR_CHAIN.exec(chain)
      if (m?.[1]) ids.add(m[1])
    }
  return [...ids].sort()
}

function isRunChain(chain: string, runId: string): boolean {
  return OUR_CHAIN.exec(chain)?.[1] === runId
}

function jumpTarget(rule: string): string | undefined {
  return /\s-[jg]\s+(\S+)/.exec(rule)?.[1]
}

/**
 * The restore batch (for `--noflush`) that deletes every jump into the run's chains, then
 * flushes and deletes the chains. Empty when the run left nothing in this ruleset.
 */
export function removalBatch(saveText: string, runId: string): string {
  const out: string[] = []
  for (const table of parseSave(saveText)) {
    const ours = table.chains.filter((c) => isRunChain(c, runId))
    const jumps = table.rules.filter((r) => {
      const chain = r.split(/\s+/)[1] ?? ''
      const target = jumpTarget(r)
      return !isRunChain(chain, runId) && target !== undefined && isRunChain(target, runId)
    })
    if (ours.length === 0 && jumps.length === 0) continue
    out.push(`*${table.name}`)
    for (const rule of jumps) out.push(`-D${rule.slice(2)}`)
    for (const chain of ours) out.push(`-F ${chain}`)
    for (const chain of ours) out.push(`-X ${chain}`)
    out.push('COMMIT')
  }
  return out.length === 0 ? '' : `${out.join('\n')}\n`
}

export function hasChain(saveText: string, table: string, chain: string): boolean {
  return parseSave(saveText).some((t) => t.name === table && t.chains.includes(chain))
}

/** The run's chains in this ruleset, as `table/chain`, for the sweep's report. */
export function runChains(saveText: string, runId: string): string[] {
  return parseSave(saveText).flatMap((t) =>
    t.chains.filter((c) => isRunChain(c, runId)).map((c) => `${t.name}/${c}`)
  )
}
