/** What every phase of one run shares: its names, labels, logs folder and resource ledger. */
import { join } from 'node:path'
import { newRunId, runNames } from '../common/run-names.js'
import { OWNER_LABEL, RUN_LABEL } from './docker-args.js'
import { ownerToken, type SandboxResources } from './resources.js'
import type { SandboxDeps, SandboxHooks, SandboxRequest } from './types.js'

export interface RunContext {
  readonly deps: SandboxDeps
  readonly request: SandboxRequest
  readonly hooks: SandboxHooks
  readonly runId: string
  readonly names: ReturnType<typeof runNames>
  readonly labels: Readonly<Record<string, string>>
  readonly logsDir: string
  /**
   * Records what the run holds, called before each resource is created so that a run killed
   * at any point leaves teardown (or the post step) its name.
   */
  readonly track: (change: Partial<SandboxResources>) => void
  readonly resources: () => SandboxResources
}

export function beginRun(
  deps: SandboxDeps,
  request: SandboxRequest,
  hooks: SandboxHooks,
  runId = newRunId()
): RunContext {
  const names = runNames(runId)
  let resources: SandboxResources = { runId, containers: [], networks: [], hostRules: false }
  return {
    deps,
    request,
    hooks,
    runId,
    names,
    labels: { [RUN_LABEL]: runId, [OWNER_LABEL]: ownerToken() },
    logsDir: request.logsDir ?? join(request.tempRoot, names.logsDir),
    track: (change) => {
      resources = { ...resources, ...change }
      hooks.onResources(resources)
    },
    resources: () => resources
  }
}
