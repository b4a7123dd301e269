/** What every phase of one run shares: its names, labels, logs folder and resource ledger. */
import { join } from 'node:path'
import { runNames } from '../common/run-names.js'
import { OWNER_LABEL, RUN_LABEL } from './docker-args.js'
import { BOOT_LABEL, currentBootId, LEASE_LABEL, type Lease } from './lease.js'
import { ownerToken, type SandboxResources } from './resources.js'
import type { SandboxDeps, SandboxHooks, SandboxRequest } from './types.js'

export interface RunContext {
  readonly deps: SandboxDeps
  readonly request: SandboxRequest
  readonly hooks: SandboxHooks
  readonly runId: string
  readonly names: ReturnType<typeof runNames>
  readonly labels: Readonly<Record<string, string>>
  /** Held from before the first resource until teardown has removed the last one. */
  readonly lease: Lease
  readonly leaseDir: string
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
  lease: Lease,
  leaseDir: string
): RunContext {
  const { runId } = lease
  const names = runNames(runId)
  let resources: SandboxResources = {
    runId,
    containers: [],
    networks: [],
    hostRules: false,
    lease: lease.path
  }
  hooks.onResources(resources)
  return {
    deps,
    request,
    hooks,
    runId,
    names,
    // awf.owner stays for sweeps of earlier versions, which would take a run without it for dead.
    labels: {
      [RUN_LABEL]: runId,
      [LEASE_LABEL]: lease.path,
      [BOOT_LABEL]: currentBootId(),
      [OWNER_LABEL]: ownerToken()
    },
    lease,
    leaseDir,
    logsDir: request.logsDir ?? join(request.tempRoot, names.logsDir),
    track: (change) => {
      resources = { ...resources, ...change }
      hooks.onResources(resources)
    },
    resources: () => resources
  }
}
