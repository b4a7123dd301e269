/**
 * The one host setting a run changes: net.netfilter.nf_log_all_netns, which lets LOG rules
 * inside the agent's network namespace reach the kernel log. The first run that turns it on
 * writes down the value it found, next to the leases; whoever removes the last run on the
 * machine (its teardown, the post step or a sweep) puts that value back.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Docker } from './docker.js'
import { RUN_LABEL } from './docker-args.js'
import { leasePath, leasesIn, probeLease } from './lease.js'
import type { Netfilter } from './netfilter.js'

const SETTING = 'net.netfilter.nf_log_all_netns'
const PROC_PATH = '/proc/sys/net/netfilter/nf_log_all_netns'
const recordOf = (leaseDir: string): string => join(leaseDir, `${SETTING}.was`)

function current(): string | undefined {
  try {
    return readFileSync(PROC_PATH, 'utf8').trim()
  } catch {
    return undefined
  }
}

/** Turns namespace logging on, first writing down what it was if this run changes it. */
export async function enableNamespaceLogging(
  netfilter: Netfilter,
  leaseDir: string
): Promise<void> {
  const was = current()
  if (was !== undefined && was !== '1') {
    try {
      // Exclusive: of runs starting together, the first one's record stands.
      writeFileSync(recordOf(leaseDir), `${was}\n`, { flag: 'wx', mode: 0o644 })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
    }
  }
  await netfilter.setSysctl(SETTING, '1')
}

/**
 * Puts the setting back when no run on the machine may still need it: no lease in the folder
 * is held and no network of any run is left. Returns the line to report, if it did.
 */
export async function restoreNamespaceLogging(
  deps: { docker: Docker; netfilter: Netfilter },
  leaseDir: string
): Promise<string | undefined> {
  let was: string
  try {
    was = readFileSync(recordOf(leaseDir), 'utf8').trim()
  } catch {
    return undefined
  }
  if (leasesIn(leaseDir).some((id) => probeLease(leasePath(leaseDir, id)) === 'held'))
    return undefined
  if ((await deps.docker.networks(RUN_LABEL)).length > 0) return undefined
  if (!/^[01]$/.test(was)) {
    rmSync(recordOf(leaseDir), { force: true })
    return undefined
  }
  // The record goes first: a run starting now writes its own and turns the setting on after.
  rmSync(recordOf(leaseDir), { force: true })
  await deps.netfilter.setSysctl(SETTING, was)
  return `restored ${SETTING} to ${was}`
}
