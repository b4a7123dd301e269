/**
 * The action's post step: GitHub runs it even when the job failed or was cancelled. The main
 * step removes the sandbox itself, or hands its inert rest to a background reaper
 * (src/sandbox/reaper.ts); this waits for that reaper to let go of the run's lease, then
 * removes whatever is left (by a killed main step, or a reaper that died).
 */
import * as core from '@actions/core'
import { setLogger } from '../sandbox/log.js'
import { errorText } from '../common/errors.js'
import { realDeps } from '../sandbox/deps.js'
import { leaseReleased } from '../sandbox/lease.js'
import { teardown } from '../sandbox/teardown.js'
import { hasResources, loadResources } from './state.js'

/** How long the post step waits for the main step's background reaper (it needs about 0.5 s). */
const REAPER_WAIT_MS = 30000

export async function post(): Promise<void> {
  setLogger({ debug: core.debug, info: core.info, warning: core.warning })
  try {
    const resources = loadResources()
    if (!resources || !hasResources(resources)) return
    // Lease files go last, once everything else is: absent, the reaper (or a sweep) is done.
    const lease = resources.lease && (await leaseReleased(resources.lease, REAPER_WAIT_MS))
    if (lease === 'absent') return
    await core.group(`Removing what run ${resources.runId} left behind`, async () => {
      if (lease === 'held')
        core.info(
          `the run's reaper still works after ${REAPER_WAIT_MS / 1000} s: removing alongside it`
        )
      for (const problem of await teardown(realDeps(), resources)) core.warning(problem)
    })
  } catch (e) {
    core.warning(`cleanup failed: ${errorText(e)}`)
  }
}
