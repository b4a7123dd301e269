/**
 * From events to what a person reads: per-destination rows, the blocked destinations with the
 * exact line that would allow them (or why none can), and whether the run passes the
 * fail-on-blocked rule. Pure data; rendering is in summary.ts.
 */
import { parse as parseDomain } from 'tldts'
import { matchesDomain, parseIpLiteral } from '../policy/index.js'
import type { DomainRule } from '../policy/types.js'
import type { Layer, NetEvent } from './events.js'

export interface DestinationRow {
  readonly target: string
  readonly allowed: number
  readonly blocked: number
  readonly ports: readonly number[]
  readonly layers: readonly Layer[]
}

export interface BlockedDestination {
  readonly target: string
  readonly ports: readonly number[]
  readonly layers: readonly Layer[]
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

export function buildReport(
  events: readonly NetEvent[],
  expectedBlocks: readonly DomainRule[] = []
): Report {
  const byTarget = new Map<string, NetEvent[]>()
  for (const e of events) byTarget.set(e.target, [...(byTarget.get(e.target) ?? []), e])
  const rows: DestinationRow[] = [...byTarget.entries()].map(([target, list]) => ({
    target,
    allowed: list.filter((e) => e.decision === 'allowed').length,
    blocked: list.filter((e) => e.decision === 'blocked').length,
    ports: uniqueSorted(list.map((e) => e.port).filter((p) => p !== undefined)).sort(
      (a, b) => a - b
    ),
    layers: uniqueSorted(list.map((e) => e.layer))
  }))
  rows.sort(
    (a, b) => b.blocked - a.blocked || b.allowed - a.allowed || (a.target < b.target ? -1 : 1)
  )
  const blocked = rows
    .filter((r) => r.blocked > 0)
    .map((r) => {
      const blockedEvents = (byTarget.get(r.target) ?? []).filter((e) => e.decision === 'blocked')
      const ports = uniqueSorted(
        blockedEvents.map((e) => e.port).filter((p) => p !== undefined)
      ).sort((a, b) => a - b)
      return {
        target: r.target,
        ports,
        layers: uniqueSorted(blockedEvents.map((e) => e.layer)),
        ...suggest(r.target, ports),
        expected: expectedBlocks.some((rule) => matchesDomain(rule, r.target))
      }
    })
  return {
    rows,
    blocked,
    allowedTargets: rows
      .filter((r) => r.allowed > 0)
      .map((r) => r.target)
      .sort(),
    blockedTargets: blocked.map((b) => b.target).sort(),
    totals: {
      allowed: events.filter((e) => e.decision === 'allowed').length,
      blocked: events.filter((e) => e.decision === 'blocked').length
    }
  }
}

/** Blocked destinations that fail the step under fail-on-blocked. */
export function unexpectedBlocks(report: Report): BlockedDestination[] {
  return report.blocked.filter((b) => !b.expected)
}
