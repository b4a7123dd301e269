/**
 * The run's two networks: an internal one (agent and proxy, no route out) and an egress one
 * (the proxy only), on /24 subnets of the address pool that nothing on the host uses. A subnet
 * Docker refuses as taken (by one of its networks, or by another run between our look and our
 * create) removes both networks, and the pick is made again, a few times.
 */
import { readFileSync } from 'node:fs'
import type { SandboxTopology } from '../render/types.js'
import { DockerError, type Docker } from './docker.js'
import { runNames as names } from '../common/run-names.js'
import { settleAll } from './settle.js'
import {
  formatNet,
  hostAddress,
  isSubnetCollision,
  parseIpv4Net,
  pickFreeSubnets,
  routesFromProcNetRoute,
  type Ipv4Net
} from './subnets.js'

/**
 * Subnets taken on the host: its routes, and with `withNetworks` every Docker network's. The
 * first pick looks at the routes only: Docker itself refuses a subnet that overlaps one of its
 * networks, and listing them (two CLI calls) cost about 0.1 s of every run.
 */
async function usedSubnets(docker: Docker, withNetworks: boolean): Promise<Ipv4Net[]> {
  const routes = routesFromProcNetRoute(readFileSync('/proc/net/route', 'utf8'))
  const nets = withNetworks ? await docker.networks() : []
  return [
    ...routes,
    ...nets.flatMap((n) => n.subnets.map(parseIpv4Net).filter((x) => x !== undefined))
  ]
}

export interface CreatedTopology {
  readonly topology: SandboxTopology
  readonly agentIp: string
}

/** Picks after this many collisions are given up, with Docker's last refusal. */
const PICK_ATTEMPTS = 5

interface NetworkRequest {
  readonly runId: string
  readonly labels: Readonly<Record<string, string>>
  /** Where the subnets come from; the default pool when absent. */
  readonly pool?: Ipv4Net
}

async function createPair(
  docker: Docker,
  runId: string,
  labels: Readonly<Record<string, string>>,
  [internal, egress]: readonly [Ipv4Net, Ipv4Net]
): Promise<void> {
  const n = names(runId)
  await settleAll([
    docker.networkCreate({
      name: n.internalNetwork,
      bridgeName: n.internalBridge,
      subnet: formatNet(internal),
      internal: true,
      labels
    }),
    docker.networkCreate({
      name: n.egressNetwork,
      bridgeName: n.egressBridge,
      subnet: formatNet(egress),
      internal: false,
      labels
    })
  ])
}

/** Both networks; a subnet taken meanwhile removes them and picks again. */
async function createWithRetry(
  docker: Docker,
  request: NetworkRequest,
  random: () => number
): Promise<[Ipv4Net, Ipv4Net]> {
  const n = names(request.runId)
  for (let attempt = 1; ; attempt++) {
    const picked = pickFreeSubnets(
      await usedSubnets(docker, attempt > 1),
      2,
      Math.floor(random() * 2 ** 16),
      request.pool
    ) as [Ipv4Net, Ipv4Net]
    try {
      await createPair(docker, request.runId, request.labels, picked)
      return picked
    } catch (e) {
      const collided = e instanceof DockerError && isSubnetCollision(e.message)
      if (!collided || attempt >= PICK_ATTEMPTS) throw e
      await docker.networkRemove([n.internalNetwork, n.egressNetwork])
    }
  }
}

/** Creates both networks; the proxy gets .2 on each, the agent .3 on the internal one. */
export async function createNetworks(
  docker: Docker,
  runId: string,
  labels: Readonly<Record<string, string>>,
  upstreamDns: readonly string[],
  { pool, random = Math.random }: { pool?: Ipv4Net; random?: () => number } = {}
): Promise<CreatedTopology> {
  const n = names(runId)
  const [internal, egress] = await createWithRetry(docker, { runId, labels, pool }, random)
  return {
    topology: {
      runId,
      internalSubnet: { address: hostAddress(internal, 0), prefix: internal.prefix },
      internalBridge: n.internalBridge,
      internalGateway: hostAddress(internal, 1),
      proxyIp: hostAddress(internal, 2),
      egressSubnet: { address: hostAddress(egress, 0), prefix: egress.prefix },
      egressBridge: n.egressBridge,
      proxyEgressIp: hostAddress(egress, 2),
      upstreamDns
    },
    agentIp: hostAddress(internal, 3)
  }
}
