/**
 * The host's rules for one run: DOCKER-USER into the run's chain (what the proxy and the agent
 * may reach), INPUT for traffic aimed at the runner itself, published ports.
 */
import type { Cidr } from '../policy/types.js'
import {
  assertInterface,
  assertIp,
  assertIpv4,
  assertPort,
  assertPrefix,
  hostChainNames,
  logPrefixes
} from './names.js'
import { DENIED_NETWORKS_V4 } from './networks.js'
import {
  established,
  LOG_LIMIT,
  logAndDrop,
  type JumpPlan,
  type Rule,
  type RulePlan
} from './rules.js'
import { DNS_PORT, SQUID_PORT, type RenderInput, type UpstreamProxy } from './types.js'

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

function cidrText(c: { address: string; prefix: number }, family: 4 | 6): string {
  assertIp(c.address)
  assertPrefix(c.prefix, family)
  return `${c.address}/${c.prefix}`
}

/** What every part of the host plan needs, asserted once. */
interface HostPlanContext {
  readonly policy: RenderInput['policy']
  readonly t: RenderInput['topology']
  readonly prefix: ReturnType<typeof logPrefixes>
  readonly int: string
  readonly egr: string
  readonly subnet: string
  readonly fromProxy: Rule
  readonly fromAgent: Rule
  readonly upstream?: UpstreamProxy
}

function hostPlanContext({ policy, topology: t, upstreamProxy }: RenderInput): HostPlanContext {
  ;[t.internalBridge, t.egressBridge].forEach(assertInterface)
  ;[t.proxyIp, t.proxyEgressIp, t.internalGateway].forEach(assertIpv4)
  policy.allowHostPorts.forEach((p) => assertPort(p.port))
  const subnet = cidrText(t.internalSubnet, 4)
  return {
    policy,
    t,
    prefix: logPrefixes(t.runId),
    int: t.internalBridge,
    egr: t.egressBridge,
    subnet,
    fromProxy: ['-i', t.egressBridge, '-s', t.proxyEgressIp],
    fromAgent: ['-i', t.internalBridge, '-s', subnet],
    ...(upstreamProxy ? { upstream: upstreamProxy } : {})
  }
}

/** `-m multiport` matches (15 ports each) for every port an allowed entry or URL rule grants. */
function allowedPortMatches({ policy }: HostPlanContext): Rule[] {
  const auditPorts = policy.mode === 'audit' ? [80, 443] : []
  const ports = [
    ...new Set([
      ...auditPorts,
      ...policy.allowDomains.flatMap((r) => r.access.map((a) => a.port)),
      ...policy.allowUrls.map((r) => r.port)
    ])
  ].sort((a, b) => a - b)
  ports.forEach(assertPort)
  return chunk(ports, 15).map((c) => ['-p', 'tcp', '-m', 'multiport', '--dports', c.join(',')])
}

/**
 * A `services:` container published on the runner is reached through Docker's DNAT on the
 * gateway address: the forwarded connection is accepted here, in both directions, because
 * Docker's own isolation rules (after DOCKER-USER) drop traffic leaving an internal network.
 */
function publishedPortRules({
  policy,
  t,
  prefix,
  int,
  subnet,
  fromAgent
}: HostPlanContext): Rule[] {
  const published = (dir: Rule, state: string, port: number): Rule => [
    ...dir,
    '-p',
    'tcp',
    '-m',
    'conntrack',
    '--ctstate',
    state,
    '--ctorigdst',
    t.internalGateway,
    '--ctorigdstport',
    String(port)
  ]
  return policy.allowHostPorts.flatMap(({ port }): Rule[] => [
    [
      ...published(fromAgent, 'NEW', port),
      ...LOG_LIMIT,
      '-j',
      'LOG',
      '--log-prefix',
      prefix.hostPort
    ],
    [...published(fromAgent, 'DNAT', port), '-j', 'ACCEPT'],
    [...published(['-o', int, '-d', subnet], 'DNAT', port), '-j', 'ACCEPT']
  ])
}

/**
 * The proxy's queries to its upstream resolvers: forwarded, or (when a resolver listens on one
 * of the runner's own addresses) delivered through INPUT, so both chains carry them.
 */
function toUpstreamRules({ t, fromProxy }: HostPlanContext): Rule[] {
  const v4Upstreams = t.upstreamDns.filter((ip) => !ip.includes(':'))
  v4Upstreams.forEach(assertIpv4)
  return v4Upstreams.flatMap((ip) =>
    ['udp', 'tcp'].map((proto): Rule => [
      ...fromProxy,
      ...['-d', ip, '-p', proto, '--dport', String(DNS_PORT), '-j', 'RETURN']
    ])
  )
}

/** The run's FORWARD chain: the agent reaches only the proxy, the proxy only DNS and allowed ports. */
function forwardRules(c: HostPlanContext): Rule[] {
  const { policy, t, prefix, int, egr, subnet, fromProxy } = c
  const portMatches = allowedPortMatches(c)
  const allowNets = policy.allowNetworks
    .filter((n: Cidr) => n.family === 4)
    .map((n) => cidrText(n, 4))
  const toProxy = (proto: string, port: number): Rule => [
    ...['-i', int, '-o', int, '-s', subnet, '-d', t.proxyIp],
    ...['-p', proto, '--dport', String(port), '-j', 'RETURN']
  ]
  return [
    ...publishedPortRules(c),
    established('RETURN'),
    toProxy('tcp', SQUID_PORT),
    toProxy('tcp', DNS_PORT),
    toProxy('udp', DNS_PORT),
    ...toUpstreamRules(c),
    ...(c.upstream
      ? [upstreamProxyRule(c)]
      : [
          ...allowNets.flatMap((net) =>
            portMatches.map((m): Rule => [...fromProxy, '-d', net, ...m, '-j', 'RETURN'])
          ),
          ...DENIED_NETWORKS_V4.flatMap((net) => logAndDrop(prefix.host, ['-i', egr, '-d', net])),
          ...portMatches.map((m): Rule => [...fromProxy, ...m, '-j', 'RETURN'])
        ]),
    ...logAndDrop(prefix.host)
  ]
}

/**
 * Behind a corporate proxy the proxy container reaches that one address and port (besides
 * DNS), wherever it lives: every other destination is dropped and logged.
 */
function upstreamProxyRule({ upstream, fromProxy }: HostPlanContext): Rule {
  assertIpv4(upstream!.address)
  assertPort(upstream!.port)
  return [
    ...fromProxy,
    ...['-d', upstream!.address, '-p', 'tcp', '--dport', String(upstream!.port), '-j', 'RETURN']
  ]
}

/**
 * The run's INPUT chain: nothing reaches the runner itself but the allowed host ports, and
 * the proxy's DNS queries to a resolver on one of the runner's addresses.
 */
function inputRules(c: HostPlanContext): Rule[] {
  const { policy, t, prefix, int, subnet } = c
  const toGateway = (port: number): Rule => [
    ...['-i', int, '-s', subnet, '-d', t.internalGateway],
    ...['-p', 'tcp', '--dport', String(port)]
  ]
  return [
    established('RETURN'),
    ...toUpstreamRules(c),
    ...policy.allowHostPorts.map(({ port }): Rule => [
      ...toGateway(port),
      ...['-m', 'conntrack', '--ctstate', 'NEW', ...LOG_LIMIT],
      ...['-j', 'LOG', '--log-prefix', prefix.hostPort]
    ]),
    ...policy.allowHostPorts.map(({ port }): Rule => [...toGateway(port), '-j', 'RETURN']),
    ...logAndDrop(prefix.runner)
  ]
}

export function planHostRules(input: RenderInput): RulePlan {
  const c = hostPlanContext(input)
  const chains = hostChainNames(input.topology.runId)
  const bridges = (to: string, withOutput: boolean): JumpPlan[] =>
    [c.int, c.egr].flatMap((br) => [
      { from: '', match: ['-i', br], to },
      ...(withOutput ? [{ from: '', match: ['-o', br], to }] : [])
    ])
  const jumpsFrom = (from: string, jumps: JumpPlan[]): JumpPlan[] =>
    jumps.map((j) => ({ ...j, from }))
  return {
    v4: [
      {
        table: 'filter',
        chains: [
          { chain: chains.forward, rules: forwardRules(c) },
          { chain: chains.input, rules: inputRules(c) }
        ],
        jumps: [
          ...jumpsFrom('DOCKER-USER', bridges(chains.forward, true)),
          ...jumpsFrom('INPUT', bridges(chains.input, false))
        ]
      }
    ],
    v6: [
      {
        table: 'filter',
        chains: [{ chain: chains.v6, rules: logAndDrop(c.prefix.ipv6) }],
        jumps: [
          ...jumpsFrom('FORWARD', bridges(chains.v6, true)),
          ...jumpsFrom('INPUT', bridges(chains.v6, false))
        ]
      }
    ]
  }
}
