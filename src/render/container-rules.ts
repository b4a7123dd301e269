/**
 * The rules inside the agent's own network namespace: web ports redirected to the proxy, DNS to
 * the forwarder, everything else logged and dropped.
 */
import { assertIpv4, assertPort, logPrefixes } from './names.js'
import { established, LOG_LIMIT, logAndDrop, type Rule, type RulePlan } from './rules.js'
import { DNS_PORT, SQUID_PORT, type RenderInput } from './types.js'

/** Chain names inside the agent's own network namespace (nothing else lives there). */
export const CONTAINER_CHAINS = { nat: 'AWF-NAT', filter: 'AWF-OUT', filter6: 'AWF-OUT6' } as const

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
