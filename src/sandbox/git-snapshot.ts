/**
 * Reads the workspace's git metadata into a snapshot (src/agent/git-integrity.ts compares
 * two). After the command the workspace is the command's work: nothing here follows a
 * symbolic link, opens anything but a regular file, or reads more than a bounded amount.
 */
import { createHash } from 'node:crypto'
import {
  closeSync,
  constants,
  lstatSync,
  openSync,
  readdirSync,
  readSync,
  readlinkSync
} from 'node:fs'
import { isAbsolute, join, relative, resolve } from 'node:path'
import type { GitFileKind, GitFileState, GitSnapshot } from '../agent/git-integrity.js'

/** Entries visited in the workspace before the walk stops (and says so). */
export const WALK_LIMIT = 500_000
/** Config, attributes and pointer files are read up to this size; hooks are digested whole. */
const TEXT_LIMIT = 1024 * 1024

/** Inside a git folder: the files through which it makes git run something. */
const CONFIG_FILES = ['config', 'config.worktree']
const POINTER_FILES = ['commondir', 'gitdir']

function readRegular(path: string, text: boolean): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  try {
    const hash = createHash('sha256')
    const chunks: Buffer[] = []
    const buffer = Buffer.alloc(64 * 1024)
    let total = 0
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null)
      if (n === 0) break
      total += n
      if (text) {
        chunks.push(Buffer.from(buffer.subarray(0, n)))
        if (total >= TEXT_LIMIT) break
      } else hash.update(buffer.subarray(0, n))
    }
    return text ? Buffer.concat(chunks).toString('utf8') : `sha256:${hash.digest('hex')}`
  } finally {
    closeSync(fd)
  }
}

/** A file's state without following links; undefined when absent. */
function stateOf(path: string, kind: GitFileKind): GitFileState | undefined {
  let st
  try {
    st = lstatSync(path)
  } catch {
    return undefined
  }
  if (st.isSymbolicLink()) return { kind, content: `symlink:${readlinkSync(path)}` }
  if (st.isDirectory()) return { kind, content: 'dir' }
  if (!st.isFile()) return { kind, content: 'other' }
  try {
    return { kind, content: readRegular(path, kind !== 'hook') }
  } catch {
    // Replaced between lstat and open (not by the command: it has exited).
    return { kind, content: 'other' }
  }
}

const isDir = (path: string): boolean => {
  try {
    return lstatSync(path).isDirectory()
  } catch {
    return false
  }
}

const listDir = (path: string): string[] => {
  try {
    return readdirSync(path)
  } catch {
    return []
  }
}

class Reader {
  readonly files: Record<string, GitFileState> = {}
  readonly gitDirs = new Set<string>()
  readonly gitFiles: string[] = []
  visited = 0
  truncated = false

  constructor(private readonly workspace: string) {}

  private rel(path: string): string {
    return relative(this.workspace, path)
  }

  private add(path: string, kind: GitFileKind): void {
    const state = stateOf(path, kind)
    if (state) this.files[this.rel(path)] = state
  }

  /** A git folder: its configs, pointers, hooks, info/attributes, worktrees and submodules. */
  gitDir(dir: string): void {
    if (this.gitDirs.has(this.rel(dir))) return
    this.gitDirs.add(this.rel(dir))
    for (const f of CONFIG_FILES) this.add(join(dir, f), 'config')
    for (const f of POINTER_FILES) this.add(join(dir, f), 'pointer')
    this.add(join(dir, 'info', 'attributes'), 'attributes')
    const hooks = join(dir, 'hooks')
    if (isDir(hooks)) {
      for (const name of listDir(hooks))
        if (!name.endsWith('.sample')) this.add(join(hooks, name), 'hook')
    } else this.add(hooks, 'hook')
    for (const name of listDir(join(dir, 'worktrees'))) this.gitDir(join(dir, 'worktrees', name))
    this.modules(join(dir, 'modules'))
  }

  /** Submodule git folders: `modules/<name>/`, where a name may hold slashes. */
  private modules(dir: string): void {
    for (const name of listDir(dir)) {
      const path = join(dir, name)
      if (!isDir(path)) continue
      if (stateOf(join(path, 'HEAD'), 'pointer')) this.gitDir(path)
      else this.modules(path)
    }
  }

  /** A `.git` file: `gitdir: <path>`; a target inside the workspace is read too. */
  private gitFile(path: string): void {
    if (isDir(path)) return this.gitDir(path)
    this.add(path, 'pointer')
    const state = this.files[this.rel(path)]
    this.gitFiles.push(this.rel(path))
    const target = /^gitdir:\s*(.+?)\s*$/m.exec(state?.content ?? '')?.[1]
    if (!target) return
    const dir = resolve(join(path, '..'), target)
    const inside = !relative(this.workspace, dir).startsWith('..') && !isAbsolute(this.rel(dir))
    if (inside && isDir(dir)) this.gitDir(dir)
  }

  walk(dir: string): void {
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
    } catch {
      return
    }
    // A bare repository: git finds it by HEAD, objects/ and refs/.
    const names = new Set(entries.map((e) => e.name))
    if (dir !== this.workspace && names.has('HEAD') && names.has('objects') && names.has('refs'))
      return this.gitDir(dir)
    for (const e of entries) {
      if (++this.visited > WALK_LIMIT) {
        this.truncated = true
        return
      }
      const path = join(dir, e.name)
      if (e.name === '.git') this.gitFile(path)
      else if (e.name === '.gitattributes') this.add(path, 'attributes')
      else if (e.isDirectory()) this.walk(path)
    }
  }
}

/** The workspace's git metadata now. */
export function snapshotGit(workspace: string): GitSnapshot {
  const reader = new Reader(workspace)
  reader.walk(workspace)
  return {
    files: reader.files,
    gitDirs: [...reader.gitDirs].sort(),
    gitFiles: reader.gitFiles.sort(),
    truncated: reader.truncated
  }
}
