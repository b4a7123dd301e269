/**
 * Removing the sandbox: a run's own teardown (also the CLI's on a signal, and the action's
 * post step), and the sweep of crashed runs at the start of a run.
 */
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { defaultLeaseDir } from './lease.js'
import { info, warning } from './log.js'
import { removeRun, type TeardownDeps } from './removal.js'
import type { SandboxResources } from './resources.js'
import { sweep } from './sweep.js'

export type { TeardownDeps } from './removal.js'

/** Removes one run's sandbox as the run (or the post step after it) knows it. */
export async function teardown(deps: TeardownDeps, r: SandboxResources): Promise<string[]> {
  return removeRun(deps, {
    runId: r.runId,
    containers: r.containers,
    networks: r.networks,
    hostRules: r.hostRules,
    folders: r.workDir && existsSync(r.workDir) ? [r.workDir] : [],
    lease: r.lease
  })
}

/**
 * The sweep at the start of a run: logs one line per thing removed, warns about what could
 * not be (the next sweep tries again), and returns the dead runs it cleaned up after.
 */
export async function sweepStale(
  deps: TeardownDeps,
  canUseNetfilter: boolean,
  tempRoot: string = process.env.RUNNER_TEMP || tmpdir()
): Promise<string[]> {
  const outcome = await sweep(deps, {
    canUseNetfilter,
    leaseDir: defaultLeaseDir(tempRoot),
    tempRoots: [tempRoot]
  })
  for (const line of outcome.removed) info(line)
  for (const problem of outcome.problems) warning(`leftovers of a crashed run: ${problem}`)
  return [...outcome.runs]
}
