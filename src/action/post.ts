/**
 * The action's post step: GitHub runs it even when the job failed or was cancelled. The main
 * step normally removes the sandbox itself; this removes whatever a killed main step left.
 */
import * as core from '@actions/core'
import { setLogger } from '../sandbox/log.js'
import { errorText } from '../common/errors.js'
import { realDeps } from '../sandbox/deps.js'
import { teardown } from '../sandbox/teardown.js'
import { hasResources, loadResources } from './state.js'

export async function post(): Promise<void> {
  setLogger({ debug: core.debug, info: core.info, warning: core.warning })
  try {
    const resources = loadResources()
    if (!resources || !hasResources(resources)) return
    await core.group(`Removing what run ${resources.runId} left behind`, async () => {
      for (const problem of await teardown(realDeps(), resources)) core.warning(problem)
    })
  } catch (e) {
    core.warning(`cleanup failed: ${errorText(e)}`)
  }
}
