/**
 * Finds what in the runner's visible system folders only root (or a group) may read, so that
 * a command running as root does not read it as the owner (src/agent/filesystem.ts masks
 * what this finds). A folder others cannot read or enter is reported whole and not entered.
 */
import { lstatSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { maskRootOnly, type AgentFilesystem } from '../agent/filesystem.js'

export interface RootOnlyScan {
  readonly found: readonly { readonly path: string; readonly kind: 'dir' | 'file' }[]
  /** Entries looked at, and how long it took (docs/performance.md). */
  readonly visited: number
  readonly ms: number
  /** The scan stopped at SCAN_LIMIT entries: what lies beyond is not masked. */
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
 * it anyway).
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

/**
 * When the command runs as root in host mode: the root-only files of every visible system
 * folder, masked (added to `filesystem`). A scan that stopped early says so.
 */
export function withRootOnlyMasked(
  filesystem: AgentFilesystem,
  workspace: string,
  emptyFile: string
): { filesystem: AgentFilesystem; scan: RootOnlyScan } {
  const visible = filesystem.binds.filter((b) => b.readOnly && b.source === b.target)
  const scan = scanRootOnly(rootOnlyScanDirs(visible.map((b) => b.target)), [workspace])
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
