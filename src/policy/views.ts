/**
 * Views of the allowed domains that more than one consumer needs (squid.conf, dnsmasq.conf,
 * the report): computed once, when the policy is built, and carried on it.
 */
import { collapseDomains } from './domain.js'
import { urlRuleHosts } from './url-rules.js'
import type { Access, AccessGroup, DomainRule, PolicyViews, UrlRule } from './types.js'

/** Allowed rules grouped by the (protocol, port) they grant, in a stable order. */
export function groupByAccess(rules: readonly DomainRule[]): AccessGroup[] {
  const groups = new Map<string, { access: Access; rules: DomainRule[] }>()
  for (const rule of rules)
    for (const access of rule.access) {
      const key = `${access.protocol}:${access.port}`
      const g = groups.get(key) ?? { access, rules: [] }
      g.rules.push({ ...rule, access: [access] })
      groups.set(key, g)
    }
  return [...groups.values()]
    .sort(
      (a, b) => a.access.protocol.localeCompare(b.access.protocol) || a.access.port - b.access.port
    )
    .map((g) => ({ access: g.access, rules: collapseDomains(g.rules) }))
}

export function policyViews(
  allowDomains: readonly DomainRule[],
  allowUrls: readonly UrlRule[] = []
): PolicyViews {
  return {
    accessGroups: groupByAccess(allowDomains),
    allowedNames: collapseDomains(allowDomains.map((r) => ({ ...r, access: [] }))),
    urlHosts: urlRuleHosts(allowUrls)
  }
}
