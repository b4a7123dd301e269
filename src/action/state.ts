/**
 * State handed from the main step to the post step. Saved the instant a resource exists, so
 * a main step killed at any point leaves the post step enough to remove everything.
 */
import * as core from '@actions/core'
import { isRunId } from '../common/run-names.js'
import type { SandboxResources } from '../sandbox/resources.js'

const RESOURCES = 'sandbox-resources'

export function saveResources(resources: SandboxResources): void {
  core.saveState(RESOURCES, JSON.stringify(resources))
}

export function loadResources(): SandboxResources | undefined {
  const text = core.getState(RESOURCES)
  if (!text) return undefined
  const parsed = JSON.parse(text) as SandboxResources
  return isRunId(parsed.runId) ? parsed : undefined
}

/** Does the saved state still name anything to remove? */
export function hasResources(r: SandboxResources): boolean {
  return (
    r.containers.length > 0 ||
    r.networks.length > 0 ||
    r.hostRules ||
    r.workDir !== undefined ||
    r.lease !== undefined
  )
}
