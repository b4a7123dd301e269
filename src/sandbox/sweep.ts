/**
 * The sweep: finds what runs whose owner died left behind, on this machine, and removes it.
 * A run is judged by its lease (src/sandbox/lease.ts) wherever the sweep can see it; a run
 * whose lease it cannot see (another runner container with its own /run) is left alone.
 * Two sweeps at once remove the same things without failing; a sweep killed halfway leaves
 * the lease of every run it did not finish, so the next sweep finishes the job.
 */
import { lstatSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { OWNER_LABEL, RUN_LABEL } from './docker-args.js'
import {
  BOOT_LABEL,
  currentBootId,
  LEASE_LABEL,
  leasePath,
  leasesIn,
  probeLease,
  readRecord,
  type LeaseState
} from './lease.js'
import { restoreNamespaceLogging } from './namespace-logging.js'
import type { Family } from './netfilter.js'
import { ownerAlive } from './resources.js'
import { runChains, runIdsInRuleset } from '../render/ruleset.js'
import { removeRun, type TeardownDeps } from './removal.js'

export type Owner = 'live' | 'dead' | 'foreign'

export interface JudgeContext {
  readonly leaseDir: string
  readonly bootId: string
  readonly probe: (lease: string) => LeaseState
  /** Runs made before leases existed carry `<pid>.<start time>` instead. */
  readonly legacyAlive: (token: string) => boolean
}

/**
 * Whether the run's owner lives. `labels` are those of any of its containers or networks;
 * without them (chains alone) only a lease in our own folder can say it lives.
 */
export function judgeOwner(
  runId: string,
  labels: Readonly<Record<string, string>> | undefined,
  ctx: JudgeContext
): Owner {
  if (!labels) return ctx.probe(leasePath(ctx.leaseDir, runId)) === 'held' ? 'live' : 'dead'
  const boot = labels[BOOT_LABEL]
  if (boot && boot !== ctx.bootId) return 'dead'
  const lease = labels[LEASE_LABEL]
  if (!lease) return ctx.legacyAlive(labels[OWNER_LABEL] ?? '') ? 'live' : 'dead'
  switch (ctx.probe(lease)) {
    case 'held':
      return 'live'
    case 'free':
      return 'dead'
    case 'absent':
      // Our own folder shows every live run's lease; another folder may simply not be visible.
      return dirname(lease) === ctx.leaseDir ? 'dead' : 'foreign'
    default:
      return 'foreign'
  }
}

export interface SweepOptions {
  readonly canUseNetfilter: boolean
  readonly leaseDir: string
  /** Where this run keeps its work folder: dead runs' folders there go too. */
  readonly tempRoots: readonly string[]
}

export interface SweepOutcome {
  /** Dead runs whose leftovers were removed. */
  readonly runs: readonly string[]
  /** One line per thing removed. */
  readonly removed: readonly string[]
  /** What could not be removed (the lease stays, so the next sweep tries again). */
  readonly problems: readonly string[]
}

interface Found {
  labels?: Readonly<Record<string, string>>
  containers: string[]
  networks: string[]
  chains: string[]
}

const STAGING_GRACE_MS = 60000

/** What exists, per run id. Chains and containers are listed before networks (see below). */
async function inventory(deps: TeardownDeps, opts: SweepOptions): Promise<Map<string, Found>> {
  const found = new Map<string, Found>()
  const entry = (id: string): Found => {
    let f = found.get(id)
    if (!f) found.set(id, (f = { containers: [], networks: [], chains: [] }))
    return f
  }
  // A run has networks whenever it has chains or containers (made after them, removed
  // before them). Listed in this order, chains seen without networks are truly orphaned.
  if (opts.canUseNetfilter)
    for (const family of [4, 6] as Family[]) {
      const saved = await deps.netfilter.save(family)
      for (const id of runIdsInRuleset(saved))
        entry(id).chains.push(...runChains(saved, id).map((c) => `${c} (IPv${family})`))
    }
  for (const c of await deps.docker.containersByLabel(RUN_LABEL)) {
    const id = c.labels[RUN_LABEL]
    if (!id) continue
    entry(id).containers.push(c.name)
    entry(id).labels ??= c.labels
  }
  for (const n of await deps.docker.networks(RUN_LABEL)) {
    const id = n.labels[RUN_LABEL]
    if (!id) continue
    entry(id).networks.push(n.name)
    entry(id).labels = n.labels
  }
  for (const id of leasesIn(opts.leaseDir)) entry(id)
  return found
}

function workFolders(runId: string, roots: readonly string[]): string[] {
  const prefix = `awf-${runId}-`
  return [...new Set(roots)].flatMap((root) => {
    try {
      return readdirSync(root)
        .filter((name) => name.startsWith(prefix))
        .map((name) => join(root, name))
    } catch {
      return []
    }
  })
}

/** Staging FIFOs of takers killed between making and linking them. */
function removeAbandonedStaging(dir: string): string[] {
  const removed: string[] = []
  let names: string[] = []
  try {
    names = readdirSync(dir).filter((n) => n.startsWith('.staging-'))
  } catch {
    return removed
  }
  for (const name of names) {
    const path = join(dir, name)
    try {
      const old = Date.now() - lstatSync(path).ctimeMs > STAGING_GRACE_MS
      if (old && probeLease(path) === 'free') {
        rmSync(path, { force: true })
        removed.push(`removed lease ${path}`)
      }
    } catch {
      continue
    }
  }
  return removed
}

export async function sweep(deps: TeardownDeps, opts: SweepOptions): Promise<SweepOutcome> {
  const ctx: JudgeContext = {
    leaseDir: opts.leaseDir,
    bootId: currentBootId(),
    probe: probeLease,
    legacyAlive: ownerAlive
  }
  const runs: string[] = []
  const removed: string[] = removeAbandonedStaging(opts.leaseDir)
  const problems: string[] = []
  for (const [runId, f] of await inventory(deps, opts)) {
    if (judgeOwner(runId, f.labels, ctx) !== 'dead') continue
    const labelled = f.labels?.[LEASE_LABEL]
    const lease = labelled ?? leasePath(opts.leaseDir, runId)
    const record = readRecord(lease)
    const folders = workFolders(runId, [...opts.tempRoots, ...(record ? [record.tempRoot] : [])])
    const leaseFiles = probeLease(lease) === 'absent' ? [] : [lease]
    const failed = await removeRun(deps, {
      runId,
      containers: f.containers,
      networks: f.networks,
      hostRules: f.chains.length > 0,
      folders,
      lease
    })
    runs.push(runId)
    if (failed.length > 0) {
      problems.push(...failed.map((p) => `run ${runId}: ${p}`))
      continue
    }
    removed.push(
      ...folders.map((d) => `removed folder ${d}`),
      ...f.containers.map((c) => `removed container ${c}`),
      ...f.chains.map((c) => `removed chain ${c}`),
      ...f.networks.map((n) => `removed network ${n}`),
      ...leaseFiles.map((l) => `removed lease ${l}`)
    )
  }
  if (opts.canUseNetfilter) {
    const restored = await restoreNamespaceLogging(deps, opts.leaseDir).catch((e: unknown) => {
      problems.push(`restoring a kernel setting: ${e instanceof Error ? e.message : String(e)}`)
      return undefined
    })
    if (restored) removed.push(restored)
  }
  return { runs: runs.sort(), removed, problems }
}
