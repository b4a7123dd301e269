/**
 * The phases before any container starts: the work folder, the engine check, images, the
 * run's networks, the sweep of crashed runs, the rendered configs, and the host rules.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { AgentMode } from '../agent/filesystem.js'
import { planRules, renderAll, UPSTREAM_CA_FILE, type RunRulePlans } from '../render/index.js'
import type { RenderedConfig, SandboxTopology } from '../render/types.js'
import { ablate } from './ablation.js'
import { placementFromBridge, placementFromDockerHost, remoteDaemonError } from './docker-daemon.js'
import { ensurePrebuilt, projectRoot, resolveImage, type ResolvedImage } from './images.js'
import { info } from './log.js'
import { actionVersion } from './published-images.js'
import { enableNamespaceLogging } from './namespace-logging.js'
import type { RunContext } from './run-context.js'
import { settleAll } from './settle.js'
import { sweepStale } from './teardown.js'
import { createNetworks } from './topology.js'
import { detectUpstreamDns } from './upstream-dns.js'
import { proxyRenderInput } from './upstream-proxy.js'
import { makeDir, writeConfigs } from './work-dir.js'

export interface PreparedRun {
  readonly workDir: string
  readonly root: string
  readonly mode: AgentMode
  readonly topology: SandboxTopology
  readonly agentIp: string
  readonly proxyImage: string
  /** Our agent image: the canary and the NET_ADMIN helper always run in it. */
  readonly ourAgentImage: string
  /** The image the command runs in: the workflow's in image mode, else ours. */
  readonly commandImage: string
  /** Which images the run uses and where they came from (published digest, local build). */
  readonly images: readonly ResolvedImage[]
  readonly plans: RunRulePlans
  readonly rendered: RenderedConfig
  /** The corporate proxy's resolved address, when the run leaves through one. */
  readonly upstreamProxy?: string
}

export async function prepare(run: RunContext): Promise<PreparedRun> {
  const { request, hooks, deps } = run
  const workDir = mkdtempSync(join(request.tempRoot, run.names.workDirPrefix))
  run.track({ workDir })
  // Not world-writable: the proxy's entrypoint creates its log files through the folder's
  // group (proxySpec) and hands them to Squid's user, who may only pass through (o+x) to
  // open them by name.
  makeDir(run.logsDir, 0o771)

  const byDockerHost = placementFromDockerHost(request.agent.runner.dockerHost)
  if (!byDockerHost.local) throw remoteDaemonError(byDockerHost)
  await hooks.phase('Checking Docker', () => deps.docker.ensureEngine())
  const root = projectRoot()
  info(`awf-action ${actionVersion(root)}`)
  const given = request.agent.image
  const upstreamDns =
    request.policy.dnsServers.length > 0 ? request.policy.dnsServers : detectUpstreamDns()
  // Independent: leftovers of crashed runs, image checks (or builds) and the two networks
  // (a leftover's subnet may look taken for this run; there are 1,024 to pick from).
  run.track({ networks: [run.names.internalNetwork, run.names.egressNetwork] })
  const [proxy, ourAgent, givenImage, { topology, agentIp }] = await hooks.phase(
    'Preparing images and networks',
    () =>
      settleAll([
        resolveImage(deps.docker, 'proxy', root, request.images),
        resolveImage(deps.docker, 'agent', root, request.images),
        given ? ensurePrebuilt(deps.docker, given, 'agent image') : undefined,
        createNetworks(deps.docker, run.runId, run.labels, upstreamDns, {
          pool: request.addressPool
        }),
        sweepStale(deps, request.hostFirewall, request.tempRoot, run.leaseDir).then((swept) => {
          if (swept.length > 0) info(`removed leftovers of crashed runs: ${swept.join(', ')}`)
        })
      ])
  )
  // Host rules only work where the bridges are. (Without them, a rootless daemon in its own
  // network namespace is fine: everything else goes through the daemon.)
  const byBridge = request.hostFirewall
    ? placementFromBridge(
        topology.internalBridge,
        deps.probes.interfaceExists(topology.internalBridge)
      )
    : { local: true as const }
  if (!byBridge.local) throw remoteDaemonError(byBridge)
  const input = { policy: request.policy, topology, ...(await proxyRenderInput(request.proxy)) }
  const plans = planRules(input)
  const rendered = ablate(renderAll(input, plans), topology, request.ablation?.layer)
  writeConfigs(workDir, run.logsDir, rendered, topology.proxyIp)
  const upstreamCa = request.proxy?.interception?.caCertificates
  if (upstreamCa && input.interception)
    writeFileSync(join(workDir, 'config', basename(UPSTREAM_CA_FILE)), upstreamCa, { mode: 0o644 })
  return {
    workDir,
    root,
    mode: given ? 'image' : 'host',
    topology,
    agentIp,
    proxyImage: proxy.ref,
    ourAgentImage: ourAgent.ref,
    commandImage: givenImage ?? ourAgent.ref,
    images: [proxy, ourAgent],
    plans,
    rendered,
    upstreamProxy: input.upstreamProxy?.address
  }
}

/** Host rules go in before any container is attached to the new bridges. */
export async function applyHostRules(run: RunContext, prepared: PreparedRun): Promise<void> {
  const { netfilter } = run.deps
  const { rendered } = prepared
  if (!run.request.hostFirewall) {
    info('host-firewall off: no host iptables rules for this run')
    return
  }
  run.track({ hostRules: true })
  await run.hooks.phase('Applying host firewall rules', () =>
    settleAll([
      rendered['host-rules.v4'] && netfilter.restore(4, rendered['host-rules.v4']),
      rendered['host-rules.v6'] && netfilter.restore(6, rendered['host-rules.v6']),
      enableNamespaceLogging(netfilter, run.leaseDir)
    ])
  )
}
