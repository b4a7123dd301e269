/**
 * Host and container firewall rules as data, and their `iptables-restore --noflush` text.
 * Jumps into existing chains are explicit data so that the self-check can look for each one;
 * removal finds everything by our chain names (src/sandbox/ruleset.ts).
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
import { DNS_PORT, SQUID_PORT, type RenderInput, type UpstreamProxy } from './types.js'

/** A rule is the tokens after `-A <chain>`. */
export type Rule = readonly string[]

export interface ChainPlan {
  readonly chain: string
  readonly rules: readonly Rule[]
}

/** A jump inserted at the top of an existing chain (DOCKER-USER, INPUT, FORWARD, OUTPUT). */
export interface JumpPlan {
  readonly from: string
  readonly match: readonly string[]
  readonly to: string
}

export interface TablePlan {
  readonly table: 'filter' | 'nat'
  readonly chains: readonly ChainPlan[]
  readonly jumps: readonly JumpPlan[]
}

export interface RulePlan {
  readonly v4: readonly TablePlan[]
  readonly v6: readonly TablePlan[]
}

/** Chain names inside the agent's own network namespace (nothing else lives there). */
export const CONTAINER_CHAINS = { nat: 'AWF-NAT', filter: 'AWF-OUT', filter6: 'AWF-OUT6' } as const

const LOG_LIMIT = ['-m', 'limit', '--limit', '20/second', '--limit-burst', '50']

function logAndDrop(prefix: string, match: Rule = []): Rule[] {
  return [
    [...match, ...LOG_LIMIT, '-j', 'LOG', '--log-prefix', prefix],
    [...match, '-j', 'DROP']
  ]
}

const established = (verdict: string): Rule => [
  '-m',
  'conntrack',
  '--ctstate',
  'RELATED,ESTABLISHED',
  '-j',
  verdict
]

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

/**
 * Rules for the agent's network namespace. The sandbox also points that namespace's default
 * route at the proxy (which does not forward), so a direct connection reaches these rules
 * instead of failing with "network unreachable": 80/443 are redirected to Squid, which
 * refuses a request that is not a proxy request; other TCP is reset (ECONNREFUSED at once);
 * anything else is dropped and the program gets EPERM. Each is logged with the agent prefix
 * (the sandbox enables net.netfilter.nf_log_all_netns so that LOG works in a namespace).
 */
export function planContainerRules(input: RenderInput): RulePlan {
  const c = containerPlanContext(input)
  return {
    v4: [
      {
        table: 'nat',
        chains: [{ chain: CONTAINER_CHAINS.nat, rules: containerNatRules(c) }],
        jumps: [{ from: 'OUTPUT', match: [], to: CONTAINER_CHAINS.nat }]
      },
      {
        table: 'filter',
        chains: [{ chain: CONTAINER_CHAINS.filter, rules: containerFilterRules(c) }],
        jumps: [{ from: 'OUTPUT', match: [], to: CONTAINER_CHAINS.filter }]
      }
    ],
    v6: [
      {
        table: 'filter',
        chains: [
          {
            chain: CONTAINER_CHAINS.filter6,
            rules: [['-o', 'lo', '-j', 'ACCEPT'], ...logAndDrop(c.agent)]
          }
        ],
        jumps: [{ from: 'OUTPUT', match: [], to: CONTAINER_CHAINS.filter6 }]
      }
    ]
  }
}

/** What every part of the container plan needs, asserted once. */
interface ContainerPlanContext {
  readonly proxy: string
  readonly agent: string
  /** The allowed host ports on the gateway, ending in the given verdict. */
  readonly hostPorts: (verdict: string) => Rule[]
}

function containerPlanContext({ policy, topology: t }: RenderInput): ContainerPlanContext {
  assertIpv4(t.proxyIp)
  assertIpv4(t.internalGateway)
  policy.allowHostPorts.forEach((p) => assertPort(p.port))
  return {
    proxy: t.proxyIp,
    agent: logPrefixes(t.runId).agent,
    hostPorts: (verdict) =>
      policy.allowHostPorts.map(({ port }) => [
        ...['-d', t.internalGateway, '-p', 'tcp', '--dport', String(port)],
        ...['-j', verdict]
      ])
  }
}

/** Loopback, the proxy and host ports go as they are; direct web traffic goes to Squid. */
function containerNatRules({ proxy, hostPorts }: ContainerPlanContext): Rule[] {
  return [
    ['-o', 'lo', '-j', 'RETURN'],
    ['-d', proxy, '-j', 'RETURN'],
    ...hostPorts('RETURN'),
    ...[80, 443].map((port): Rule => [
      ...['-p', 'tcp', '--dport', String(port)],
      ...['-j', 'DNAT', '--to-destination', `${proxy}:${SQUID_PORT}`]
    ])
  ]
}

/** Only loopback, the proxy's ports and host ports leave; the rest is logged and refused. */
function containerFilterRules({ proxy, agent, hostPorts }: ContainerPlanContext): Rule[] {
  return [
    // Docker's embedded resolver forwards from outside this namespace (CVE-2024-29018).
    ...logAndDrop(agent, ['-d', '127.0.0.11']),
    ['-o', 'lo', '-j', 'ACCEPT'],
    ['-d', proxy, '-p', 'tcp', '--dport', String(SQUID_PORT), '-j', 'ACCEPT'],
    ['-d', proxy, '-p', 'udp', '--dport', String(DNS_PORT), '-j', 'ACCEPT'],
    ['-d', proxy, '-p', 'tcp', '--dport', String(DNS_PORT), '-j', 'ACCEPT'],
    ...hostPorts('ACCEPT'),
    established('ACCEPT'),
    [...LOG_LIMIT, '-j', 'LOG', '--log-prefix', agent],
    // A dropped SYN would only time out; a reset fails the connection at once.
    ['-p', 'tcp', '-j', 'REJECT', '--reject-with', 'tcp-reset'],
    ['-j', 'DROP']
  ]
}

const SAFE_TOKEN = /^[A-Za-z0-9_.:/,!-]+$/
const LOG_PREFIX_TOKEN = /^awf-[0-9a-f]{8}-[a-z0-9-]+: $/

function token(t: string): string {
  if (SAFE_TOKEN.test(t)) return t
  if (LOG_PREFIX_TOKEN.test(t)) return `"${t}"`
  throw new Error(`refusing to render the iptables token ${JSON.stringify(t)}`)
}

/** How a jump appears in `iptables-save` output (the self-check looks for this line). */
export function savedJump(j: JumpPlan): string {
  return ['-A', j.from, ...j.match, '-j', j.to].map(token).join(' ')
}

/** `iptables-restore --noflush` text: declares (and so empties) only our own chains. */
export function renderRestore(tables: readonly TablePlan[]): string {
  const out: string[] = []
  for (const t of tables) {
    out.push(`*${t.table}`)
    for (const c of t.chains) out.push(`:${token(c.chain)} - [0:0]`)
    for (const c of t.chains)
      for (const r of c.rules) out.push(['-A', c.chain, ...r].map(token).join(' '))
    // Inserted at the top in reverse, so they end up in the listed order before any other rule.
    for (const j of [...t.jumps].reverse())
      out.push(['-I', j.from, '1', ...j.match, '-j', j.to].map(token).join(' '))
    out.push('COMMIT')
  }
  return `${out.join('\n')}\n`
}
