/** Inputs or flags, plus an optional policy file, merged and validated into one Policy. */
import {
  collapseDomains,
  DomainIndex,
  nameCovers,
  parseDomainEntry,
  type ListKind
} from './domain.js'
import { parsePolicyFile, type PolicyFileText } from './file.js'
import { parseHostPort } from './host-ports.js'
import { parseDnsServer } from './ip.js'
import { parseAllowNetwork } from './special-addresses.js'
import { parseList } from './list.js'
import { expandPresets } from './expand-presets.js'
import { isProblem, PolicyError, problem, quote, type PolicyProblem } from './problem.js'
import {
  mergeSettings,
  settingEntries,
  settingValue,
  type Provenance,
  type RawInputs,
  type Settings
} from './settings.js'
import { policyViews } from './views.js'
import { parseUrlRule, uniqueUrlRules } from './url-rules.js'
import { inputWhere, type InputOrigin } from '../common/errors.js'
import type { Cidr, DomainRule, HostPort, Mode, Policy, PresetUse, UrlRule } from './types.js'

/** Raw user text, keyed by the action input name. Absent or blank = not given. */
export type RawPolicyInputs = RawInputs

export interface BuiltPolicy {
  readonly policy: Policy
  readonly warnings: readonly string[]
  /** Which entries came from the policy file and which an input or flag added. */
  readonly provenance: Provenance
}

const MAX_ENTRIES = 10000
const MAX_DNS_SERVERS = 8
/** Each rule is a few ACLs Squid tests on every request to its host. */
const MAX_URL_RULES = 1000

function collect<T>(
  entries: { value: string; where: string }[],
  parse: (value: string, where: string) => T | PolicyProblem,
  problems: PolicyProblem[]
): T[] {
  if (entries.length > MAX_ENTRIES) {
    const first = entries[0]!
    problems.push(
      problem(
        first.where,
        `${entries.length} entries`,
        'is too long a list',
        `At most ${MAX_ENTRIES} entries.`
      )
    )
    return []
  }
  const out: T[] = []
  for (const { value, where } of entries) {
    const parsed = parse(value, where)
    if (isProblem(parsed)) problems.push(parsed)
    else out.push(parsed)
  }
  return out
}

/** Reads and merges the sources, then validates them: the one call most callers need. */
export function buildPolicy(
  inputs: RawPolicyInputs,
  origin: InputOrigin,
  file?: PolicyFileText
): BuiltPolicy {
  const parsedFile = file ? parsePolicyFile(file) : undefined
  const merged = mergeSettings(inputs, origin, parsedFile?.file)
  return buildPolicyFrom(merged.settings, [...(parsedFile?.problems ?? []), ...merged.problems])
}

/** Validates merged settings; `earlier` problems (file, lock) are reported with the rest. */
export function buildPolicyFrom(
  settings: Settings,
  earlier: readonly PolicyProblem[] = []
): BuiltPolicy {
  const problems: PolicyProblem[] = [...earlier]
  const warnings: string[] = []
  const entries = (
    key:
      | 'allow-domains'
      | 'block-domains'
      | 'allow-networks'
      | 'dns-servers'
      | 'allow-host-ports'
      | 'allow-urls'
  ): { value: string; where: string }[] => settingEntries(settings, key)
  const presets = new Map<string, PresetUse>()
  const domains = (key: 'allow-domains' | 'block-domains', kind: ListKind): DomainRule[] =>
    collect(
      expandPresets(entries(key), kind, problems, warnings, presets),
      (v, w) => parseDomainEntry(v, w, kind),
      problems
    )

  const allowed = domains('allow-domains', 'allow')
  const blocked = collapseDomains(domains('block-domains', 'block'))
  const allowNetworks = collect<Cidr>(entries('allow-networks'), parseAllowNetwork, problems)
  const dnsServers = parseDnsServers(entries('dns-servers'), problems)
  const hostPorts = collect<HostPort>(entries('allow-host-ports'), parseHostPort, problems)
  const urlRules = parseUrlRules(entries('allow-urls'), problems)
  const mode = parseMode(settingValue(settings, 'mode'), problems)
  if (problems.length > 0) throw new PolicyError(problems)

  const { allowDomains, allowUrls } = withoutBlocked(allowed, urlRules, blocked, warnings)
  if (mode === 'audit')
    warnings.push(
      'audit mode: HTTP and HTTPS to any public domain are allowed and recorded; the summary suggests a policy'
    )
  else if (allowDomains.length === 0 && allowUrls.length === 0)
    warnings.push(
      'no domain is allowed: the command will have no network access at all (allow-domains is empty)'
    )

  const policy: Policy = {
    mode,
    allowDomains,
    blockDomains: blocked,
    allowNetworks: uniqueCidrs(allowNetworks),
    dnsServers,
    presets: [...presets.values()],
    allowHostPorts: [...new Map(hostPorts.map((p) => [p.port, p])).values()].sort(
      (a, b) => a.port - b.port
    ),
    allowUrls,
    views: policyViews(allowDomains, allowUrls)
  }
  for (const n of policy.allowNetworks.filter((c) => c.confirmed !== undefined))
    warnings.push(
      `allow-networks ${n.address}/${n.prefix} reaches ${n.confirmed} (confirmed with !): the command can reach it through the proxy`
    )
  for (const p of policy.allowHostPorts.filter((h) => h.sensitive))
    warnings.push(
      `runner port ${p.port} is open to the command (confirmed with !): it usually serves a database or a remote shell`
    )
  return { policy: deepFreeze(policy), warnings, provenance: settings.provenance }
}

function parseDnsServers(
  entries: { value: string; where: string }[],
  problems: PolicyProblem[]
): string[] {
  const dnsServers = [...new Set(collect(entries, parseDnsServer, problems))]
  if (dnsServers.length > MAX_DNS_SERVERS)
    problems.push(
      problem(
        entries[0]?.where ?? 'dns-servers',
        dnsServers.join(', '),
        'names too many resolvers',
        `At most ${MAX_DNS_SERVERS}.`
      )
    )
  return dnsServers
}

function parseUrlRules(
  entries: { value: string; where: string }[],
  problems: PolicyProblem[]
): UrlRule[] {
  if (entries.length > MAX_URL_RULES)
    problems.push(
      problem(
        entries[0]!.where,
        `${entries.length} rules`,
        'is too long a list',
        `At most ${MAX_URL_RULES} rules; a pattern with * covers many paths.`
      )
    )
  return collect<UrlRule>(entries.slice(0, MAX_URL_RULES), parseUrlRule, problems)
}

/**
 * The allow entries and URL rules a block entry does not cover (each dropped one is a
 * warning), and a warning for every URL-rule host an allow-domains entry also covers.
 */
function withoutBlocked(
  allowed: readonly DomainRule[],
  urlRules: readonly UrlRule[],
  blocked: readonly DomainRule[],
  warnings: string[]
): { allowDomains: DomainRule[]; allowUrls: UrlRule[] } {
  const blockIndex = new DomainIndex(blocked)
  const allowDomains = collapseDomains(allowed).filter((rule) => {
    const blocker = blockIndex.find(rule, nameCovers)
    if (blocker)
      warnings.push(
        `allow entry ${quote(rule.source)} is dropped: the block entry ${quote(blocker.source)} covers it`
      )
    return !blocker
  })
  const allowUrls = uniqueUrlRules(urlRules).filter((rule) => {
    const blocker = blockIndex.find(hostRule(rule), nameCovers)
    if (blocker)
      warnings.push(
        `allow-urls rule ${quote(rule.source)} is dropped: the block entry ${quote(blocker.source)} covers its host`
      )
    return !blocker
  })
  const allowIndex = new DomainIndex(allowDomains)
  for (const host of new Set(allowUrls.map((r) => r.host))) {
    const covering = allowIndex.find(hostRule({ host, source: host }), nameCovers)
    if (covering)
      warnings.push(
        `allow-domains ${quote(covering.source)} covers ${host}, which allow-urls names: requests to ${host} itself pass only when a URL rule matches`
      )
  }
  return { allowDomains, allowUrls }
}

/** A URL rule's host as an exact-name domain rule, for coverage checks. */
function hostRule(rule: Pick<UrlRule, 'host' | 'source'>): DomainRule {
  return { name: rule.host, includeApex: true, access: [], source: rule.source }
}

function parseMode(
  chosen: { text: string; where: string } | undefined,
  problems: PolicyProblem[]
): Mode {
  const value = chosen?.text.trim()
  if (chosen === undefined || value === 'enforce') return 'enforce'
  if (value === 'audit') return 'audit'
  problems.push(
    problem(chosen.where, chosen.text, 'is not a mode', 'Use enforce (the default) or audit.')
  )
  return 'enforce'
}

function uniqueCidrs(cidrs: readonly Cidr[]): Cidr[] {
  return [...new Map(cidrs.map((c) => [`${c.address}/${c.prefix}`, c])).values()]
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}

/** `expected-blocks`: names whose blocking does not fail the step under fail-on-blocked. */
export function parseExpectedBlocks(text: string, origin: InputOrigin): DomainRule[] {
  return expectedBlocksFrom(
    parseList(text).map((value) => ({ value, where: inputWhere(origin, 'expected-blocks') }))
  )
}

/** `expected-blocks` from merged settings: the file's entries and those inputs added. */
export function parseExpectedBlocksFrom(settings: Settings): DomainRule[] {
  return expectedBlocksFrom(settingEntries(settings, 'expected-blocks'))
}

function expectedBlocksFrom(entries: { value: string; where: string }[]): DomainRule[] {
  const problems: PolicyProblem[] = []
  const rules = collect(entries, (v, w) => parseDomainEntry(v, w, 'block'), problems)
  if (problems.length > 0) throw new PolicyError(problems)
  return rules
}
