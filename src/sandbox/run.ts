/**
 * One firewalled run, start to finish: networks, host rules, proxy, agent handshake,
 * container rules, self-check, the command, teardown. The only module that sequences I/O.
 */
import type { ChildProcess, StdioOptions } from 'node:child_process'
import {
  chmodSync,
  chownSync,
  copyFileSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import type { Policy } from '../policy/types.js'
import { READINESS_PROBE_NAME, renderAll, renderedFiles } from '../render/index.js'
import { DNS_PORT, SQUID_PORT, type RenderedConfig } from '../render/types.js'
import { withFixedEnv, proxyEnv } from '../agent/env.js'
import {
  planAgentFilesystem,
  type AgentMode,
  type FilesystemRequest,
  type PathKind
} from '../agent/filesystem.js'
import type { AgentLimits } from '../agent/limits.js'
import {
  agentSpec,
  canarySpec,
  netAdminHelperSpec,
  noProxyList,
  proxySpec,
  proxyUrl,
  type AgentOptions
} from './container-specs.js'
import { Docker, DockerError } from './docker.js'
import { OWNER_LABEL, RUN_LABEL, type ContainerSpec } from './docker-args.js'
import { runCommand, type CommandRunner } from './exec.js'
import { Handshake } from './handshake.js'
import { settleAll } from './settle.js'
import {
  ensureImage,
  ensurePrebuilt,
  findInitBinary,
  projectRoot,
  type ImageOptions
} from './images.js'
import { info, warning } from './log.js'
import { Netfilter } from './netfilter.js'
import { waitForProxy } from './readiness.js'
import { names, newRunId, ownerToken, type SandboxResources } from './resources.js'
import { selfCheck } from './self-check.js'
import { ablate, ablateAgent, ablatedLayer, runDespiteChecks } from './ablation.js'
import { runCanary } from './canary.js'
import { sweepStale, teardown } from './teardown.js'
import { createNetworks } from './topology.js'
import { watchFirewall } from './watchdog.js'
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
  readonly agent: AgentRequest
  /**
   * Host iptables rules (root or sudo). false = host-firewall off: the internal network, the
   * proxy, the forwarder and the container rules (installed by a NET_ADMIN helper) hold alone.
   */
  readonly hostFirewall: boolean
  readonly images: ImageOptions
  readonly stdio: StdioOptions
}

/** Who runs the command, in what, with what. */
export interface AgentRequest {
  /** An image to run the command in (image mode); absent = the runner's own tools (host mode). */
  readonly image?: string
  readonly uid: number
  readonly gid: number
  /** From buildAgentEnv; the firewall's own variables are added here. */
  readonly env: Readonly<Record<string, string>>
  readonly runner: Pick<
    FilesystemRequest,
    'runnerHome' | 'toolCache' | 'eventPath' | 'runnerRoot' | 'commandFiles' | 'dockerHost'
  >
  readonly limits: AgentLimits
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
  /** When the command was released: the sandbox's own probes come before it. */
  readonly commandStartMs: number
  /** The self-check's passed checks, for the log and the summary. */
  readonly checks: readonly string[]
  readonly mode: AgentMode
  /** The command was killed at agent-timeout (exit code 124). */
  readonly timedOut: boolean
  readonly hostFirewall: boolean
  /** Set when the command was killed because the proxy died or rules changed under it (125). */
  readonly firewallFailure?: string
  /** Runner paths hidden from the command because they fell inside a visible folder. */
  readonly masked: readonly string[]
}

const READY_TIMEOUT_MS = 60000
const CANARY_TIMEOUT_MS = 30000
/** The exit code of a command killed at agent-timeout, as timeout(1) uses. */
export const EXIT_TIMEOUT = 124
/** The exit code of a command killed because the firewall changed or failed under it. */
export const EXIT_FIREWALL_FAILED = 125

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

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e))

/** Container rules and route through nsenter; returns the namespace's rules as saved. */
async function armFromHost(
  agentNet: Netfilter,
  rendered: RenderedConfig,
  proxyIp: string
): Promise<() => Promise<readonly [string, string]>> {
  if (rendered['container-rules.v4']) await agentNet.restore(4, rendered['container-rules.v4'])
  if (rendered['container-rules.v6']) await agentNet.restore(6, rendered['container-rules.v6'])
  await agentNet.setDefaultRoute(proxyIp)
  return async () => [await agentNet.save(4), await agentNet.save(6)] as const
}

/** The same through the short-lived NET_ADMIN helper (host-firewall off); it prints the rules. */
async function armFromHelper(
  docker: Docker,
  spec: ContainerSpec
): Promise<() => Promise<readonly [string, string]>> {
  const r = await docker.runCaptured(spec, CANARY_TIMEOUT_MS)
  const m = /^=== v4\n([\s\S]*)^=== v6\n([\s\S]*)$/m.exec(r.stdout)
  if (r.exitCode !== 0 || !m)
    throw new Error(
      `the helper could not install the agent's rules (exit code ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`
    )
  const saved = [m[1]!, m[2]!] as const
  return () => Promise.resolve(saved)
}

function kindOf(path: string): PathKind {
  try {
    const st = lstatSync(path)
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other'
  } catch {
    return 'missing'
  }
}

/** The command's HOME: empty, and owned by the user the command runs as. */
function freshHome(workDir: string, uid: number, gid: number): string {
  const home = makeDir(join(workDir, 'home'), 0o700)
  if (process.getuid?.() === 0) chownSync(home, uid, gid)
  return home
}

function emptyFile(workDir: string): string {
  const path = join(workDir, 'empty')
  writeFileSync(path, '', { mode: 0o444 })
  return path
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

    await hooks.phase('Checking Docker', () => docker.ensureEngine())
    const root = projectRoot()
    const agentRequest = request.agent
    const { hostFirewall } = request
    const mode: AgentMode = agentRequest.image ? 'image' : 'host'
    const upstreamDns =
      request.policy.dnsServers.length > 0 ? request.policy.dnsServers : detectUpstreamDns()
    // Independent: leftovers of crashed runs, image checks (or builds) and the two networks
    // (a leftover's subnet may look taken for this run; there are 1,024 to pick from).
    track({ networks: [n.internalNetwork, n.egressNetwork] })
    const [proxyImage, ourAgentImage, givenImage, { topology, agentIp }] = await hooks.phase(
      'Preparing images and networks',
      () =>
        settleAll([
          ensureImage(docker, 'proxy', root, request.images),
          ensureImage(docker, 'agent', root, request.images),
          agentRequest.image
            ? ensurePrebuilt(docker, agentRequest.image, 'agent image')
            : undefined,
          createNetworks(docker, runId, labels, upstreamDns),
          sweepStale({ docker, netfilter }, hostFirewall).then((swept) => {
            if (swept.length > 0) info(`removed leftovers of crashed runs: ${swept.join(', ')}`)
          })
        ])
    )
    const layer = ablatedLayer()
    const rendered = ablate(renderAll({ policy: request.policy, topology }), topology, layer)
    // Test-only (see ablation.ts): a failed check becomes a warning instead of a refusal.
    const checked = (checks: Promise<string[]>): Promise<string[]> =>
      runDespiteChecks(layer)
        ? checks.catch((e: unknown) => {
            warning(`TEST ONLY, running anyway: ${errorText(e)}`)
            return []
          })
        : checks
    writeConfigs(workDir, logsDir, rendered, topology.proxyIp)

    // Before any container is attached to the new bridges.
    if (!hostFirewall) info('host-firewall off: no host iptables rules for this run')
    track({ hostRules: hostFirewall })
    if (hostFirewall)
      await hooks.phase('Applying host firewall rules', () =>
        settleAll([
          rendered['host-rules.v4'] && netfilter.restore(4, rendered['host-rules.v4']),
          rendered['host-rules.v6'] && netfilter.restore(6, rendered['host-rules.v6']),
          netfilter.enableNamespaceLogging()
        ])
      )

    const controlDir = makeDir(join(workDir, 'ctl'), 0o755)
    const filesystem = planAgentFilesystem({
      ...agentRequest.runner,
      mode,
      workspace: request.workspace,
      freshHome: freshHome(workDir, agentRequest.uid, agentRequest.gid),
      emptyFile: emptyFile(workDir),
      uid: agentRequest.uid,
      kindOf
    })
    if (filesystem.masked.length > 0)
      info(`hidden from the command: ${filesystem.masked.join(', ')}`)
    const hostAccess = request.policy.allowHostPorts.length > 0
    const { limits } = agentRequest
    const agentOptions: AgentOptions = {
      topology,
      agentIp,
      image: givenImage ?? ourAgentImage,
      labels,
      workspace: request.workspace,
      filesystem,
      entrypoint: join(root, 'containers', 'agent', 'entrypoint.sh'),
      initBinary: findInitBinary(),
      controlDir,
      resolvConf: join(workDir, 'resolv.conf'),
      seccompProfile: join(workDir, 'config', 'seccomp.json'),
      user: `${agentRequest.uid}:${agentRequest.gid}`,
      env: withFixedEnv(agentRequest.env, {
        ...proxyEnv(proxyUrl(topology), noProxyList(topology, hostAccess)),
        HOME: filesystem.home,
        TMPDIR: '/tmp'
      }),
      pidsLimit: limits.pidsLimit,
      memoryBytes: limits.memoryBytes,
      tty: limits.tty,
      hostAccess,
      command: request.command
    }
    const handshake = await Handshake.create(deps.run, controlDir)
    try {
      track({ containers: [n.canary, n.agent, n.proxy] })
      // The agent starts alongside the proxy: its entrypoint waits for `go` either way.
      const agent: ChildProcess = docker.runAttached(
        ablateAgent(agentSpec(agentOptions), layer),
        request.stdio
      )
      const exited = new Promise<number>((resolve) =>
        agent.on('exit', (code, signal) => resolve(code ?? (signal ? 143 : 1)))
      )
      const proxyContainer = proxySpec({
        topology,
        image: proxyImage,
        labels,
        configDir: join(workDir, 'config'),
        logsDir
      })

      const { checks, agentNet } = await hooks
        .phase('Starting proxy', async () => {
          try {
            await docker.containerCreate(proxyContainer)
            await docker.networkConnect(n.egressNetwork, n.proxy, topology.proxyEgressIp)
            await docker.containerStart(n.proxy)
          } catch (e) {
            throw new Error(`the proxy container (${proxyImage}) could not start: ${errorText(e)}`)
          }
        })
        .then(() =>
          hooks.phase('Arming the sandbox', async () => {
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
            const agentNet = hostFirewall ? netfilter.inNetns(pid) : undefined
            const agentRules = agentNet
              ? await armFromHost(agentNet, rendered, topology.proxyIp)
              : await armFromHelper(
                  docker,
                  netAdminHelperSpec(agentOptions, ourAgentImage, join(workDir, 'config'))
                )
            // Independent: the host-side self-check and the canary inside the namespace.
            const [passed, canary] = await settleAll([
              checked(
                selfCheck({
                  netfilter,
                  agentRules,
                  agentPid: pid,
                  input: { policy: request.policy, topology },
                  hostRules: hostFirewall
                })
              ),
              checked(
                runCanary(
                  (script) =>
                    docker.runCaptured(
                      canarySpec(agentOptions, ourAgentImage, script),
                      CANARY_TIMEOUT_MS
                    ),
                  netfilter,
                  { topology, logsDir, confirmDrops: hostFirewall }
                )
              )
            ])
            return { checks: [...passed, ...canary], agentNet }
          })
        )
        .catch((e: unknown) => {
          handshake.abort()
          throw e
        })

      hooks.onCommandStart?.()
      const commandStartMs = Date.now()
      handshake.go()
      let timedOut = false
      // On expiry the whole sandbox goes: the agent at once, the rest in teardown below.
      const timer =
        limits.timeoutMs > 0
          ? setTimeout(() => {
              timedOut = true
              docker.containerRemove([n.agent]).catch(() => undefined)
            }, limits.timeoutMs)
          : undefined
      let firewallFailure: string | undefined
      const stopWatching = runDespiteChecks(layer)
        ? () => undefined
        : watchFirewall({
            input: { policy: request.policy, topology },
            rules: agentNet ? { netfilter, agentNet } : undefined,
            proxyRunning: () => docker.containerRunning(n.proxy),
            onFailure: (problems) => {
              firewallFailure = problems.join('; ')
              docker.containerRemove([n.agent]).catch(() => undefined)
            }
          })
      const code = await exited
      clearTimeout(timer)
      stopWatching()
      hooks.onCommandEnd?.()
      return {
        runId,
        exitCode: firewallFailure ? EXIT_FIREWALL_FAILED : timedOut ? EXIT_TIMEOUT : code,
        firewallFailure,
        logsDir,
        agentIp,
        proxyIp: topology.proxyIp,
        commandStartMs,
        checks,
        mode,
        hostFirewall,
        timedOut,
        masked: filesystem.masked
      }
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
