/**
 * What the filesystem plan needs to know about the machine besides the step's environment:
 * runner processes (their installation folders hold credentials, their work folders other
 * jobs' files) and bound unix sockets. Read from /proc; anything unreadable is left out.
 */
import { chownSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs'
import { join } from 'node:path'
import { socketPathsFromProcNetUnix, type RunnerObservations } from '../agent/runner-paths.js'

const RUNNER_PROGRAM = /\/bin\/Runner\.(Worker|Listener)$/

function readOr<T>(read: () => T, fallback: T): T {
  try {
    return read()
  } catch {
    return fallback
  }
}

const processIds = (): string[] =>
  readOr(() => readdirSync('/proc'), []).filter((p) => /^\d+$/.test(p))

/** Executables of every runner process we may look at (all of them, as root). */
function runnerExes(pids: readonly string[]): string[] {
  const exes = pids.map((pid) => {
    const exe = readOr(() => readlinkSync(`/proc/${pid}/exe`), '')
    if (RUNNER_PROGRAM.test(exe)) return exe
    // A runner started through `dotnet Runner.Worker.dll` shows its program as the first argument.
    const argv0 = readOr(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8'), '').split('\0')
    return argv0.find((a) => RUNNER_PROGRAM.test(a.replace(/\.dll$/, ''))) ?? ''
  })
  return [...new Set(exes.filter((e) => e))].map((e) => e.replace(/\.dll$/, ''))
}

/**
 * Sockets bound in every network namespace we can look into (/proc/net/unix lists only the
 * reader's; a container's socket on a host path is reachable by path from any namespace).
 */
function boundSockets(pids: readonly string[]): string[] {
  const seen = new Set<string>()
  const sockets = new Set<string>()
  for (const pid of ['self', ...pids]) {
    const netns = readOr(() => readlinkSync(`/proc/${pid}/ns/net`), '')
    if (!netns || seen.has(netns)) continue
    seen.add(netns)
    const table = readOr(() => readFileSync(`/proc/${pid}/net/unix`, 'utf8'), '')
    for (const path of socketPathsFromProcNetUnix(table)) sockets.add(path)
  }
  return [...sockets].sort()
}

export function observeRunner(): RunnerObservations {
  const pids = processIds()
  return { runnerExes: runnerExes(pids), sockets: boundSockets(pids) }
}

/** Creates the folders mounts inside the fresh HOME need, owned by the command's user. */
export function prepareHomeDirs(
  home: string,
  dirs: readonly string[],
  uid: number,
  gid: number
): void {
  const asRoot = process.getuid?.() === 0
  for (const dir of dirs) {
    let path = home
    for (const part of dir.split('/').filter((p) => p && p !== '.' && p !== '..')) {
      path = join(path, part)
      mkdirSync(path, { recursive: true, mode: 0o755 })
      if (asRoot) chownSync(path, uid, gid)
    }
  }
}
