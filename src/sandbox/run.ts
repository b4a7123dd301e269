/**
 * One firewalled run, start to finish: networks, host rules, proxy, agent handshake,
 * container rules, self-check, the command, teardown. The only module that sequences I/O.
 */
import type { ChildProcess, StdioOptions } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Policy } from '../policy/types.js'
import { READINESS_PROBE_NAME, PROXY_CONFIG_DIR, PROXY_LOG_DIR, renderAll } from '../render/index.js'
import { DNS_PORT, SQUID_PORT, type RenderedConfig, type SandboxTopology } from '../render/types.js'
import { Docker, DockerError } from './docker.js'
import { OWNER_LABEL, RUN_LABEL, type ContainerSpec } from './docker-args.js'
import { runCommand, type CommandRunner } from './exec.js'
import { CONTROL_MOUNT, Handshake } from './handshake.js'
import { ensureImage, projectRoot, type ImageOptions } from './images.js'
import { info, warning } from './log.js'
import { Netfilter } from './netfilter.js'
import { newRunId, names, ownerToken, type SandboxResources } from './resources.js'
import { waitForProxy } from './readiness.js'
import { selfCheck } from './self-check.js'
import { formatNet, hostAddress, parseIpv4Net, pickFreeSubnets, routesFromProcNetRoute, type Ipv4Net } from './subnets.js'
import { sweepStale, teardown } from './teardown.js'
import { detectUpstreamDns } from './upstream-dns.js'

export type PhaseRunner = <T>(title: string, step: () => Promise<T>) => Promise<T>

export interface SandboxRequest {
  readonly policy: Policy
  /** argv of the command; the action passes `bash -e -o pipefail -c <run>`. */
  readonly command: readonly string[]
  /** Host folder mounted read-write at the same path; the command's working directory. */
  readonly workspace: string
  /** Parent of the run's temporary folder. */
  readonly tempRoot: string
  /** Where configs and raw logs are kept after the run; default `<tempRoot>/awf-logs-<run id>`. */
  readonly logsDir?: string
  /** `uid:gid` the command runs as. */
  readonly user: string
  readonly env: Readonly<Record<string, string>>
  readonly images: ImageOptions
  readonly stdio: StdioOptions
  readonly pidsLimit: number
  readonly memoryBytes: number
}

export interface SandboxHooks {
  readonly phase: PhaseRunner
  /** Called the moment the set of resources to clean up changes (the action saves state). */
  readonly onResources: (resources: SandboxResources) => void
  /** Called right before the command starts and right after it ends (stop-commands). */
  readonly onCommandStart?: () => void
  readonly onCommandEnd?: () => void
  /** Receives the running agent so the CLI can forward signals. */
  readonly onAgent?: (child: ChildProcess) => void
}

export interface RunOutcome {
  readonly runId: string
  readonly exitCode: number
  readonly logsDir: string
  readonly checks: readonly string[]
}

const PROXY_CAPS = ['CHOWN', 'NET_BIND_SERVICE', 'SETGID', 'SETUID']
const READY_TIMEOUT_MS = 60000

export interface SandboxDeps {
  readonly docker: Docker
  readonly netfilter: Netfilter
  readonly run: CommandRunner
}

export function realDeps(): SandboxDeps {
  return { docker: new Docker(runCommand), netfilter: new Netfilter(runCommand), run: runCommand }
}

function usedSubnets(docker: Docker): Promise<Ipv4Net[]> {
  const routes = routesFromProcNetRoute(readFileSync('/proc/net/route', 'utf8'))
  return docker.networks().then((nets) => [
    ...routes,
    ...nets.flatMap((n) => n.subnets.map(parseIpv4Net).filter((x): x is Ipv4Net => x !== undefined))
  ])
}

function writeConfigs(workDir: string, logsDir: string, rendered: RenderedConfig, proxyIp: string): void {
  const configDir = join(workDir, 'config')
  mkdirSync(configDir, { mode: 0o755 })
  chmodSync(configDir, 0o755)
  for (const [file, text] of Object.entries(rendered)) writeFileSync(join(configDir, file), text, { mode: 0o644 })
  writeFileSync(join(workDir, 'resolv.conf'), `nameserver ${proxyIp}\noptions ndots:0\n`, { mode: 0o644 })
  mkdirSync(join(logsDir, 'config'), { recursive: true })
  for (const file of Object.keys(rendered)) copyFileSync(join(configDir, file), join(logsDir, 'config', file))
}

/** Runs `request.command` in a new sandbox and removes the sandbox whatever happens. */
export async function runSandboxed(deps: SandboxDeps, request: SandboxRequest, hooks: SandboxHooks): Promise<RunOutcome> {
  const runId = newRunId()
  const n = names(runId)
  const labels = { [RUN_LABEL]: runId, [OWNER_LABEL]: ownerToken() }
  let resources: SandboxResources = { runId, containers: [], networks: [], hostRules: false }
  const track = (change: Partial<SandboxResources>): void => {
    resources = { ...resources, ...change }
    hooks.onResources(resources)
  }
  const { docker, netfilter } = deps
  const logsDir = request.logsDir ?? join(request.tempRoot, `awf-logs-${runId}`)
  try {
    const workDir = mkdtempSync(join(request.tempRoot, `awf-${runId}-`))
    track({ workDir })
    mkdirSync(logsDir, { recursive: true })
    // Squid and dnsmasq write here as their own users inside the proxy container.
    chmodSync(logsDir, 0o777)

    await hooks.phase('Checking Docker and leftovers', async () => {
      await docker.ensureEngine()
      const swept = await sweepStale({ docker, netfilter }, true)
      if (swept.length > 0) info(`removed leftovers of crashed runs: ${swept.join(', ')}`)
    })
    const root = projectRoot()
    const [proxyImage, agentImage] = await hooks.phase('Preparing images', () =>
      Promise.all([ensureImage(docker, 'proxy', root, request.images), ensureImage(docker, 'agent', root, request.images)])
    )
    const upstreamDns = request.policy.dnsServers.length > 0 ? request.policy.dnsServers : detectUpstreamDns()

    const { topology, agentIp } = await hooks.phase('Creating networks', async () => {
      const [internal, egress] = pickFreeSubnets(await usedSubnets(docker), 2, Math.floor(Math.random() * 1024)) as [Ipv4Net, Ipv4Net]
      const spec = (name: string, bridgeName: string, net: Ipv4Net, internalOnly: boolean) => ({
        name,
        bridgeName,
        subnet: formatNet(net),
        internal: internalOnly,
        labels
      })
      track({ networks: [n.internalNetwork, n.egressNetwork] })
      await Promise.all([
        docker.networkCreate(spec(n.internalNetwork, n.internalBridge, internal, true)),
        docker.networkCreate(spec(n.egressNetwork, n.egressBridge, egress, false))
      ])
      const created: SandboxTopology = {
        runId,
        internalSubnet: { address: hostAddress(internal, 0), prefix: internal.prefix },
        internalBridge: n.internalBridge,
        proxyIp: hostAddress(internal, 2),
        egressSubnet: { address: hostAddress(egress, 0), prefix: egress.prefix },
        egressBridge: n.egressBridge,
        proxyEgressIp: hostAddress(egress, 2),
        upstreamDns
      }
      return { topology: created, agentIp: hostAddress(internal, 3) }
    })

    const rendered = await hooks.phase('Rendering configuration', async () => {
      const out = renderAll({ policy: request.policy, topology })
      writeConfigs(workDir, logsDir, out, topology.proxyIp)
      return out
    })

    await hooks.phase('Applying host firewall rules', async () => {
      track({ hostRules: true })
      await Promise.all([
        netfilter.restore(4, rendered['host-rules.v4']),
        netfilter.restore(6, rendered['host-rules.v6']),
        netfilter.enableNamespaceLogging()
      ])
    })

    await hooks.phase('Starting proxy', async () => {
      track({ containers: [n.proxy] })
      await docker.containerCreate({
        name: n.proxy,
        image: proxyImage,
        network: n.internalNetwork,
        ip: topology.proxyIp,
        labels,
        mounts: [
          { source: join(workDir, 'config'), target: PROXY_CONFIG_DIR, readOnly: true },
          { source: logsDir, target: PROXY_LOG_DIR, readOnly: false }
        ],
        env: {},
        capAdd: PROXY_CAPS,
        sysctls: {},
        init: false,
        command: []
      })
      await docker.networkConnect(n.egressNetwork, n.proxy, topology.proxyEgressIp)
      await docker.containerStart(n.proxy)
    })

    const ctlDir = join(workDir, 'ctl')
    mkdirSync(ctlDir, { mode: 0o755 })
    chmodSync(ctlDir, 0o755)
    const handshake = await Handshake.create(deps.run, ctlDir)
    try {
      const proxyUrl = `http://${topology.proxyIp}:${SQUID_PORT}`
      const agentSpec: ContainerSpec = {
        name: n.agent,
        image: agentImage,
        network: n.internalNetwork,
        ip: agentIp,
        labels,
        mounts: [
          { source: request.workspace, target: request.workspace, readOnly: false },
          { source: ctlDir, target: CONTROL_MOUNT, readOnly: true },
          { source: join(workDir, 'resolv.conf'), target: '/etc/resolv.conf', readOnly: true }
        ],
        env: {
          ...request.env,
          HTTP_PROXY: proxyUrl,
          HTTPS_PROXY: proxyUrl,
          http_proxy: proxyUrl,
          https_proxy: proxyUrl,
          NO_PROXY: 'localhost,127.0.0.1,::1',
          no_proxy: 'localhost,127.0.0.1,::1'
        },
        capAdd: [],
        user: request.user,
        workdir: request.workspace,
        seccompProfile: join(workDir, 'config', 'seccomp.json'),
        sysctls: {
          'net.ipv6.conf.all.disable_ipv6': '1',
          'net.ipv6.conf.default.disable_ipv6': '1',
          // Unprivileged ICMP sockets would let the command ping (and carry data) without NET_RAW.
          'net.ipv4.ping_group_range': '1 0'
        },
        pidsLimit: request.pidsLimit,
        memoryBytes: request.memoryBytes,
        init: true,
        command: request.command
      }

      track({ containers: [n.agent, n.proxy] })
      const agent = docker.runAttached(agentSpec, request.stdio)
      hooks.onAgent?.(agent)
      const exited = new Promise<number>((resolve) =>
        agent.on('exit', (code, signal) => resolve(code ?? (signal ? 128 + 15 : 1)))
      )

      const checks = await hooks.phase('Arming the sandbox', async () => {
        await Promise.all([
          waitForProxy(
            { host: topology.proxyIp, squidPort: SQUID_PORT, dnsPort: DNS_PORT, probeName: READINESS_PROBE_NAME },
            READY_TIMEOUT_MS,
            () => docker.containerRunning(n.proxy)
          ).catch(async (e: unknown) => {
            throw new Error(`${e instanceof Error ? e.message : String(e)}\nproxy log:\n${await docker.logs(n.proxy)}`)
          }),
          handshake.waitReady(READY_TIMEOUT_MS, exited)
        ])
        const pid = await docker.containerPid(n.agent)
        if (pid === undefined) throw new Error('the agent container is not running')
        const agentNet = netfilter.inNetns(pid)
        await agentNet.restore(4, rendered['container-rules.v4'])
        await agentNet.restore(6, rendered['container-rules.v6'])
        await agentNet.setDefaultRoute(topology.proxyIp)
        return selfCheck({ netfilter, agentNet, agentPid: pid, input: { policy: request.policy, topology } })
      }).catch((e: unknown) => {
        handshake.abort()
        throw e
      })

      hooks.onCommandStart?.()
      handshake.go()
      const exitCode = await exited
      hooks.onCommandEnd?.()
      return { runId, exitCode, logsDir: logsDir, checks }
    } finally {
      handshake.close()
    }
  } catch (e) {
    if (e instanceof DockerError) warning(e.result.stderr.trim())
    throw e
  } finally {
    await hooks.phase('Removing the sandbox', async () => {
      const problems = await teardown({ docker, netfilter }, resources)
      for (const p of problems) warning(p)
      track({ containers: [], networks: [], hostRules: false, workDir: undefined })
    })
  }
}
