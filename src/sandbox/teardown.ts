/**
 * Removing a run's resources: containers (killed, not stopped), host rules, networks, temp
 * files. Idempotent; each step runs even when an earlier one failed, and problems are
 * returned for the caller to report as warnings, never thrown over the command's result.
 */
import { rmSync } from 'node:fs'
import type { Docker } from './docker.js'
import { OWNER_LABEL, RUN_LABEL } from './docker-args.js'
import type { Netfilter } from './netfilter.js'
import { ownerAlive, type SandboxResources } from './resources.js'
import { runNames } from '../common/run-names.js'
import { removalBatch, runIdsInRuleset } from '../render/ruleset.js'
import { settleAll } from './settle.js'

export interface TeardownDeps {
  readonly docker: Docker
  readonly netfilter: Netfilter
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))

async function removeHostRules(netfilter: Netfilter, runId: string): Promise<void> {
  await settleAll(
    ([4, 6] as const).map(async (family) => {
      const batch = removalBatch(await netfilter.save(family), runId)
      if (batch) await netfilter.restore(family, batch)
    })
  )
}

export async function teardown(deps: TeardownDeps, r: SandboxResources): Promise<string[]> {
  const problems: string[] = []
  const attempt = async (what: string, step: () => void | Promise<void>): Promise<void> => {
    try {
      await step()
    } catch (e) {
      problems.push(`${what}: ${message(e)}`)
    }
  }
  // Containers and rules are independent. Rules go before networks: a run that still has
  // chains always has its networks, which is how the sweep tells a live run from a crashed one.
  await Promise.all([
    attempt('removing containers', () => deps.docker.containerRemove(r.containers)),
    r.hostRules
      ? attempt('removing host rules', () => removeHostRules(deps.netfilter, r.runId))
      : undefined
  ])
  await attempt('removing networks', () => deps.docker.networkRemove(r.networks))
  if (r.workDir) {
    const dir = r.workDir
    await attempt('removing temporary files', () => rmSync(dir, { recursive: true, force: true }))
  }
  return problems
}

/**
 * Removes what crashed runs left: resources labelled with a run whose owner process is gone,
 * and chains whose run has no network left. A live concurrent run is never touched.
 */
export async function sweepStale(deps: TeardownDeps, canUseNetfilter: boolean): Promise<string[]> {
  const networks = await deps.docker.networks(RUN_LABEL)
  const live = new Set<string>()
  const stale = new Set<string>()
  for (const n of networks) {
    const runId = n.labels[RUN_LABEL]
    if (!runId) continue
    if (ownerAlive(n.labels[OWNER_LABEL] ?? '')) live.add(runId)
    else stale.add(runId)
  }
  for (const c of await deps.docker.containersByLabel(RUN_LABEL)) {
    const runId = c.labels[RUN_LABEL]
    if (runId && !live.has(runId) && !ownerAlive(c.labels[OWNER_LABEL] ?? '')) stale.add(runId)
  }
  if (canUseNetfilter) {
    for (const family of [4, 6] as const)
      for (const runId of runIdsInRuleset(await deps.netfilter.save(family)))
        if (!live.has(runId)) stale.add(runId)
  }
  for (const runId of stale) {
    const n = runNames(runId)
    const containers = (await deps.docker.containersByLabel(`${RUN_LABEL}=${runId}`)).map(
      (c) => c.name
    )
    const problems = await teardown(deps, {
      runId,
      containers: containers.length > 0 ? containers : [n.agent, n.proxy],
      networks: networks.filter((x) => x.labels[RUN_LABEL] === runId).map((x) => x.name),
      hostRules: canUseNetfilter
    })
    if (problems.length > 0)
      throw new Error(`cannot remove leftovers of run ${runId}: ${problems.join('; ')}`)
  }
  return [...stale].sort()
}
