/** The agent container's options: its filesystem plan, environment, limits and mounts. */
import { copyFileSync } from 'node:fs'
import { join } from 'node:path'
import { proxyEnv, withFixedEnv } from '../agent/env.js'
import { planAgentFilesystem, type AgentFilesystem, type AgentMode } from '../agent/filesystem.js'
import { withObservations } from '../agent/runner-paths.js'
import { TRUST_MOUNT, trustEnv } from '../agent/trust-store.js'
import { makeTrustDir } from './agent-trust.js'
import { noProxyList, proxyUrl, type AgentOptions } from './container-specs.js'
import { guardGit, type GitGuard } from './git-guard.js'
import { info, warning } from './log.js'
import { startRootOnlyScan, withRootOnlyMasked, type PendingRootOnlyScan } from './root-only.js'
import type { PreparedRun } from './prepare.js'
import type { RunContext } from './run-context.js'
import { prepareHomeDirs } from './runner-facts.js'
import { sharedBinds } from './topology-only.js'
import { emptyFile, emptyFilePath, freshHome, homePath, kindOf, makeDir } from './work-dir.js'

export interface AgentPlan {
  readonly options: AgentOptions
  readonly controlDir: string
  /** Runner paths hidden from the command because they fell inside a visible folder. */
  readonly masked: readonly string[]
  /** The git metadata before the command, compared with what it leaves. */
  readonly git: GitGuard
}

/** What the command sees of the runner: its mounts, HOME and masked paths. */
function plannedFilesystem(
  run: RunContext,
  mode: AgentMode,
  home: string,
  empty: string
): AgentFilesystem {
  const { request } = run
  const { agent } = request
  return planAgentFilesystem({
    ...withObservations(agent.runner, run.deps.probes.observeRunner()),
    mode,
    workspace: request.workspace,
    freshHome: home,
    homeFiles: agent.homeConfig,
    emptyFile: empty,
    uid: agent.uid,
    kindOf
  })
}

/**
 * When the command will run as root in host mode, starts the root-only scan of the folders
 * it will see, to run while images and networks are prepared (about 0.5 s on a runner with
 * 136,000 entries). The plan made later uses it only if it shows the same folders.
 */
export function scanAhead(run: RunContext, workDir: string): PendingRootOnlyScan | undefined {
  const { agent } = run.request
  if (agent.uid !== 0 || agent.image) return undefined
  try {
    const planned = plannedFilesystem(run, 'host', homePath(workDir), emptyFilePath(workDir))
    return startRootOnlyScan(planned, run.request.workspace, run.deps.probes.scanRootOnly)
  } catch {
    // A request the plan refuses: planAgent says why, at its place in the run.
    return undefined
  }
}

export async function planAgent(run: RunContext, prepared: PreparedRun): Promise<AgentPlan> {
  const { request } = run
  const { agent } = request
  const { workDir, topology } = prepared
  const controlDir = makeDir(join(workDir, 'ctl'), 0o755)
  const home = freshHome(workDir, agent.uid, agent.gid)
  const empty = emptyFile(workDir)
  const planned = plannedFilesystem(run, prepared.mode, home, empty)
  prepareHomeDirs(home, planned.homeDirs, agent.uid, agent.gid)
  const git = guardGit(request.workspace, request.protectGit)
  const intercepting = (request.proxy?.interception?.hosts.length ?? 0) > 0
  const trust = intercepting
    ? [{ source: makeTrustDir(workDir), target: TRUST_MOUNT, readOnly: true }]
    : []
  const base = { ...planned, binds: [...planned.binds, ...git.binds, ...trust] }
  const filesystem = prepared.topologyOnly
    ? {
        ...base,
        binds: sharedBinds(
          base.binds,
          [workDir, request.workspace],
          join(workDir, 'runner-files'),
          kindOf,
          copyFileSync
        )
      }
    : await rootOnlyMasked(run, base, agent.uid, prepared, request.workspace, empty)
  if (filesystem.masked.length > 0) info(`hidden from the command: ${filesystem.masked.join(', ')}`)
  const hostAccess = request.policy.allowHostPorts.length > 0
  const { limits } = agent
  return {
    controlDir,
    git,
    masked: filesystem.masked,
    options: {
      topology,
      agentIp: prepared.agentIp,
      image: prepared.commandImage,
      labels: run.labels,
      workspace: request.workspace,
      filesystem,
      entrypoint: prepared.entrypoint,
      // A remote daemon runs its own init (`--init`); the runner's is not on its machine.
      initBinary: prepared.topologyOnly ? undefined : run.deps.probes.findInitBinary(),
      controlDir,
      resolvConf: join(workDir, 'resolv.conf'),
      seccompProfile: join(workDir, 'config', 'seccomp.json'),
      user: `${agent.uid}:${agent.gid}`,
      env: withFixedEnv(agent.env, {
        ...firewallEnv(
          proxyEnv(proxyUrl(topology), noProxyList(topology, hostAccess)),
          intercepting
        ),
        HOME: filesystem.home,
        TMPDIR: '/tmp'
      }),
      pidsLimit: limits.pidsLimit,
      memoryBytes: limits.memoryBytes,
      tty: limits.tty,
      hostAccess,
      command: request.command
    }
  }
}

/** The proxy settings, and with interception the trust variables (JVM options joined). */
function firewallEnv(proxy: Record<string, string>, intercepting: boolean): Record<string, string> {
  if (!intercepting) return proxy
  const trust = trustEnv()
  return {
    ...proxy,
    ...trust,
    JAVA_TOOL_OPTIONS: [proxy.JAVA_TOOL_OPTIONS, trust.JAVA_TOOL_OPTIONS].join(' ')
  }
}

/** Root runners (host mode): a command running as root would read root-only files as owner. */
async function rootOnlyMasked(
  run: RunContext,
  filesystem: AgentFilesystem,
  uid: number,
  prepared: PreparedRun,
  workspace: string,
  empty: string
): Promise<AgentFilesystem> {
  if (uid !== 0 || prepared.mode !== 'host') return filesystem
  const masked = await withRootOnlyMasked(
    filesystem,
    workspace,
    empty,
    run.deps.probes.scanRootOnly,
    prepared.rootOnlyScan
  )
  const { scan } = masked
  info(
    `the command runs as root: ${scan.found.length} root-only system paths hidden (${scan.visited} entries scanned in ${scan.ms} ms)`
  )
  if (scan.truncated)
    warning(`the root-only scan stopped after ${scan.visited} entries: files beyond are not hidden`)
  return masked.filesystem
}
