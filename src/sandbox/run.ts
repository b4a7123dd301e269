/**
 * One firewalled run as its sequence of phases: prepare (work folder, images, networks,
 * configs), host rules, the agent's plan, arming (proxy, container rules, self-check, canary),
 * the command, and teardown whatever happened. Each phase lives in its own module.
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
  try {
    const prepared = await prepare(run)
    await applyHostRules(run, prepared)
    const agent = planAgent(run, prepared)
    const armed = await arm(run, prepared, agent)
    return await runCommandPhase(run, prepared, agent, armed)
  } catch (e) {
    if (e instanceof DockerError && e.result.stderr.trim()) warning(e.result.stderr.trim())
    throw e
  } finally {
    await removeSandbox(run)
  }
}

async function removeSandbox(run: RunContext): Promise<void> {
  await run.hooks.phase('Removing the sandbox', async () => {
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
