/**
 * One firewalled run, start to finish: networks, host rules, proxy, agent handshake,
 * container rules, self-check, the command, teardown. The only module that sequences I/O.
 */
import type { ChildProcess, StdioOptions } from 'node:child_process'
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Policy } from '../policy/types.js'
import { READINESS_PROBE_NAME, renderAll, renderedFiles } from '../render/index.js'
import { DNS_PORT, SQUID_PORT, type RenderedConfig } from '../render/types.js'
import { agentSpec, proxySpec } from './container-specs.js'
import { Docker, DockerError } from './docker.js'
import { OWNER_LABEL, RUN_LABEL } from './docker-args.js'
import { runCommand, type CommandRunner } from './exec.js'
import { Handshake } from './handshake.js'
import { ensureImage, projectRoot, type ImageOptions } from './images.js'
import { info, warning } from './log.js'
import { Netfilter } from './netfilter.js'
import { waitForProxy } from './readiness.js'
import { names, newRunId, ownerToken, type SandboxResources } from './resources.js'
import { selfCheck } from './self-check.js'
import { ablate, ablatedLayer } from './ablation.js'
import { runCanary } from './canary.js'
import { sweepStale, teardown } from './teardown.js'
import { createNetworks } from './topology.js'
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
}

export interface RunOutcome {
  readonly runId: string
  readonly exitCode: number
  readonly logsDir: string
  /** The agent's address: its traffic is what the report counts. */
  readonly agentIp: string
  readonly proxyIp: string
  /** The self-check's passed checks, for the log and the summary. */
  readonly checks: readonly string[]
}

const READY_TIMEOUT_MS = 60000

export interface SandboxDeps {
  readonly docker: Docker
  readonly netfilter: Netfilter
  readonly run: CommandRunner
}

export function realDeps(): SandboxDeps {
  return { docker: new Docker(runCommand), netfilter: new Netfilter(runCommand), run: runCommand }
}

/** A folder the given users can read (and, for logs, write) inside containers. */
function makeDir(path: string, mode: number): string {
  mkdirSync(path, { recursive: true })
  chmodSync(path, mode)
  return path
}

function writeConfigs(
  workDir: string,
  logsDir: string,
  rendered: RenderedConfig,
  proxyIp: string
): void {
  const configDir = makeDir(join(workDir, 'config'), 0o755)
  const kept = makeDir(join(logsDir, 'config'), 0o755)
  for (const [file, text] of renderedFiles(rendered)) {
    writeFileSync(join(configDir, file), text, { mode: 0o644 })
    copyFileSync(join(configDir, file), join(kept, file))
  }
  writeFileSync(join(workDir, 'resolv.conf'), `nameserver ${proxyIp}\noptions ndots:0\n`, {
    mode: 0o644
  })
}

/** Runs `request.command` in a new sandbox and removes the sandbox whatever happens. */
export async function runSandboxed(
  deps: SandboxDeps,
  request: SandboxRequest,
  hooks: SandboxHooks
): Promise<RunOutcome> {
  const runId = newRunId()
  const n = names(runId)
  const labels = { [RUN_LABEL]: runId, [OWNER_LABEL]: ownerToken() }
  const { docker, netfilter } = deps
  const logsDir = request.logsDir ?? join(request.tempRoot, `awf-logs-${runId}`)
  let resources: SandboxResources = { runId, containers: [], networks: [], hostRules: false }
  const track = (change: Partial<SandboxResources>): void => {
    resources = { ...resources, ...change }
    hooks.onResources(resources)
  }
  try {
    const workDir = mkdtempSync(join(request.tempRoot, `awf-${runId}-`))
    track({ workDir })
    // Squid and dnsmasq write here as their own users inside the proxy container.
    makeDir(logsDir, 0o777)

    await hooks.phase('Checking Docker and leftovers', async () => {
      await docker.ensureEngine()
      const swept = await sweepStale({ docker, netfilter }, true)
      if (swept.length > 0) info(`removed leftovers of crashed runs: ${swept.join(', ')}`)
    })
    const root = projectRoot()
    const [proxyImage, agentImage] = await hooks.phase('Preparing images', () =>
      Promise.all(
        (['proxy', 'agent'] as const).map((kind) => ensureImage(docker, kind, root, request.images))
      )
    )
    const upstreamDns =
      request.policy.dnsServers.length > 0 ? request.policy.dnsServers : detectUpstreamDns()

    track({ networks: [n.internalNetwork, n.egressNetwork] })
    const { topology, agentIp } = await hooks.phase('Creating networks', () =>
      createNetworks(docker, runId, labels, upstreamDns)
    )
    const rendered = ablate(
      renderAll({ policy: request.policy, topology }),
      topology,
      ablatedLayer()
    )
    writeConfigs(workDir, logsDir, rendered, topology.proxyIp)

    // Before any container is attached to the new bridges.
    track({ hostRules: true })
    await hooks.phase('Applying host firewall rules', () =>
      Promise.all([
        netfilter.restore(4, rendered['host-rules.v4']),
        netfilter.restore(6, rendered['host-rules.v6']),
        netfilter.enableNamespaceLogging()
      ])
    )

    track({ containers: [n.proxy] })
    await hooks.phase('Starting proxy', async () => {
      const spec = proxySpec({
        topology,
        image: proxyImage!,
        labels,
        configDir: join(workDir, 'config'),
        logsDir
      })
      await docker.containerCreate(spec)
      await docker.networkConnect(n.egressNetwork, n.proxy, topology.proxyEgressIp)
      await docker.containerStart(n.proxy)
    })

    const controlDir = makeDir(join(workDir, 'ctl'), 0o755)
    const handshake = await Handshake.create(deps.run, controlDir)
    try {
      track({ containers: [n.agent, n.proxy] })
      const agent: ChildProcess = docker.runAttached(
        agentSpec({
          topology,
          agentIp,
          image: agentImage!,
          labels,
          workspace: request.workspace,
          controlDir,
          resolvConf: join(workDir, 'resolv.conf'),
          seccompProfile: join(workDir, 'config', 'seccomp.json'),
          user: request.user,
          env: request.env,
          pidsLimit: request.pidsLimit,
          memoryBytes: request.memoryBytes,
          command: request.command
        }),
        request.stdio
      )
      const exited = new Promise<number>((resolve) =>
        agent.on('exit', (code, signal) => resolve(code ?? (signal ? 143 : 1)))
      )

      const checks = await hooks
        .phase('Arming the sandbox', async () => {
          await Promise.all([
            waitForProxy(
              {
                host: topology.proxyIp,
                squidPort: SQUID_PORT,
                dnsPort: DNS_PORT,
                probeName: READINESS_PROBE_NAME
              },
              READY_TIMEOUT_MS,
              () => docker.containerRunning(n.proxy)
            ).catch(async (e: unknown) => {
              const why = e instanceof Error ? e.message : String(e)
              throw new Error(`${why}\nproxy log:\n${await docker.logs(n.proxy)}`)
            }),
            handshake.waitReady(READY_TIMEOUT_MS, exited)
          ])
          const pid = await docker.containerPid(n.agent)
          if (pid === undefined) throw new Error('the agent container is not running')
          const agentNet = netfilter.inNetns(pid)
          if (rendered['container-rules.v4'])
            await agentNet.restore(4, rendered['container-rules.v4'])
          if (rendered['container-rules.v6'])
            await agentNet.restore(6, rendered['container-rules.v6'])
          await agentNet.setDefaultRoute(topology.proxyIp)
          const passed = await selfCheck({
            netfilter,
            agentNet,
            agentPid: pid,
            input: { policy: request.policy, topology }
          })
          const canary = await runCanary(docker, netfilter, { agent: n.agent, topology, logsDir })
          return [...passed, ...canary]
        })
        .catch((e: unknown) => {
          handshake.abort()
          throw e
        })

      hooks.onCommandStart?.()
      handshake.go()
      const exitCode = await exited
      hooks.onCommandEnd?.()
      return { runId, exitCode, logsDir, agentIp, proxyIp: topology.proxyIp, checks }
    } finally {
      handshake.close()
    }
  } catch (e) {
    if (e instanceof DockerError && e.result.stderr.trim()) warning(e.result.stderr.trim())
    throw e
  } finally {
    await hooks.phase('Removing the sandbox', async () => {
      for (const problem of await teardown({ docker, netfilter }, resources)) warning(problem)
      track({ containers: [], networks: [], hostRules: false, workDir: undefined })
    })
  }
}
