/**
 * Removing the sandbox: a run's own teardown (also the CLI's on a signal, and the action's
 * post step), and the sweep of crashed runs at the start of a run.
 */
import { existsSync } from 'node:fs'
import { dirname } from 'node:path'
import { restoreNamespaceLogging } from './namespace-logging.js'
import { defaultLeaseDir } from './lease.js'
import { info, warning } from './log.js'
import { removeRun, type TeardownDeps } from './removal.js'
import type { SandboxResources } from './resources.js'
import { sweep } from './sweep.js'

export type { TeardownDeps } from './removal.js'

/**
 * Removes one run's sandbox as the run (or the post step after it) knows it; when all of it
 * is gone and no other run is left on the machine, the kernel setting runs change goes back.
 */
export async function teardown(deps: TeardownDeps, r: SandboxResources): Promise<string[]> {
  const problems = await removeRun(deps, {
    runId: r.runId,
    containers: r.containers,
    networks: r.networks,
    hostRules: r.hostRules,
    folders: r.workDir && existsSync(r.workDir) ? [r.workDir] : [],
    lease: r.lease
  })
  if (problems.length === 0 && r.lease && r.hostRules) {
    const restored = await restoreNamespaceLogging(deps, dirname(r.lease)).catch((e: unknown) => {
      problems.push(`restoring a kernel setting: ${e instanceof Error ? e.message : String(e)}`)
      return undefined
    })
    if (restored) info(restored)
  }
  return problems
}

/**
 * The sweep at the start of a run: logs one line per thing removed, warns about what could
 * not be (the next sweep tries again), and returns the dead runs it cleaned up after.
 */
export async function sweepStale(
  deps: TeardownDeps,
  canUseNetfilter: boolean,
  tempRoot: string,
  leaseDir: string = defaultLeaseDir(tempRoot)
): Promise<string[]> {
  const outcome = await sweep(deps, { canUseNetfilter, leaseDir, tempRoots: [tempRoot] })
  for (const line of outcome.removed) info(line)
  for (const problem of outcome.problems) warning(`leftovers of a crashed run: ${problem}`)
  return [...outcome.runs]
}
