/**
 * Removing a run's resources (for teardown, the post step and the sweep), in an order that keeps every leftover findable: files that may
 * hold secrets first, then containers and host rules, then networks, then the rest of the
 * work folder, and the lease last (a run with a lease left is what the sweep looks for).
 * Idempotent, and safe to run twice at once; each step runs even when an earlier one failed,
 * and problems are returned for the caller to report as warnings, never thrown over the
 * command's result.
 */
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import type { Docker } from './docker.js'
import { removeLeaseFiles } from './lease.js'
import type { Netfilter } from './netfilter.js'
import { removalBatch } from '../render/ruleset.js'
import { settleAll } from './settle.js'

export interface TeardownDeps {
  readonly docker: Docker
  readonly netfilter: Netfilter
}

/** The work folder's subfolder for files that hold secrets: always the first thing removed. */
export const SECRETS_DIR = 'secrets'

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e))
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Deletes the run's jumps and chains. Another sweep may remove some of them between our save
 * and our restore, which fails the batch: then look again.
 */
async function removeHostRules(netfilter: Netfilter, runId: string): Promise<void> {
  await settleAll(
    ([4, 6] as const).map(async (family) => {
      for (let attempt = 1; ; attempt++) {
        const batch = removalBatch(await netfilter.save(family), runId)
        if (!batch) return
        try {
          return await netfilter.restore(family, batch)
        } catch (e) {
          if (attempt >= 4) throw e
        }
      }
    })
  )
}

/** A network is refused while a container another teardown is removing is still attached. */
async function removeNetworks(docker: Docker, networks: readonly string[]): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await docker.networkRemove(networks)
    } catch (e) {
      if (attempt >= 5 || !/active endpoints/i.test(message(e))) throw e
      await pause(300 * attempt)
    }
  }
}

/** The secrets first (they must not outlive a failure later on), then the rest. */
function removeFolder(dir: string, secretsOnly: boolean): void {
  rmSync(secretsOnly ? join(dir, SECRETS_DIR) : dir, {
    recursive: true,
    force: true,
    maxRetries: 3
  })
}

export interface Removal {
  readonly runId: string
  readonly containers: readonly string[]
  readonly networks: readonly string[]
  readonly hostRules: boolean
  /** Work folders (the sweep may find several of a dead run). */
  readonly folders: readonly string[]
  /** A work folder whose secrets go, the rest of it staying (with stage 'running'). */
  readonly secretsOf?: string
  /** The lease's FIFO; its files go last, and only when everything else is gone. */
  readonly lease?: string
  /**
   * 'running': only what runs or enforces, or holds secrets (the secrets folder, containers,
   * host rules); networks, the rest of the work folder and the lease stay for a later removal.
   */
  readonly stage?: 'running'
}

/** Removes everything `r` names; returns the problems (empty when all is gone). */
export async function removeRun(deps: TeardownDeps, r: Removal): Promise<string[]> {
  const problems: string[] = []
  const attempt = async (what: string, step: () => void | Promise<void>): Promise<void> => {
    try {
      await step()
    } catch (e) {
      problems.push(`${what}: ${message(e)}`)
    }
  }
  for (const dir of r.secretsOf ? [...r.folders, r.secretsOf] : r.folders)
    await attempt(`removing secrets in ${dir}`, () => removeFolder(dir, true))
  // Containers and rules are independent. Rules go before networks: a run that still has
  // chains always has its networks, which is how the sweep tells a live run from a crashed one.
  await Promise.all([
    attempt('removing containers', () => deps.docker.containerRemove(r.containers)),
    r.hostRules
      ? attempt('removing host rules', () => removeHostRules(deps.netfilter, r.runId))
      : undefined
  ])
  if (r.stage === 'running') return problems
  await attempt('removing networks', () => removeNetworks(deps.docker, r.networks))
  for (const dir of r.folders)
    await attempt('removing temporary files', () => removeFolder(dir, false))
  const lease = r.lease
  if (lease && problems.length === 0)
    await attempt('removing the lease', () => removeLeaseFiles(lease))
  return problems
}
