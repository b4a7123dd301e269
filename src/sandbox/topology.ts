/**
 * The run's two networks: an internal one (agent and proxy, no route out) and an egress one
 * (the proxy only), on /24 subnets that nothing on the host uses.
 */
import { readFileSync } from 'node:fs'
import type { SandboxTopology } from '../render/types.js'
import type { Docker } from './docker.js'
import { runNames } from '../common/run-names.js'
import { settleAll } from './settle.js'
import {
  formatNet,
  hostAddress,
  parseIpv4Net,
  pickFreeSubnets,
  routesFromProcNetRoute,
  type Ipv4Net
} from './subnets.js'

async function usedSubnets(docker: Docker): Promise<Ipv4Net[]> {
  const routes = routesFromProcNetRoute(readFileSync('/proc/net/route', 'utf8'))
  const nets = await docker.networks()
  return [
    ...routes,
    ...nets.flatMap((n) => n.subnets.map(parseIpv4Net).filter((x) => x !== undefined))
  ]
}

export interface CreatedTopology {
  readonly topology: SandboxTopology
  readonly agentIp: string
}

/** Creates both networks; the proxy gets .2 on each, the agent .3 on the internal one. */
export async function createNetworks(
  docker: Docker,
  runId: string,
  labels: Readonly<Record<string, string>>,
  upstreamDns: readonly string[]
): Promise<CreatedTopology> {
  const n = runNames(runId)
  const [internal, egress] = pickFreeSubnets(
    await usedSubnets(docker),
    2,
    Math.floor(Math.random() * 1024)
  ) as [Ipv4Net, Ipv4Net]
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
