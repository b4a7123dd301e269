/**
 * The workspace's git metadata around the command: read before it starts (and, with
 * protect-git, made read-only for it), read again after it exits and compared. What the
 * command added that would make a later git command run a program is the finding list.
 */
import { join } from 'node:path'
import { protectGitMounts } from '../agent/filesystem.js'
import type { BindMount } from '../common/mounts.js'
import { compareGitSnapshots, type GitFinding, type GitSnapshot } from '../agent/git-integrity.js'
import { snapshotGit } from './git-snapshot.js'
import { replaceFile } from './safe-files.js'
import { kindOf } from './work-dir.js'

export interface GitGuard {
  readonly before: GitSnapshot
  /** Read-only mounts over the metadata (none with protect-git false). */
  readonly binds: readonly BindMount[]
}

export function guardGit(workspace: string, protect: boolean): GitGuard {
  const before = snapshotGit(workspace)
  return { before, binds: protect ? protectGitMounts(workspace, before, kindOf) : [] }
}

/** After the command: the findings, also written in full to `git-integrity.json`. */
export function checkGit(workspace: string, guard: GitGuard, logsDir: string): GitFinding[] {
  const findings = compareGitSnapshots(guard.before, snapshotGit(workspace))
  if (findings.length > 0)
    replaceFile(join(logsDir, 'git-integrity.json'), `${JSON.stringify(findings, null, 2)}\n`)
  return findings
}
