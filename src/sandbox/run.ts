/**
 * One firewalled run as its sequence of phases: prepare (work folder, images, networks,
 * configs), host rules, arming (proxy, the agent's plan and container, container rules,
 * self-check, canary), the command, and teardown whatever happened. Each phase lives in its
 * own module. After a command that ended, the teardown's inert rest goes to a background
 * reaper (reaper.ts).
 */
import { newRunId } from '../common/run-names.js'
import { DockerError } from './docker.js'
import { defaultLeaseDir, Lease } from './lease.js'
import { planAgent } from './agent-plan.js'
import { arm } from './arming.js'
import { runCommandPhase } from './command.js'
import { warning } from './log.js'
import { applyHostRules, prepare } from './prepare.js'
import { beginRun, type RunContext } from './run-context.js'
import { handOver } from './reaper.js'
import { removeRun } from './removal.js'
import { debug } from './log.js'
import { teardown } from './teardown.js'
import type { RunOutcome, SandboxDeps, SandboxHooks, SandboxRequest } from './types.js'

export type * from './types.js'
export { realDeps } from './deps.js'

/** Runs `request.command` in a new sandbox and removes the sandbox whatever happens. */
export async function runSandboxed(
  deps: SandboxDeps,
  request: SandboxRequest,
  hooks: SandboxHooks,
  runId?: string
): Promise<RunOutcome> {
  // The lease comes first: from here on, whatever the run leaves is the sweep's to find.
  const leaseDir = request.leaseDir ?? defaultLeaseDir(request.tempRoot)
  const lease = await Lease.take(
    deps.exec.run,
    leaseDir,
    runId ? () => runId : newRunId,
    request.tempRoot
  )
  const run = beginRun(deps, request, hooks, lease, leaseDir)
  let ended = false
  try {
    const prepared = await prepare(run)
    await applyHostRules(run, prepared)
    const armed = await arm(run, prepared, () => planAgent(run, prepared))
    const outcome = await runCommandPhase(run, prepared, armed)
    ended = true
    return outcome
  } catch (e) {
    if (e instanceof DockerError && e.result.stderr.trim()) warning(e.result.stderr.trim())
    throw e
  } finally {
    await removeSandbox(run, ended)
  }
}

/**
 * After a command that ended: removes here what runs, enforces or holds a secret, then hands
 * the inert rest (networks, work folder, lease) to the reaper. False when nothing was handed
 * over (no reaper, or something could not be removed here): the whole teardown runs here.
 */
async function handOverRest(run: RunContext): Promise<boolean> {
  const r = run.resources()
  const running = await removeRun(run.deps, {
    runId: r.runId,
    containers: r.containers,
    networks: r.networks,
    hostRules: r.hostRules,
    folders: [],
    secretsOf: r.workDir,
    stage: 'running'
  })
  if (running.length > 0) return false
  const pid = await handOver(run.deps.exec, run.deps.reaper, run.lease, {
    resources: { ...r, containers: [] },
    logFile: `${run.logsDir}/teardown.log`
  })
  if (pid === undefined) return false
  // The reaper holds the lease now; ours closes without removing its files.
  run.lease.release(false)
  debug(`the networks and temporary files are removed in the background by process ${pid}`)
  return true
}

async function removeSandbox(run: RunContext, commandEnded: boolean): Promise<void> {
  await run.hooks.phase('Removing the sandbox', async () => {
    if (commandEnded && (await handOverRest(run))) return
    const problems = await teardown(run.deps, run.resources())
    for (const problem of problems) warning(problem)
    // With problems left, the lease's files stay (unheld) for the post step or the next sweep.
    run.lease.release(problems.length === 0)
    if (problems.length === 0)
      run.track({
        containers: [],
        networks: [],
        hostRules: false,
        workDir: undefined,
        lease: undefined
      })
  })
}
