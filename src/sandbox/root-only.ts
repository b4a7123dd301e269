/**
 * Finds what in the runner's visible system folders only root (or a group) may read, so that
 * a command running as root does not read it as the owner (src/agent/filesystem.ts masks
 * what this finds). A folder others cannot read or enter is reported whole and not entered.
 */
import { lstatSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { constants } from 'node:os'
import { maskRootOnly, type AgentFilesystem } from '../agent/filesystem.js'
import { errorText } from '../common/errors.js'
import { signalExitCode } from '../common/exit-codes.js'
import type { CommandRunner } from './exec.js'
import { debug } from './log.js'

export interface RootOnlyScan {
  readonly found: readonly { readonly path: string; readonly kind: 'dir' | 'file' }[]
  /** Entries looked at, and how long it took (docs/performance.md). */
  readonly visited: number
  readonly ms: number
  /** The scan stopped (SCAN_LIMIT entries, or find's FIND_TIMEOUT_MS): what lies beyond is not masked. */
  readonly truncated: boolean
}

const OTHERS_READ = 0o004
const OTHERS_ENTER = 0o001

/** Entries looked at before the scan stops (and says so). */
export const SCAN_LIMIT = 300_000

/**
 * The folders scanned: the visible system folders, but of /usr only /usr/local. Packaged
 * files under /usr hold no secret by convention, and /usr is large (about 2 s per 150,000
 * entries; docs/performance.md).
 */
export function rootOnlyScanDirs(visible: readonly string[]): string[] {
  return visible.flatMap((d) => (d === '/usr' ? ['/usr/local'] : [d]))
}

/**
 * Walks `dirs` without following links, leaving out `skip` (the workspace: the command owns
 * it anyway). Runs use find(1) for the same walk (scanWithFind); this is where find fails.
 */
export function scanRootOnly(dirs: readonly string[], skip: readonly string[] = []): RootOnlyScan {
  const started = Date.now()
  const found: { path: string; kind: 'dir' | 'file' }[] = []
  let visited = 0
  const walk = (dir: string, device: number): void => {
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      return
    }
    for (const name of names) {
      const path = join(dir, name)
      if (skip.includes(path)) continue
      if (++visited > SCAN_LIMIT) return
      let st
      try {
        st = lstatSync(path)
      } catch {
        continue
      }
      if (st.isDirectory()) {
        if ((st.mode & OTHERS_READ) === 0 || (st.mode & OTHERS_ENTER) === 0)
          found.push({ path, kind: 'dir' })
        // Another filesystem mounted below (a tool cache, /usr/local on its own disk) is
        // visible through the recursive bind too, so it is scanned; /proc-like ones never are.
        else if (st.dev === device || !/^\/(proc|sys|dev|run)(\/|$)/.test(path)) walk(path, st.dev)
      } else if (st.isFile() && (st.mode & OTHERS_READ) === 0) found.push({ path, kind: 'file' })
    }
  }
  for (const dir of dirs) {
    try {
      const st = lstatSync(dir)
      if (st.isDirectory()) walk(dir, st.dev)
    } catch {
      // Absent: nothing to scan.
    }
  }
  return { found, visited, ms: Date.now() - started, truncated: visited > SCAN_LIMIT }
}

/** Scans folders and resolves with what was found. */
export type RootOnlyScanner = (
  dirs: readonly string[],
  skip: readonly string[]
) => Promise<RootOnlyScan>

/** find(1) is stopped after this long; what it found by then is masked, and the run says so. */
export const FIND_TIMEOUT_MS = 20_000

const PROC_LIKE = /^\/(proc|sys|dev|run)(\/|$)/

/** A path as a find(1) `-path` pattern that matches only itself. */
const literalPattern = (path: string): string => path.replace(/[\\*?[\]]/g, '\\$&')

/**
 * find(1)'s arguments for the same walk as scanRootOnly: below each folder (not the folder
 * itself), `skip` and `prune` left out, a folder others cannot read or enter printed as
 * `d<path>` and not entered, a file others cannot read as `f<path>` (each ended by NUL), and
 * one `.` for every other entry, so the entries looked at can be counted.
 */
export function findArgs(
  dirs: readonly string[],
  skip: readonly string[],
  prune: readonly string[]
): string[] {
  const left = [...skip, ...prune].flatMap((p, i) => [
    ...(i > 0 ? ['-o'] : []),
    '-path',
    literalPattern(p)
  ])
  return [
    '-P',
    ...dirs,
    '-mindepth',
    '1',
    ...(left.length > 0 ? ['(', ...left, ')', '-prune', '-o'] : []),
    ...'-type d ( ! -perm -o=r -o ! -perm -o=x ) -printf d%p\\0 -prune -o'.split(' '),
    ...'-type f ! -perm -o=r -printf f%p\\0 -o'.split(' '),
    '-printf',
    '.'
  ]
}

/** What findArgs' find printed: the paths found, and how many entries it looked at. */
export function parseFindOutput(out: string): Pick<RootOnlyScan, 'found' | 'visited'> {
  const found: { path: string; kind: 'dir' | 'file' }[] = []
  let visited = 0
  for (let i = 0; i < out.length;) {
    const c = out[i]
    if (c === 'd' || c === 'f') {
      const end = out.indexOf('\0', i)
      if (end < 0) break
      found.push({ path: out.slice(i + 1, end), kind: c === 'd' ? 'dir' : 'file' })
      i = end + 1
    } else i++
    visited++
  }
  return { found, visited }
}

/** Mount points whose path is /proc-like, below `dirs`, on another device than their parent. */
export function procLikeMounts(mountinfo: string, dirs: readonly string[]): string[] {
  const unescape = (p: string): string =>
    p.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)))
  const under = (p: string): boolean => dirs.some((d) => p.startsWith(d === '/' ? '/' : `${d}/`))
  return mountinfo
    .split('\n')
    .map((line) => line.split(' ')[4])
    .filter((p): p is string => p !== undefined)
    .map(unescape)
    .filter((p) => PROC_LIKE.test(p) && under(p))
    .filter(
      (p) =>
        lstatSync(p, { throwIfNoEntry: false })?.dev !==
        lstatSync(dirname(p), { throwIfNoEntry: false })?.dev
    )
}

/**
 * The scan through find(1), about twice as fast as scanRootOnly and in a process of its own,
 * so it runs beside the networks being made. Where find fails (absent, or without GNU
 * `-printf`), scanRootOnly walks here instead: the masks never depend on find.
 */
export function scanWithFind(run: CommandRunner): RootOnlyScanner {
  return async (dirs, skip) => {
    const started = Date.now()
    const present = dirs.filter((d) => lstatSync(d, { throwIfNoEntry: false })?.isDirectory())
    if (present.length === 0) return { found: [], visited: 0, ms: 0, truncated: false }
    const prune = procLikeMounts(readFileSync('/proc/self/mountinfo', 'utf8'), present)
    const killed = signalExitCode(constants.signals.SIGKILL)
    // Ahead of Docker's work for the CPU: a root command's container waits for this scan. (A
    // runner that may not raise priorities says so on stderr and runs find as it is.)
    const r = await run('nice', ['-n', '-10', 'find', ...findArgs(present, skip, prune)], {
      timeoutMs: FIND_TIMEOUT_MS
    }).catch((e: unknown) => ({ exitCode: -1, stdout: '', stderr: errorText(e) }))
    // 1: some folder could not be read (scanRootOnly passes over those as well).
    if (r.exitCode !== 0 && r.exitCode !== 1 && r.exitCode !== killed) {
      debug(
        `find could not scan for root-only files (${r.exitCode}: ${r.stderr.trim()}); walking here`
      )
      return scanRootOnly(dirs, skip)
    }
    return {
      ...parseFindOutput(r.stdout),
      ms: Date.now() - started,
      truncated: r.exitCode === killed
    }
  }
}

/**
 * A scan started before the agent's plan is final, with the folders it covers (the run's
 * workspace left out).
 */
export interface PendingRootOnlyScan {
  readonly dirs: readonly string[]
  readonly result: Promise<RootOnlyScan>
}

/** The folders the command sees of the runner as they are (read-only, at the same path). */
const visibleFolders = (filesystem: AgentFilesystem): string[] =>
  filesystem.binds.filter((b) => b.readOnly && b.source === b.target).map((b) => b.target)

/** Starts the scan of what `filesystem` shows; `withRootOnlyMasked` takes it up. */
export function startRootOnlyScan(
  filesystem: AgentFilesystem,
  workspace: string,
  scan: RootOnlyScanner
): PendingRootOnlyScan {
  const dirs = rootOnlyScanDirs(visibleFolders(filesystem))
  return { dirs, result: scan(dirs, [workspace]) }
}

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i])

/**
 * When the command runs as root in host mode: the root-only files of every visible system
 * folder, masked (added to `filesystem`). A scan started ahead is used when it covered the
 * same folders; otherwise they are scanned now. A scan that stopped early says so.
 */
export async function withRootOnlyMasked(
  filesystem: AgentFilesystem,
  workspace: string,
  emptyFile: string,
  scanner: RootOnlyScanner,
  ahead?: PendingRootOnlyScan
): Promise<{ filesystem: AgentFilesystem; scan: RootOnlyScan }> {
  const dirs = rootOnlyScanDirs(visibleFolders(filesystem))
  const scan =
    ahead && sameList(ahead.dirs, dirs) ? await ahead.result : await scanner(dirs, [workspace])
  const masks = maskRootOnly(scan.found, emptyFile)
  return {
    scan,
    filesystem: {
      ...filesystem,
      binds: [...filesystem.binds, ...masks.binds],
      tmpfs: [...filesystem.tmpfs, ...masks.tmpfs],
      masked: [...filesystem.masked, ...masks.masked]
    }
  }
}
