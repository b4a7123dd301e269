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

/** Executables of every runner process we may look at (all of them, as root). */
function runnerExes(): string[] {
  const pids = readOr(() => readdirSync('/proc'), []).filter((p) => /^\d+$/.test(p))
  const exes = pids.map((pid) => {
    const exe = readOr(() => readlinkSync(`/proc/${pid}/exe`), '')
    if (RUNNER_PROGRAM.test(exe)) return exe
    // A runner started through `dotnet Runner.Worker.dll` shows its program as the first argument.
    const argv0 = readOr(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8'), '').split('\0')
    return argv0.find((a) => RUNNER_PROGRAM.test(a.replace(/\.dll$/, ''))) ?? ''
  })
  return [...new Set(exes.filter((e) => e))].map((e) => e.replace(/\.dll$/, ''))
}

/** Sockets bound in our network namespace and, where readable, in the machine's. */
function boundSockets(): string[] {
  return ['/proc/net/unix', '/proc/1/net/unix'].flatMap((file) =>
    socketPathsFromProcNetUnix(readOr(() => readFileSync(file, 'utf8'), ''))
  )
}

export function observeRunner(): RunnerObservations {
  return { runnerExes: runnerExes(), sockets: boundSockets() }
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
