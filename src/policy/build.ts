/** Inputs or flags, plus an optional policy file, merged and validated into one Policy. */
import {
  collapseDomains,
  DomainIndex,
  nameCovers,
  parseDomainEntry,
  type ListKind
} from './domain.js'
import { parsePolicyFile, type PolicyFileText, type PolicyListKey } from './file.js'
import { parseHostPort } from './host-ports.js'
import { parseCidr, parseDnsServer } from './ip.js'
import { parseList } from './list.js'
import { PRESET_NAME, PRESETS } from './presets.js'
import { policyViews } from './views.js'
import { isProblem, PolicyError, problem, type PolicyProblem } from './problem.js'
import { inputWhere, type InputOrigin } from '../common/errors.js'
import type { Cidr, DomainRule, HostPort, Mode, Policy, PresetUse } from './types.js'

/** Raw user text, keyed by the action input name. Absent or blank = not given. */
export type RawPolicyInputs = Partial<Record<PolicyListKey | 'mode', string | undefined>>

export interface BuiltPolicy {
  readonly policy: Policy
  readonly warnings: readonly string[]
}

const MAX_ENTRIES = 10000
const MAX_DNS_SERVERS = 8

/** Entries for one key: the input or flag when given, else the file's list (precedence). */
function entriesFor(
  key: PolicyListKey,
  inputs: RawPolicyInputs,
  origin: InputOrigin,
  fileLists: ReturnType<typeof parsePolicyFile>['lists']
): { value: string; where: string }[] {
  const given = inputs[key]
  if (given !== undefined && given.trim() !== '') {
    const where = inputWhere(origin, key)
    return parseList(given).map((value) => ({ value, where }))
  }
  return (fileLists[key] ?? []).flatMap(({ value, where }) =>
    parseList(value).map((v) => ({ value: v, where }))
  )
}

/**
 * `@name` entries replaced by the preset's domains (each still validated like user input);
 * the expansion is returned so the summary and the rendered files can show it.
 */
function expandPresets(
  entries: { value: string; where: string }[],
  kind: ListKind,
  problems: PolicyProblem[],
  used: Map<string, PresetUse>
): { value: string; where: string }[] {
  return entries.flatMap((entry) => {
    if (!entry.value.startsWith('@')) return [entry]
    const name = PRESET_NAME.exec(entry.value)?.[1]
    const preset = name === undefined ? undefined : PRESETS[name]
    if (kind === 'block' || name === undefined || preset === undefined) {
      problems.push(
        problem(
          entry.where,
          entry.value,
          kind === 'block' ? 'is a preset, and presets only allow' : 'is not a known preset',
          kind === 'block'
            ? 'List the domains to block.'
            : `Presets: ${Object.keys(PRESETS)
                .map((n) => `@${n}`)
                .join(', ')} (see docs/presets.md).`
        )
      )
      return []
    }
    used.set(name, { name, domains: preset.entries.map((e) => e.domain) })
    return preset.entries.map((e) => ({ value: e.domain, where: `${entry.where} (@${name})` }))
  })
}

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

export function buildPolicy(
  inputs: RawPolicyInputs,
  origin: InputOrigin,
  file?: PolicyFileText
): BuiltPolicy {
  const parsedFile = file ? parsePolicyFile(file) : { lists: {}, problems: [] }
  const problems: PolicyProblem[] = [...parsedFile.problems]
  const warnings: string[] = []
  const entries = (key: PolicyListKey): { value: string; where: string }[] =>
    entriesFor(key, inputs, origin, parsedFile.lists)
  const presets = new Map<string, PresetUse>()
  const domains = (key: PolicyListKey, kind: ListKind): DomainRule[] =>
    collect(
      expandPresets(entries(key), kind, problems, presets),
      (v, w) => parseDomainEntry(v, w, kind),
      problems
    )

  const allowed = domains('allow-domains', 'allow')
  const blocked = collapseDomains(domains('block-domains', 'block'))
  const allowNetworks = collect<Cidr>(entries('allow-networks'), parseCidr, problems)
  const dnsServers = [...new Set(collect(entries('dns-servers'), parseDnsServer, problems))]
  if (dnsServers.length > MAX_DNS_SERVERS) {
    const where = entries('dns-servers')[0]?.where ?? 'dns-servers'
    problems.push(
      problem(
        where,
        dnsServers.join(', '),
        'names too many resolvers',
        `At most ${MAX_DNS_SERVERS}.`
      )
    )
  }
  const hostPorts = collect<HostPort>(entries('allow-host-ports'), parseHostPort, problems)
  const mode = parseMode(inputs.mode, origin, parsedFile.lists.mode, problems)
  if (problems.length > 0) throw new PolicyError(problems)

  const blockIndex = new DomainIndex(blocked)
  const allowDomains = collapseDomains(allowed).filter((rule) => {
    const blocker = blockIndex.find(rule, nameCovers)
    if (blocker)
      warnings.push(
        `allow entry "${rule.source}" is dropped: the block entry "${blocker.source}" covers it`
      )
    return !blocker
  })
  if (mode === 'audit')
    warnings.push(
      'audit mode: HTTP and HTTPS to any public domain are allowed and recorded; the summary suggests a policy'
    )
  else if (allowDomains.length === 0)
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
    views: policyViews(allowDomains)
  }
  for (const p of policy.allowHostPorts.filter((h) => h.sensitive))
    warnings.push(
      `runner port ${p.port} is open to the command (confirmed with !): it usually serves a database or a remote shell`
    )
  return { policy: deepFreeze(policy), warnings }
}

function parseMode(
  given: string | undefined,
  origin: InputOrigin,
  fromFile: { value: string; where: string } | undefined,
  problems: PolicyProblem[]
): Mode {
  const chosen =
    given !== undefined && given.trim() !== ''
      ? { value: given.trim(), where: origin === 'input' ? 'input mode' : 'flag --mode' }
      : fromFile
  if (chosen === undefined || chosen.value === 'enforce') return 'enforce'
  if (chosen.value === 'audit') return 'audit'
  problems.push(
    problem(chosen.where, chosen.value, 'is not a mode', 'Use enforce (the default) or audit.')
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
  const where = inputWhere(origin, 'expected-blocks')
  const problems: PolicyProblem[] = []
  const rules = collect(
    parseList(text).map((value) => ({ value, where })),
    (v, w) => parseDomainEntry(v, w, 'block'),
    problems
  )
  if (problems.length > 0) throw new PolicyError(problems)
  return rules
}
