/**
 * Audit mode's result: the smallest allow list that covers what the command reached. Hosts
 * under one registrable domain collapse into it when there are several (the Public Suffix List
 * says what is registrable); every suggestion passes the same validator as user input.
 */
import { getDomain } from 'tldts'
import { parseDomainEntry } from '../policy/index.js'
import type { NetEvent } from './events.js'

/** Distinct hosts under one registrable domain from which the domain itself is suggested. */
const COLLAPSE_AT = 3

export interface SuggestedPolicy {
  readonly entries: readonly string[]
  /** Ready to paste into a policy file (or, as a list, into allow-domains). */
  readonly yaml: string
}

export function suggestPolicy(events: readonly NetEvent[]): SuggestedPolicy {
  const reached = events.filter((e) => e.layer === 'proxy' && e.decision === 'allowed')
  const hostsByDomain = new Map<string, Set<string>>()
  const entries: string[] = []
  for (const e of reached) {
    const port = e.port === undefined || e.port === 80 || e.port === 443 ? '' : `:${e.port}`
    if (port) {
      entries.push(`${e.target}${port}`)
      continue
    }
    const registrable = getDomain(e.target, { allowPrivateDomains: true }) ?? e.target
    hostsByDomain.set(registrable, (hostsByDomain.get(registrable) ?? new Set()).add(e.target))
  }
  for (const [domain, hosts] of hostsByDomain)
    entries.push(...(hosts.size >= COLLAPSE_AT ? [domain] : hosts))
  // Default-port entries cannot overlap (one per registrable domain or host under it); an entry
  // the validator refuses (an IP, say) is never suggested.
  const kept = [...new Set(entries)]
    .filter((entry) => !('message' in parseDomainEntry(entry, 'suggestion')))
    .sort()
  const yaml =
    kept.length === 0
      ? 'allow-domains: []\n'
      : `allow-domains:\n${kept.map((e) => `  - ${e}`).join('\n')}\n`
  return { entries: kept, yaml }
}
