/**
 * Audit mode's result: the smallest allow list that covers what the command reached. Hosts
 * under one registrable domain collapse into it when there are several (the Public Suffix List
 * says what is registrable), or, with report-detail domains, when one of them looks like data
 * rather than a host name (the suggestion is printed in the summary and an output); a
 * registrable domain that itself looks like data is left out and counted in a comment. Every
 * suggestion passes the same validator as user input.
 */
import { getDomain } from 'tldts'
import { parseDomainEntry } from '../policy/index.js'
import type { NetEvent } from './events.js'
import { plausibleLabel, showTargets, type ReportDetail } from './privacy.js'

/** Distinct hosts under one registrable domain from which the domain itself is suggested. */
const COLLAPSE_AT = 3

export interface SuggestedPolicy {
  readonly entries: readonly string[]
  /** Ready to paste into a policy file (or, as a list, into allow-domains). */
  readonly yaml: string
}

const plausibleUnder = (host: string, domain: string): boolean =>
  host === domain ||
  host
    .slice(0, -domain.length - 1)
    .split('.')
    .every(plausibleLabel)

export function suggestPolicy(
  events: readonly NetEvent[],
  detail: ReportDetail = 'domains'
): SuggestedPolicy {
  const reached = events.filter((e) => e.layer === 'proxy' && e.decision === 'allowed')
  const hostsByDomain = new Map<string, Set<string>>()
  const entries: string[] = []
  for (const e of reached) {
    const port = e.port === undefined || e.port === 80 || e.port === 443 ? '' : `:${e.port}`
    const registrable = getDomain(e.target, { allowPrivateDomains: true }) ?? e.target
    if (port) {
      const hiding = detail === 'domains' && !plausibleUnder(e.target, registrable)
      entries.push(`${hiding ? registrable : e.target}${port}`)
      continue
    }
    hostsByDomain.set(registrable, (hostsByDomain.get(registrable) ?? new Set()).add(e.target))
  }
  for (const [domain, hosts] of hostsByDomain) {
    const hiding = detail === 'domains' && [...hosts].some((h) => !plausibleUnder(h, domain))
    entries.push(...(hosts.size >= COLLAPSE_AT || hiding ? [domain] : hosts))
  }
  // Default-port entries cannot overlap (one per registrable domain or host under it); an entry
  // the validator refuses (an IP, say) is never suggested.
  const valid = [...new Set(entries)]
    .filter((entry) => !('message' in parseDomainEntry(entry, 'suggestion')))
    .sort()
  const host = (entry: string): string => entry.replace(/:\d+$/, '')
  const shown = showTargets(valid.map(host), detail)
  const kept = valid.filter((entry) => !shown.get(host(entry))?.hidden)
  const left = valid.length - kept.length
  const yaml =
    (kept.length === 0
      ? 'allow-domains: []\n'
      : `allow-domains:\n${kept.map((e) => `  - ${e}`).join('\n')}\n`) +
    (left > 0
      ? `# ${left} random-looking domain(s) left out (report-detail: domains); events.jsonl in the logs folder has them\n`
      : '')
  return { entries: kept, yaml }
}
