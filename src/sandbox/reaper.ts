/**
 * The end of a teardown, after the run's result is out. Once the command has ended, the run
 * removes in-process everything that runs, enforces or holds a secret (containers, host
 * rules, the secrets folder: removal.ts stage 'running'); what is left is inert: networks
 * with no container on them, the work folder's configs, the lease. A detached reaper
 * (dist/reap.js) removes those while the CLI or the action step reports and exits. It takes
 * the lease's FIFO over before the run lets go of it, so every sweep sees the run as live
 * until the reaper is done; if the reaper dies, the lease is free and the next sweep, or the
 * action's post step (which waits for the lease first), removes the rest.
 */
import { appendFileSync, existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isRunId } from '../common/run-names.js'
import type { Exec } from './exec.js'
import type { Lease } from './lease.js'
import { setLogger } from './log.js'
import type { SandboxResources } from './resources.js'
import { teardown, type TeardownDeps } from './teardown.js'

/** The reaper's entry, next to the bundle that runs (dist/); absent when run from sources. */
export function reaperScript(): string | undefined {
  const script = join(dirname(fileURLToPath(import.meta.url)), 'reap.js')
  return existsSync(script) ? script : undefined
}

export interface ReaperJob {
  readonly resources: SandboxResources
  /** Where the reaper writes what it could not remove (the run's logs folder). */
  readonly logFile: string
}

/**
 * Starts the reaper `script` with the lease's FIFO as its descriptor 3. Returns its PID, or
 * undefined when there is no reaper to start (then the caller removes everything itself).
 */
export async function handOver(
  exec: Exec,
  script: string | undefined,
  lease: Lease,
  job: ReaperJob
): Promise<number | undefined> {
  const fd = lease.descriptor
  if (!script || !exec.detach || fd === undefined) return undefined
  return exec.detach(process.execPath, [script, JSON.stringify(job)], [fd])
}

const strings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string')

/** The job, when every name in it is one of the run's own (nothing else is ever removed). */
export function parseJob(text: string): ReaperJob | undefined {
  let job: Partial<ReaperJob>
  try {
    job = JSON.parse(text) as Partial<ReaperJob>
  } catch {
    return undefined
  }
  const r = job.resources
  if (!r || typeof r.runId !== 'string' || !isRunId(r.runId)) return undefined
  if (typeof job.logFile !== 'string' || typeof r.hostRules !== 'boolean') return undefined
  const own = `awf-${r.runId}-`
  const names = [r.containers, r.networks]
  if (!names.every(strings) || !names.flat().every((n) => n.startsWith(own))) return undefined
  if (r.workDir !== undefined && !basename(r.workDir).startsWith(own)) return undefined
  if (r.lease !== undefined && basename(r.lease) !== `${r.runId}.lease`) return undefined
  return { resources: r, logFile: job.logFile }
}

/** The reaper's work: removes what the job names; problems go to the job's log file. */
export async function reap(deps: TeardownDeps, text: string): Promise<number> {
  const job = parseJob(text)
  if (!job) return 64
  const note = (level: string) => (message: string) =>
    appendFileSync(job.logFile, `${new Date().toISOString()} ${level}: ${message}\n`)
  setLogger({ debug: () => undefined, info: note('info'), warning: note('warning') })
  const problems = await teardown(deps, job.resources)
  for (const problem of problems) note('warning')(problem)
  return problems.length === 0 ? 0 : 1
}
