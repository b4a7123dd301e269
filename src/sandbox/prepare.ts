/**
 * The phases before any container starts: the work folder, the engine check, images, the
 * run's networks, the sweep of crashed runs, the rendered configs, and the host rules.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import type { AgentMode } from '../agent/filesystem.js'
import { planRules, renderAll, UPSTREAM_CA_FILE, type RunRulePlans } from '../render/index.js'
import type { RenderedConfig, SandboxTopology } from '../render/types.js'
import { ablate } from './ablation.js'
import { scanAhead } from './agent-plan.js'
import {
  placementFromBridge,
  placementFromDockerHost,
  type DaemonPlacement
} from './docker-daemon.js'
import { ensurePrebuilt, projectRoot, resolveImage, type ResolvedImage } from './images.js'
import { sharedPathsProbeSpec } from './container-specs.js'
import { info, warning } from './log.js'
import { actionVersion } from './published-images.js'
import { enableNamespaceLogging } from './namespace-logging.js'
import type { RunContext } from './run-context.js'
import { settleAll } from './settle.js'
import { sweepStale } from './teardown.js'
import { confirmSharedPaths, topologyOnly, type TopologyOnly } from './topology-only.js'
import { createNetworks } from './topology.js'
import { detectUpstreamDns } from './upstream-dns.js'
import { proxyRenderInput } from './upstream-proxy.js'
import type { PendingRootOnlyScan } from './root-only.js'
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
  /** Host rules are applied and checked (host-firewall on, and the daemon is ours). */
  readonly hostRules: boolean
  /** Set when the daemon is elsewhere: no host rules, probes run on the daemon. */
  readonly topologyOnly?: TopologyOnly
  /** The agent's start handshake script, where the daemon can mount it from. */
  readonly entrypoint: string
  /** The root-only scan, started before the images and networks (agent-plan.ts scanAhead). */
  readonly rootOnlyScan?: PendingRootOnlyScan
}

export async function prepare(run: RunContext): Promise<PreparedRun> {
  const { request, hooks, deps } = run
  const workDir = mkdtempSync(join(request.tempRoot, run.names.workDirPrefix))
  run.track({ workDir })
  // Not world-writable: the proxy's entrypoint creates its log files through the folder's
  // group (proxySpec) and hands them to Squid's user, who may only pass through (o+x) to
  // open them by name.
  makeDir(run.logsDir, 0o771)

  const rootOnlyScan = scanAhead(run, workDir)
  const byDockerHost = placementFromDockerHost(request.agent.runner.dockerHost)
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
        sweepStale(
          deps,
          request.hostFirewall && byDockerHost.local && !request.remoteDaemon,
          request.tempRoot,
          run.leaseDir
        ).then((swept) => {
          if (swept.length > 0) info(`removed leftovers of crashed runs: ${swept.join(', ')}`)
        })
      ])
  )
  // Host rules, mounts and the checks through PIDs only work where the bridges are.
  const byBridge = placementFromBridge(
    topology.internalBridge,
    deps.probes.interfaceExists(topology.internalBridge)
  )
  const remote = remoteDaemon(request.remoteDaemon, [byDockerHost, byBridge])
  const onlyTopology = remote && topologyOnly(remote.why)
  if (onlyTopology) await enterTopologyOnly(run, workDir, ourAgent.ref, onlyTopology)
  const input = { policy: request.policy, topology, ...(await proxyRenderInput(request.proxy)) }
  const plans = planRules(input)
  const rendered = ablate(renderAll(input, plans), topology, request.ablation?.layer)
  writeConfigs(workDir, run.logsDir, rendered, topology.proxyIp)
  const upstreamCa = request.proxy?.interception?.caCertificates
  if (upstreamCa && input.interception)
    writeFileSync(join(workDir, 'config', basename(UPSTREAM_CA_FILE)), upstreamCa, { mode: 0o644 })
  const entrypoint = join(root, 'containers', 'agent', 'entrypoint.sh')
  if (onlyTopology) copyFileSync(entrypoint, join(workDir, 'entrypoint.sh'))
  return {
    workDir,
    root,
    // A remote daemon cannot mount the runner's /usr: the command runs in the agent image.
    mode: given || onlyTopology ? 'image' : 'host',
    topology,
    agentIp,
    proxyImage: proxy.ref,
    ourAgentImage: ourAgent.ref,
    commandImage: givenImage ?? ourAgent.ref,
    images: [proxy, ourAgent],
    plans,
    rendered,
    upstreamProxy: input.upstreamProxy?.address,
    hostRules: request.hostFirewall && !onlyTopology,
    topologyOnly: onlyTopology || undefined,
    entrypoint: onlyTopology ? join(workDir, 'entrypoint.sh') : entrypoint,
    rootOnlyScan
  }
}

/** Why the daemon counts as remote (forced, or found by DOCKER_HOST or the bridge), if it does. */
function remoteDaemon(
  forced: boolean | undefined,
  placements: readonly DaemonPlacement[]
): { why: string } | undefined {
  if (forced) return { why: 'docker-daemon is remote' }
  for (const p of placements) if (!p.local) return p
  return undefined
}

/**
 * The daemon is elsewhere: say so, refuse what cannot work there, and confirm that it sees
 * the run's folder and the workspace (and shares FIFOs with us) before anything uses them.
 */
async function enterTopologyOnly(
  run: RunContext,
  workDir: string,
  image: string,
  mode: TopologyOnly
): Promise<void> {
  const { request } = run
  warning(
    `topology-only mode: ${mode.why}. The runner's iptables cannot reach that daemon's ` +
      'network namespace, so no host firewall rules are applied' +
      `${request.hostFirewall ? ' (host-firewall on was asked for)' : ''}; the run holds on the ` +
      "internal network, the proxy, the DNS forwarder, the container rules and the agent's " +
      `privileges. Not checked: ${mode.notChecked.join('; ')}.`
  )
  if (request.policy.allowHostPorts.length > 0)
    throw new Error(
      `allow-host-ports cannot work in topology-only mode (${mode.why}): the runner's ports are ` +
        "not on the daemon's network, and no host rule can open them"
    )
  const user = `${request.agent.uid}:${request.agent.gid}`
  run.track({ containers: [run.names.pathsProbe] })
  const started = Date.now()
  await confirmSharedPaths(run.deps.docker.runCaptured.bind(run.deps.docker), run.deps.exec.run, {
    probeDir: join(workDir, 'shared-probe'),
    folders: [
      { path: workDir, what: "the run's folder" },
      { path: run.logsDir, what: 'the logs folder' },
      { path: request.workspace, what: 'the workspace' }
    ],
    runId: run.runId,
    spec: (mounts, script) =>
      sharedPathsProbeSpec({ runId: run.runId, labels: run.labels, user }, image, mounts, script)
  })
  info(
    `the Docker daemon sees the run's folders and the workspace, and shares FIFOs with us (${Date.now() - started} ms)`
  )
}

/** Host rules go in before any container is attached to the new bridges. */
export async function applyHostRules(run: RunContext, prepared: PreparedRun): Promise<void> {
  const { netfilter } = run.deps
  const { rendered } = prepared
  if (prepared.topologyOnly) return
  if (!prepared.hostRules) {
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
