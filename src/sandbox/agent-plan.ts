/** The agent container's options: its filesystem plan, environment, limits and mounts. */
import { join } from 'node:path'
import { proxyEnv, withFixedEnv } from '../agent/env.js'
import { planAgentFilesystem } from '../agent/filesystem.js'
import { noProxyList, proxyUrl, type AgentOptions } from './container-specs.js'
import { info } from './log.js'
import type { PreparedRun } from './prepare.js'
import type { RunContext } from './run-context.js'
import { emptyFile, freshHome, kindOf, makeDir } from './work-dir.js'

export interface AgentPlan {
  readonly options: AgentOptions
  readonly controlDir: string
  /** Runner paths hidden from the command because they fell inside a visible folder. */
  readonly masked: readonly string[]
}

export function planAgent(run: RunContext, prepared: PreparedRun): AgentPlan {
  const { request } = run
  const { agent } = request
  const { workDir, topology } = prepared
  const controlDir = makeDir(join(workDir, 'ctl'), 0o755)
  const filesystem = planAgentFilesystem({
    ...agent.runner,
    mode: prepared.mode,
    workspace: request.workspace,
    freshHome: freshHome(workDir, agent.uid, agent.gid),
    emptyFile: emptyFile(workDir),
    uid: agent.uid,
    kindOf
  })
  if (filesystem.masked.length > 0) info(`hidden from the command: ${filesystem.masked.join(', ')}`)
  const hostAccess = request.policy.allowHostPorts.length > 0
  const { limits } = agent
  return {
    controlDir,
    masked: filesystem.masked,
    options: {
      topology,
      agentIp: prepared.agentIp,
      image: prepared.commandImage,
      labels: run.labels,
      workspace: request.workspace,
      filesystem,
      entrypoint: join(prepared.root, 'containers', 'agent', 'entrypoint.sh'),
      initBinary: run.deps.probes.findInitBinary(),
      controlDir,
      resolvConf: join(workDir, 'resolv.conf'),
      seccompProfile: join(workDir, 'config', 'seccomp.json'),
      user: `${agent.uid}:${agent.gid}`,
      env: withFixedEnv(agent.env, {
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
  }
}
