/**
 * While the command runs: the proxy must keep running and every rule must stay as planned,
 * rule by rule. If either fails (the proxy or its DNS forwarder died, someone flushed a chain
 * or replaced a rule in place), the command is killed at once and the run fails with the
 * reason: its traffic would already fail closed, but a firewall that changed under a run is
 * not the one that was checked. A check that cannot be made fails closed the same way, after
 * a retry (RETRIES: the agent's namespace vanishes when the command ends, a moment before
 * the watchdog is stopped). Every check also reads the drop rules' counters, which the report
 * uses to count dropped packets the rate-limited LOG lines may have missed.
 */
import type { Layer } from '../report/events.js'
import type { DropCount } from '../report/integrity.js'
import { planProblems, type RunRulePlans } from '../render/index.js'
import { contentProblems, dropCounters, stripCounters } from '../render/rule-content.js'
import type { RulePlan } from '../render/rules.js'
import type { Family, Netfilter } from './netfilter.js'

export const WATCH_INTERVAL_MS = 2000
/** A failed check is retried after this long. */
export const RETRY_MS = 1000
/**
 * Failed checks in a row that fail the run. The agent's namespace ends with the command, and
 * `docker run --rm` returns only once the container is removed, so reading the agent's rules
 * may fail for a few seconds before the watchdog is stopped; the host's rules and the proxy
 * have no such excuse.
 */
export const RETRIES = { host: 1, agent: 5 } as const

class AgentUnreadable extends Error {}

export interface WatchArgs {
  /** The plans the rules were rendered from (the same objects the self-check used). */
  readonly plans: RunRulePlans
  /** Host and agent-namespace rules to watch; absent with host-firewall off (no root). */
  readonly rules?: { readonly netfilter: Netfilter; readonly agentNet: Netfilter }
  readonly proxyRunning: () => Promise<boolean>
  /** Called once, with every problem found, when the firewall is no longer whole. */
  readonly onFailure: (problems: readonly string[]) => void
}

/**
 * Stops watching; resolves with the drop counts read one last time (before teardown). The
 * agent's rules often cannot be read then (its namespace ends with the command): their count
 * is the last check's, up to WATCH_INTERVAL_MS old, and says so (`final: false`).
 */
export type StopWatching = () => Promise<readonly DropCount[]>

type Counts = Partial<Record<Layer, number>>

const mergeCounts = (...all: Counts[]): Counts => {
  const out: Counts = {}
  for (const c of all)
    for (const [layer, n] of Object.entries(c) as [Layer, number][])
      out[layer] = (out[layer] ?? 0) + n
  return out
}

/** One family of one place: problems against the plan, and its drop counters. */
async function readRules(
  netfilter: Netfilter,
  plan: RulePlan,
  family: Family,
  where: string
): Promise<{ problems: string[]; counts: Counts }> {
  const text = await netfilter.saveWithCounters(family)
  return {
    problems: [
      ...planProblems(stripCounters(text), plan, family, where),
      ...contentProblems(text, plan, family, where)
    ],
    counts: dropCounters(text, plan, family)
  }
}

type RuleReads = { problems: string[]; counts: Counts }[]

/** Reads of the host's and the agent's rules (none with host-firewall off). */
function ruleReaders(a: WatchArgs): {
  readHost: () => Promise<RuleReads>
  readAgent: () => Promise<RuleReads>
} {
  const { host, container } = a.plans
  const families: Family[] = [4, 6]
  const readHost = async (): Promise<RuleReads> =>
    a.rules ? Promise.all(families.map((f) => readRules(a.rules!.netfilter, host, f, 'host'))) : []
  const readAgent = async (): Promise<RuleReads> =>
    a.rules
      ? Promise.all(families.map((f) => readRules(a.rules!.agentNet, container, f, 'agent'))).catch(
          (e: unknown) => {
            throw new AgentUnreadable(e instanceof Error ? e.message : String(e))
          }
        )
      : []
  return { readHost, readAgent }
}

/** The drop counters at the end: read once more, or the watchdog's last read if that fails. */
async function finalDrops(
  a: WatchArgs,
  reads: ReturnType<typeof ruleReaders>,
  last: { host: Counts; agent: Counts }
): Promise<DropCount[]> {
  if (!a.rules) return []
  const merged = (r: RuleReads): Counts => mergeCounts(...r.map((x) => x.counts))
  const [hostNow, agentNow] = await Promise.all([
    reads.readHost().then(merged, () => undefined),
    reads.readAgent().then(merged, () => undefined)
  ])
  const counts = (c: Counts, final: boolean): DropCount[] =>
    (Object.entries(c) as [Layer, number][]).map(([layer, packets]) => ({ layer, packets, final }))
  return [
    ...counts(hostNow ?? last.host, hostNow !== undefined),
    ...counts(agentNow ?? last.agent, agentNow !== undefined)
  ]
}

/** Starts watching; returns the function that stops it. */
export function watchFirewall(a: WatchArgs): StopWatching {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const last: { host: Counts; agent: Counts } = { host: {}, agent: {} }
  const reads = ruleReaders(a)
  const check = async (): Promise<string[]> => {
    const [running, hostRules, agentRules] = await Promise.all([
      a.proxyRunning(),
      reads.readHost(),
      reads.readAgent()
    ])
    last.host = mergeCounts(...hostRules.map((r) => r.counts))
    last.agent = mergeCounts(...agentRules.map((r) => r.counts))
    return [
      ...(running ? [] : ['the proxy container stopped (Squid or its DNS forwarder died)']),
      ...[...hostRules, ...agentRules].flatMap((r) => r.problems)
    ]
  }
  const fail = (problems: readonly string[]): void => {
    if (stopped) return
    stopped = true
    a.onFailure(problems)
  }
  const tick = (delayMs: number, failures: number): void => {
    timer = setTimeout(() => {
      check().then(
        (problems) => {
          if (stopped) return
          if (problems.length > 0) fail(problems)
          else tick(WATCH_INTERVAL_MS, 0)
        },
        (e: unknown) => {
          if (stopped) return
          const limit = e instanceof AgentUnreadable ? RETRIES.agent : RETRIES.host
          if (failures < limit) tick(RETRY_MS, failures + 1)
          else
            fail([
              `the watchdog could not check the firewall: ${e instanceof Error ? e.message : String(e)}`
            ])
        }
      )
    }, delayMs)
  }
  tick(WATCH_INTERVAL_MS, 0)
  return async () => {
    stopped = true
    clearTimeout(timer)
    return finalDrops(a, reads, last)
  }
}
