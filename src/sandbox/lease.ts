/**
 * Who owns a run, checkable by every process on the machine whatever its PID namespace or
 * container: the lease is a FIFO that the owner keeps open for reading while it lives. The
 * kernel closes it when the owner dies, however it dies (SIGKILL, OOM), and from then on an
 * open for writing fails with ENXIO. No PID, no clock, no renewal.
 *
 * Next to the FIFO, a record says where the run keeps what the sweep must find without Docker
 * or netfilter (its temporary root). Both are written before the run creates anything and
 * removed after everything else, so a run is never without a lease while it has leftovers.
 */
import {
  closeSync,
  constants,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import type { CommandRunner } from './exec.js'

/** Root's lease folder: one per machine (or per shared /run), as systemd would place it. */
export const SYSTEM_LEASE_DIR = '/run/awf/leases'
/** Labels on every container and network: the lease's path and the boot it was taken in. */
export const LEASE_LABEL = 'awf.lease'
export const BOOT_LABEL = 'awf.boot'

/** held: the owner lives. free: it died. absent: no such lease. unknown: not a lease we can read. */
export type LeaseState = 'held' | 'free' | 'absent' | 'unknown'

export interface LeaseRecord {
  readonly runId: string
  /** Folder holding the run's work folder (`awf-<run>-*`). */
  readonly tempRoot: string
  readonly bootId: string
  readonly pid: number
  readonly started: string
}

const LEASE = /^([0-9a-f]{8})\.lease$/
const RECORD = /^([0-9a-f]{8})\.json$/

export const leasePath = (dir: string, runId: string): string => join(dir, `${runId}.lease`)
const recordPath = (lease: string): string => lease.replace(/\.lease$/, '.json')

/** This boot of the kernel: a lease from another boot belongs to a dead owner. */
export function currentBootId(): string {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim()
  } catch {
    return 'unknown'
  }
}

/** /run/awf/leases where we may write there (root), else a folder in the temporary root. */
export function defaultLeaseDir(tempRoot: string): string {
  for (const dir of [SYSTEM_LEASE_DIR, join(tempRoot, 'awf-leases')]) {
    try {
      mkdirSync(dir, { recursive: true, mode: 0o755 })
      const probe = join(dir, `.probe-${process.pid}`)
      writeFileSync(probe, '')
      rmSync(probe)
      return dir
    } catch {
      continue
    }
  }
  throw new Error(`cannot write the run's lease in ${SYSTEM_LEASE_DIR} nor in ${tempRoot}`)
}

/** Whether the lease's owner still holds it. Never blocks, never creates anything. */
export function probeLease(path: string): LeaseState {
  try {
    if (!lstatSync(path).isFIFO()) return 'unknown'
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'absent' : 'unknown'
  }
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK | constants.O_NOFOLLOW))
    return 'held'
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    return code === 'ENXIO' ? 'free' : code === 'ENOENT' ? 'absent' : 'unknown'
  }
}

/**
 * Waits (bounded) until no process holds the lease: the reaper a run handed its teardown to
 * has finished, or died. Resolves with the state last seen.
 */
export async function leaseReleased(path: string, timeoutMs: number): Promise<LeaseState> {
  const deadline = Date.now() + timeoutMs
  let state = probeLease(path)
  while (state === 'held' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50))
    state = probeLease(path)
  }
  return state
}

export function readRecord(lease: string): LeaseRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(recordPath(lease), 'utf8')) as Partial<LeaseRecord>
    return typeof r.runId === 'string' && typeof r.tempRoot === 'string'
      ? (r as LeaseRecord)
      : undefined
  } catch {
    return undefined
  }
}

/** The lease's files, record first: a FIFO left alone still marks a dead run for the sweep. */
export function removeLeaseFiles(lease: string): void {
  rmSync(recordPath(lease), { force: true })
  rmSync(lease, { force: true })
}

/** Run ids with a lease or a record in `dir`. */
export function leasesIn(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return []
  }
  const ids = new Set<string>()
  for (const name of entries) {
    const id = LEASE.exec(name)?.[1] ?? RECORD.exec(name)?.[1]
    if (id) ids.add(id)
  }
  return [...ids].sort()
}

/** A lease this process holds. */
export class Lease {
  private fd: number | undefined

  private constructor(
    readonly runId: string,
    readonly path: string,
    fd: number
  ) {
    this.fd = fd
  }

  /**
   * Takes a lease under a run id no run on the machine has (`newRunId` is asked again on a
   * clash), then writes its record. The FIFO is made under a private name and linked into
   * place only once it is held, so no sweep ever sees a live run's lease unheld.
   */
  static async take(
    run: CommandRunner,
    dir: string,
    newRunId: () => string,
    tempRoot: string
  ): Promise<Lease> {
    const staging = join(dir, `.staging-${process.pid}-${newRunId()}`)
    const made = await run('mkfifo', ['-m', '0622', staging])
    if (made.exitCode !== 0)
      throw new Error(`cannot make the run's lease in ${dir}: ${made.stderr.trim()}`)
    const fd = openSync(staging, constants.O_RDONLY | constants.O_NONBLOCK)
    try {
      for (let attempt = 0; attempt < 8; attempt++) {
        const runId = newRunId()
        const path = leasePath(dir, runId)
        try {
          // The link claims the run id: it fails when any run, live or dead, has it.
          linkSync(staging, path)
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue
          throw e
        }
        const lease = new Lease(runId, path, fd)
        writeRecord(path, { runId, tempRoot, bootId: currentBootId(), pid: process.pid })
        return lease
      }
      throw new Error(`no free run id in ${dir} after 8 tries`)
    } catch (e) {
      closeSync(fd)
      throw e
    } finally {
      rmSync(staging, { force: true })
    }
  }

  get held(): boolean {
    return this.fd !== undefined
  }

  /** The open FIFO, for a process that takes the lease over (src/sandbox/reaper.ts). */
  get descriptor(): number | undefined {
    return this.fd
  }

  /**
   * Lets go of the lease. With `removeFiles` (everything of the run is gone) the files go too;
   * without, they stay, unheld, and the next sweep finishes what the run left.
   */
  release(removeFiles: boolean): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
    if (removeFiles) removeLeaseFiles(this.path)
  }
}

function writeRecord(lease: string, r: Omit<LeaseRecord, 'started'>): void {
  const record: LeaseRecord = { ...r, started: new Date().toISOString() }
  writeFileSync(recordPath(lease), `${JSON.stringify(record)}\n`, { mode: 0o644 })
}
