/**
 * From events to what a person reads: per-destination rows, the blocked destinations with the
 * exact line that would allow them (or why none can), and whether the run passes the
 * fail-on-blocked rule. Names are shown as privacy.ts allows (report-detail); every target
 * here is what may be printed. Pure data; rendering is in summary.ts.
 */
import { parse as parseDomain } from 'tldts'
import { matchesDomain, parseIpLiteral } from '../policy/index.js'
import type { DomainRule } from '../policy/types.js'
import type { Layer, NetEvent } from './events.js'
import {
  NO_INTEGRITY_DATA,
  unlistedCounts,
  type ReportIntegrity,
  type UnlistedCount
} from './integrity.js'
import { showTargets, shownPorts, type ReportDetail } from './privacy.js'
import { refusedRequests, type RefusedRequest } from './requests.js'

export interface DestinationRow {
  /** A name, or the group hidden names are counted in (`hidden` says how many). */
  readonly target: string
  readonly allowed: number
  readonly blocked: number
  readonly ports: readonly number[]
  /** Ports not printed (report-detail domains shows MAX_PORTS). */
  readonly morePorts: number
  readonly layers: readonly Layer[]
  /** Distinct names counted under `target` and not printed; 0 when `target` is the name. */
  readonly hidden: number
}

export interface BlockedDestination {
  readonly target: string
  readonly ports: readonly number[]
  readonly morePorts: number
  readonly layers: readonly Layer[]
  readonly hidden: number
  /** The `allow-domains` line that would allow it, when one can. */
  readonly suggestion?: string
  /** Why no line is suggested (an address, a public suffix, a private network...). */
  readonly advice?: string
  /** Listed in expected-blocks: does not fail the step. */
  readonly expected: boolean
}

export interface Report {
  readonly rows: readonly DestinationRow[]
  readonly blocked: readonly BlockedDestination[]
  readonly allowedTargets: readonly string[]
  readonly blockedTargets: readonly string[]
  /** Attempts counted (drop counters, unread log parts) but not itemised above. */
  readonly unlisted: readonly UnlistedCount[]
  /** Requests refused by allow-urls rules, by host, method and printable path. */
  readonly refused: readonly RefusedRequest[]
  /** Every attempt, itemised or not. */
  readonly totals: { readonly allowed: number; readonly blocked: number }
}

function suggest(
  target: string,
  ports: readonly number[]
): Pick<BlockedDestination, 'suggestion' | 'advice'> {
  if (parseIpLiteral(target))
    return {
      advice: 'an IP address: clients must use a name; for a private network, see allow-networks'
    }
  const psl = parseDomain(target, { allowPrivateDomains: true })
  if (psl.publicSuffix === target && (psl.isIcann || psl.isPrivate))
    return { advice: 'a public suffix cannot be allowed' }
  if (!/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(target))
    return { advice: 'not a domain name the policy can allow' }
  const odd = ports.filter((p) => p !== 80 && p !== 443 && p !== 53)
  return { suggestion: odd.length === 1 ? `${target}:${odd[0]}` : target }
}

const uniqueSorted = <T>(items: readonly T[]): T[] => [...new Set(items)].sort()
const sortedPorts = (list: readonly NetEvent[]): number[] =>
  uniqueSorted(list.map((e) => e.port).filter((p) => p !== undefined)).sort((a, b) => a - b)

interface Shown {
  readonly target: string
  readonly hidden: boolean
  readonly events: NetEvent[]
  readonly names: Set<string>
}

/** Events grouped by what may be printed of their target. */
function groupByShownTarget(events: readonly NetEvent[], detail: ReportDetail): Shown[] {
  const show = showTargets(
    events.map((e) => e.target),
    detail
  )
  const groups = new Map<string, Shown>()
  for (const e of events) {
    const s = show.get(e.target) ?? { label: e.target, hidden: false }
    const key = `${s.hidden ? 'hidden' : 'name'}:${s.label}`
    const g = groups.get(key) ?? { target: s.label, hidden: s.hidden, events: [], names: new Set() }
    g.events.push(e)
    g.names.add(e.target)
    groups.set(key, g)
  }
  return [...groups.values()]
}

const URL_ADVICE =
  'a host allow-urls governs: only requests its rules match pass; see the refused requests for the rules that would allow them'

function blockedEntry(
  g: Shown,
  detail: ReportDetail,
  expectedBlocks: readonly DomainRule[],
  urlHosts: readonly string[]
): BlockedDestination {
  const blockedEvents = g.events.filter((e) => e.decision === 'blocked')
  const all = sortedPorts(blockedEvents)
  const hidden = g.hidden ? new Set(blockedEvents.map((e) => e.target)).size : 0
  return {
    target: g.target,
    ...shownPorts(all, detail),
    layers: uniqueSorted(blockedEvents.map((e) => e.layer)),
    hidden,
    ...(urlHosts.includes(g.target)
      ? { advice: URL_ADVICE }
      : g.hidden
        ? {
            advice: `${hidden} name(s) hidden (random-looking, or many under one domain): see events.jsonl in the logs, or set report-detail: full`
          }
        : suggest(g.target, all)),
    expected: [...new Set(blockedEvents.map((e) => e.target))].every((name) =>
      expectedBlocks.some((rule) => matchesDomain(rule, name))
    )
  }
}

export function buildReport(
  events: readonly NetEvent[],
  expectedBlocks: readonly DomainRule[] = [],
  detail: ReportDetail = 'domains',
  integrity: ReportIntegrity = NO_INTEGRITY_DATA,
  urlHosts: readonly string[] = []
): Report {
  const unlisted = unlistedCounts(events, integrity)
  const more = (decision: string): number =>
    unlisted.filter((u) => u.decision === decision).reduce((sum, u) => sum + u.count, 0)
  const groups = groupByShownTarget(events, detail)
  const rowOf = (g: Shown): DestinationRow => ({
    target: g.target,
    allowed: g.events.filter((e) => e.decision === 'allowed').length,
    blocked: g.events.filter((e) => e.decision === 'blocked').length,
    ...shownPorts(sortedPorts(g.events), detail),
    layers: uniqueSorted(g.events.map((e) => e.layer)),
    hidden: g.hidden ? g.names.size : 0
  })
  const sorted = groups
    .map((g) => ({ g, row: rowOf(g) }))
    .sort(
      ({ row: a }, { row: b }) =>
        b.blocked - a.blocked || b.allowed - a.allowed || (a.target < b.target ? -1 : 1)
    )
  const rows = sorted.map(({ row }) => row)
  const blocked = sorted
    .filter(({ row }) => row.blocked > 0)
    .map(({ g }) => blockedEntry(g, detail, expectedBlocks, urlHosts))
  return {
    rows,
    blocked,
    allowedTargets: uniqueSorted(rows.filter((r) => r.allowed > 0).map((r) => r.target)),
    blockedTargets: uniqueSorted(blocked.map((b) => b.target)),
    unlisted,
    refused: refusedRequests(events, urlHosts, detail),
    totals: {
      allowed: events.filter((e) => e.decision === 'allowed').length + more('allowed'),
      blocked: events.filter((e) => e.decision === 'blocked').length + more('blocked')
    }
  }
}

/** Blocked destinations that fail the step under fail-on-blocked. */
export function unexpectedBlocks(report: Report): BlockedDestination[] {
  return report.blocked.filter((b) => !b.expected)
}
