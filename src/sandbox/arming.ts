/**
 * Starting the sandbox: the agent container (held at its handshake), the proxy, readiness,
 * the container rules, the self-check and the canary. Only when all of them pass does the
 * command get its `go`.
 */
import { statSync } from 'node:fs'
import { join } from 'node:path'
import { errorText } from '../common/errors.js'
import { READINESS_PROBE_NAME } from '../render/index.js'
import { DNS_PORT, SQUID_PORT, type RenderedConfig } from '../render/types.js'
import { ablateAgent } from './ablation.js'
import { installTrust, interceptionLine } from './agent-trust.js'
import type { AgentPlan } from './agent-plan.js'
import {
  agentSpec,
  netAdminHelperSpec,
  processInspectorSpec,
  proxySpec,
  readinessProbeSpec
} from './container-specs.js'
import type { Docker } from './docker.js'
import { placementFromPid, remoteDaemonError } from './docker-daemon.js'
import type { ContainerSpec } from './docker-args.js'
import { info, warning } from './log.js'
import type { Netfilter } from './netfilter.js'
import type { PreparedRun } from './prepare.js'
import type { RunContext } from './run-context.js'
import type { ProcessSecurity } from './process-check.js'
import { selfCheck } from './self-check.js'
import { INSPECT_SCRIPT, inspectInDaemon, waitForProxyInDaemon } from './topology-only.js'
import { proxyEnv } from './upstream-proxy.js'
import { settleAll } from './settle.js'
import type { AgentHandshake } from './types.js'
import { startCanary, type StartedCanary } from './canary.js'
import { abortAndClose } from './handshake.js'

const READY_TIMEOUT_MS = 60000
const CANARY_TIMEOUT_MS = 30000

type SavedRules = () => Promise<readonly [string, string]>

export interface ArmedSandbox {
  readonly agent: AgentPlan
  readonly handshake: AgentHandshake
  /** Resolves with the agent container's exit status. */
  readonly exited: Promise<number>
  readonly checks: readonly string[]
  /** The agent's namespace, to watch its rules (absent with host-firewall off). */
  readonly agentNet?: Netfilter
}

/** Container rules and route through nsenter; returns the namespace's rules as saved. */
async function armFromHost(
  agentNet: Netfilter,
  rendered: RenderedConfig,
  proxyIp: string
): Promise<SavedRules> {
  if (rendered['container-rules.v4']) await agentNet.restore(4, rendered['container-rules.v4'])
  if (rendered['container-rules.v6']) await agentNet.restore(6, rendered['container-rules.v6'])
  await agentNet.setDefaultRoute(proxyIp)
  return async () => [await agentNet.save(4), await agentNet.save(6)] as const
}

/** The same through the short-lived NET_ADMIN helper (host-firewall off); it prints the rules. */
async function armFromHelper(docker: Docker, spec: ContainerSpec): Promise<SavedRules> {
  const r = await docker.runCaptured(spec, CANARY_TIMEOUT_MS)
  const m = /^=== v4\n([\s\S]*)^=== v6\n([\s\S]*)$/m.exec(r.stdout)
  if (r.exitCode !== 0 || !m)
    throw new Error(
      `the helper could not install the agent's rules (exit code ${r.exitCode}): ${r.stderr.trim() || r.stdout.trim()}`
    )
  const saved = [m[1]!, m[2]!] as const
  return () => Promise.resolve(saved)
}

async function startProxy(run: RunContext, prepared: PreparedRun): Promise<void> {
  const { docker } = run.deps
  const { names } = run
  try {
    await docker.containerCreate(
      proxySpec({
        topology: prepared.topology,
        image: prepared.proxyImage,
        labels: run.labels,
        configDir: join(prepared.workDir, 'config'),
        logsDir: run.logsDir,
        logsGroup: statSync(run.logsDir).gid,
        env: proxyEnv(run.request.proxy)
      })
    )
    await docker.networkConnect(names.egressNetwork, names.proxy, prepared.topology.proxyEgressIp)
    await docker.containerStart(names.proxy)
  } catch (e) {
    throw new Error(`the proxy container (${prepared.proxyImage}) could not start: ${errorText(e)}`)
  }
}

async function waitUntilReady(
  run: RunContext,
  prepared: PreparedRun,
  agent: AgentPlan,
  handshake: AgentHandshake,
  exited: Promise<number>,
  onCanary: (canary: StartedCanary) => void
): Promise<AgentAccess> {
  const { docker, probes } = run.deps
  // A remote daemon's networks are not ours to reach: the probe runs in the proxy's namespace.
  const proxyReady = prepared.topologyOnly
    ? waitForProxyInDaemon(
        docker.runCaptured.bind(docker),
        (script) => readinessProbeSpec(agent.options, prepared.ourAgentImage, script),
        prepared.topology.proxyIp,
        READINESS_PROBE_NAME,
        READY_TIMEOUT_MS
      )
    : probes.waitForProxy(
        {
          host: prepared.topology.proxyIp,
          squidPort: SQUID_PORT,
          dnsPort: DNS_PORT,
          probeName: READINESS_PROBE_NAME
        },
        READY_TIMEOUT_MS,
        () => docker.containerRunning(run.names.proxy)
      )
  // The agent's rules go in, and the canary's container starts, while the proxy becomes
  // ready: the agent waits at its handshake and the canary at its gate, and nothing is
  // checked or sent before both are ready.
  const [, access] = await settleAll([
    proxyReady.catch(async (e: unknown) => {
      throw new Error(`${errorText(e)}\nproxy log:\n${await docker.logs(run.names.proxy)}`)
    }),
    handshake.waitReady(READY_TIMEOUT_MS, exited).then(async () => {
      const ready = await agentAccess(run, prepared, agent)
      onCanary(await startCanary(run, prepared, agent, READY_TIMEOUT_MS + CANARY_TIMEOUT_MS))
      return ready
    })
  ])
  return access
}

interface AgentAccess {
  readonly agentNet?: Netfilter
  readonly agentRules: SavedRules
  readonly processes: () => ProcessSecurity[] | Promise<ProcessSecurity[]>
}

/**
 * The container rules installed, and where the agent's rules and processes are read: through
 * its PID here, or on the daemon.
 */
async function agentAccess(
  run: RunContext,
  prepared: PreparedRun,
  agent: AgentPlan
): Promise<AgentAccess> {
  const { docker, netfilter, probes } = run.deps
  const helper = (): Promise<SavedRules> =>
    armFromHelper(
      docker,
      netAdminHelperSpec(agent.options, prepared.ourAgentImage, join(prepared.workDir, 'config'))
    )
  if (prepared.topologyOnly)
    return {
      agentRules: await helper(),
      processes: () =>
        inspectInDaemon(
          docker.runCaptured.bind(docker),
          processInspectorSpec(agent.options, prepared.ourAgentImage, INSPECT_SCRIPT)
        )
    }
  const pid = await docker.containerPid(run.names.agent)
  if (pid === undefined) throw new Error('the agent container is not running')
  // nsenter aims at this PID: it must be the agent as this machine sees it, not a process of
  // ours that happens to have the number the daemon reported from its own PID namespace.
  // Without host rules the PID is only read, but a daemon whose PIDs are not ours (a sidecar
  // sharing our network namespace) has mounted its own files for the runner's: refused too.
  if (!probes.isAgentProcess(pid, prepared.hostRules))
    throw remoteDaemonError(placementFromPid(pid))
  const agentNet = prepared.hostRules ? netfilter.inNetns(pid) : undefined
  return {
    agentNet,
    agentRules: agentNet
      ? await armFromHost(agentNet, prepared.rendered, prepared.topology.proxyIp)
      : await helper(),
    processes: () => probes.inspectProcesses(pid)
  }
}

/** The self-check and the canary's probes side by side. */
async function checkArmed(
  run: RunContext,
  prepared: PreparedRun,
  { agentNet, agentRules, processes }: AgentAccess,
  canary: StartedCanary
): Promise<{ checks: string[]; agentNet?: Netfilter }> {
  const { netfilter, probes } = run.deps
  const { topology } = prepared
  // Test-only (see ablation.ts): a failed check becomes a warning instead of a refusal.
  const checked = (checks: Promise<string[]>): Promise<string[]> =>
    run.request.ablation?.runDespiteChecks
      ? checks.catch((e: unknown) => {
          warning(`TEST ONLY, running anyway: ${errorText(e)}`)
          return []
        })
      : checks
  const [passed, probed] = await settleAll([
    checked(
      selfCheck({
        netfilter,
        agentRules,
        plans: prepared.plans,
        processes,
        hostRules: prepared.hostRules
      })
    ),
    checked(
      probes.canary((script) => canary.release(script, CANARY_TIMEOUT_MS), netfilter, {
        topology,
        logsDir: run.logsDir,
        confirmDrops: prepared.hostRules
      })
    )
  ])
  return { checks: [...passed, ...probed], agentNet }
}

interface StartedAgent {
  readonly agent: AgentPlan
  readonly handshake: AgentHandshake
  readonly exited: Promise<number>
}

/**
 * The agent's plan, then its container, which waits at its handshake for `go`; no container
 * when the proxy failed to start while the plan was made.
 */
async function startAgent(
  run: RunContext,
  plan: () => Promise<AgentPlan>,
  proxyFailed: () => boolean
): Promise<StartedAgent | undefined> {
  const agent = await plan()
  if (proxyFailed()) return undefined
  const handshake = await run.deps.probes.openHandshake(agent.controlDir)
  const exited = run.deps.docker.runAttached(
    ablateAgent(agentSpec(agent.options), run.request.ablation?.layer),
    run.request.stdio
  )
  // Awaited by the handshake and the command phase; a failure before them must not go unhandled.
  exited.catch(() => undefined)
  return { agent, handshake, exited }
}

/** How long a failed start waits for the agent's and the canary's runs to end after `abort`. */
const ABORT_WAIT_MS = 10_000

/** Starts everything and checks it; on failure the agent is told to abort and never runs. */
export async function arm(
  run: RunContext,
  prepared: PreparedRun,
  plan: () => Promise<AgentPlan>
): Promise<ArmedSandbox> {
  const { names, hooks } = run
  run.track({
    containers: [
      names.canary,
      names.helper,
      names.agent,
      names.proxy,
      ...(prepared.topologyOnly ? [names.pathsProbe, names.readyProbe, names.inspector] : [])
    ]
  })
  let started: StartedAgent | undefined
  let canary: StartedCanary | undefined
  let proxyFailed = false
  try {
    // The proxy needs only the networks and starts at once; the agent starts alongside as soon
    // as its plan is made (a root command's plan waits for the root-only scan).
    await hooks.phase('Starting proxy', () =>
      settleAll([
        startProxy(run, prepared).catch((e: unknown) => {
          proxyFailed = true
          throw e
        }),
        startAgent(run, plan, () => proxyFailed).then((s) => {
          started = s
        })
      ])
    )
    const { agent, handshake, exited } = started!
    const { checks, agentNet } = await hooks.phase('Arming the sandbox', async () => {
      const access = await waitUntilReady(run, prepared, agent, handshake, exited, (c) => {
        canary = c
      })
      const interception = run.request.proxy?.interception
      if (interception && interception.hosts.length > 0) {
        info(interceptionLine(interception))
        await installTrust({
          docker: run.deps.docker,
          agent: names.agent,
          workDir: prepared.workDir,
          logsDir: run.logsDir,
          caCertificates: interception.caCertificates
        })
      }
      return checkArmed(run, prepared, access, canary!)
    })
    return { agent, handshake, exited, checks, agentNet }
  } catch (e) {
    await Promise.all([
      canary?.abandon(ABORT_WAIT_MS),
      started && abortAndClose(started.handshake, started.exited, ABORT_WAIT_MS)
    ])
    throw e
  }
}
