/**
 * dnsmasq.conf: the DNS forwarder answers only names the policy allows (and does not block),
 * forwarding them to the upstream resolvers; everything else gets NXDOMAIN without a packet
 * leaving the proxy, which closes DNS tunnelling through trusted resolvers. No AAAA records.
 *
 * dnsmasq picks the longest matching domain: `address=/#/` (everything, NXDOMAIN) loses to
 * `server=/allowed.test/<upstream>`, which loses to `address=/blocked.allowed.test/`.
 * `*.example.com` matches subdomains only (dnsmasq 2.86 and later).
 */
import type { DomainRule } from '../policy/types.js'
import { HOST_ALIAS } from '../policy/host-ports.js'
import { matchesDomain } from '../policy/domain.js'
import { assertDomain, assertIp, assertIpv4, READINESS_PROBE_NAME } from './names.js'
import { DNS_PORT, type RenderInput } from './types.js'

function pattern(rule: DomainRule): string {
  assertDomain(rule.name)
  return rule.includeApex ? rule.name : `*.${rule.name}`
}

/** With host ports open, the runner's name answers as in /etc/hosts (resolvers that skip it). */
function hostAlias(open: boolean, gateway: string): string[] {
  if (!open) return []
  assertIpv4(gateway)
  return ['# allow-host-ports: the runner.', `host-record=${HOST_ALIAS},${gateway}`]
}

/**
 * allow-urls hosts no domain entry covers. dnsmasq forwards a name's subdomains with it; the
 * proxy still refuses them, so what leaves is a lookup under a host the policy trusts.
 */
function urlHostLines(
  hosts: readonly string[],
  allowed: readonly DomainRule[],
  upstreamDns: readonly string[]
): string[] {
  const own = hosts.filter((h) => !allowed.some((r) => matchesDomain(r, h)))
  own.forEach(assertDomain)
  if (own.length === 0) return []
  return [
    '# Hosts named by allow-urls (only the requests their rules match pass the proxy).',
    ...own.flatMap((h) => upstreamDns.map((ip) => `server=/${h}/${ip}`))
  ]
}

export function renderDnsmasqConf({ policy, topology }: RenderInput): string {
  assertIp(topology.proxyIp)
  topology.upstreamDns.forEach(assertIp)
  const allowed = policy.views.allowedNames
  const lines = [
    `# dnsmasq.conf for awf-action run ${topology.runId}. Generated; do not edit.`,
    `port=${DNS_PORT}`,
    `listen-address=${topology.proxyIp},127.0.0.1`,
    'bind-interfaces',
    'no-resolv',
    'no-hosts',
    'no-poll',
    'filter-AAAA',
    'cache-size=10000',
    'log-queries=extra',
    // To stderr, which the proxy's entrypoint appends to <logs>/dns.log: a file dnsmasq
    // opened itself would become nobody's and unreadable by a non-root runner.
    'log-facility=-',
    '',
    '# Every name not listed below: NXDOMAIN, nothing forwarded.',
    'address=/#/',
    `address=/${READINESS_PROBE_NAME}/`,
    '# Allowed names, forwarded to the upstream resolvers.',
    ...allowed.flatMap((r) => topology.upstreamDns.map((ip) => `server=/${pattern(r)}/${ip}`)),
    ...urlHostLines(policy.views.urlHosts, allowed, topology.upstreamDns),
    '# Blocked names win over allowed ones (a longer match).',
    ...policy.blockDomains.map((r) => `address=/${pattern(r)}/`),
    ...hostAlias(policy.allowHostPorts.length > 0, topology.internalGateway),
    ''
  ]
  return lines.join('\n')
}
