/**
 * One firewalled run as its sequence of phases: prepare (work folder, images, networks,
 * configs), host rules, the agent's plan, arming (proxy, container rules, self-check, canary),
 * the command, and teardown whatever happened. Each phase lives in its own module.
 */
import { DockerError } from './docker.js'
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
  const run = beginRun(deps, request, hooks, runId)
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
    for (const problem of await teardown(run.deps, run.resources())) warning(problem)
    run.track({ containers: [], networks: [], hostRules: false, workDir: undefined })
  })
}
