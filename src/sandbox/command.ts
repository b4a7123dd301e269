/**
 * The command phase: `go`, then the agent-timeout timer and the watchdog while the command
 * runs, and the exit status the run reports.
 */
import { ExitCode } from '../common/exit-codes.js'
import { commandStartMark } from '../report/events.js'
import type { ArmedSandbox } from './arming.js'
import { checkGit } from './git-guard.js'
import type { PreparedRun } from './prepare.js'
import type { RunContext } from './run-context.js'
import type { RunOutcome } from './types.js'
import { watchFirewall, type StopWatching } from './watchdog.js'

/** What ended the command, mapped to the status the step and the CLI exit with. */
export function commandExitCode(end: {
  readonly status: number
  readonly timedOut: boolean
  readonly firewallFailure?: string
}): number {
  if (end.firewallFailure !== undefined) return ExitCode.sandbox
  if (end.timedOut) return ExitCode.timeout
  return end.status
}

export async function runCommandPhase(
  run: RunContext,
  prepared: PreparedRun,
  armed: ArmedSandbox
): Promise<RunOutcome> {
  const { agent } = armed
  const { docker, netfilter } = run.deps
  const { names, hooks, request } = run
  const kill = (): void => void docker.containerRemove([names.agent]).catch(() => undefined)
  try {
    hooks.onCommandStart?.()
    // The kernel's own clock marks the start, for telling the canary's drops from the command's.
    if (request.hostFirewall)
      await netfilter.markKernelLog(commandStartMark(run.runId)).catch(() => undefined)
    const commandStartMs = Date.now()
    armed.handshake.go()
    let timedOut = false
    // On expiry the whole sandbox goes: the agent at once, the rest in teardown.
    const { timeoutMs } = request.agent.limits
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true
            kill()
          }, timeoutMs)
        : undefined
    let firewallFailure: string | undefined
    const stopWatching: StopWatching = request.ablation?.runDespiteChecks
      ? () => Promise.resolve([])
      : watchFirewall({
          plans: prepared.plans,
          rules: armed.agentNet ? { netfilter, agentNet: armed.agentNet } : undefined,
          proxyRunning: () => docker.containerRunning(names.proxy),
          onFailure: (problems) => {
            firewallFailure = problems.join('; ')
            kill()
          }
        })
    const status = await armed.exited
    clearTimeout(timer)
    // Before teardown: the host rules (and their counters) are still in place.
    const drops = await stopWatching()
    hooks.onCommandEnd?.()
    // The agent container has exited: nothing changes the workspace any more.
    const gitFindings = checkGit(request.workspace, agent.git, run.logsDir)
    return {
      runId: run.runId,
      exitCode: commandExitCode({ status, timedOut, firewallFailure }),
      firewallFailure,
      logsDir: run.logsDir,
      agentIp: prepared.agentIp,
      proxyIp: prepared.topology.proxyIp,
      upstreamProxy: prepared.upstreamProxy,
      commandStartMs,
      checks: armed.checks,
      mode: prepared.mode,
      hostFirewall: prepared.hostRules,
      topologyOnly: prepared.topologyOnly,
      timedOut,
      masked: agent.masked,
      gitFindings,
      drops,
      images: prepared.images
    }
  } finally {
    armed.handshake.close()
  }
}
