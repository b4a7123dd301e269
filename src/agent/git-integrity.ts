/**
 * What the command left in the workspace's git metadata that a later, unfirewalled step would
 * run: a pure comparison of two snapshots (before and after the command) of the files through
 * which a repository makes git start a program. Only what is new or changed counts, so a
 * repository's own LFS filters or an existing hook are not findings.
 */
import { dangerOf, parseGitConfig, shownKey, type ConfigEntry } from './git-config.js'

/**
 * config: a git config file; hook: an entry of a hooks folder; attributes: `.gitattributes`
 * or `info/attributes`; pointer: a file that points git at another folder (`.git` files,
 * `commondir`, a worktree's `gitdir`).
 */
export type GitFileKind = 'config' | 'hook' | 'attributes' | 'pointer'

export interface GitFileState {
  readonly kind: GitFileKind
  /**
   * The text (config, attributes, pointer) or a digest of the content (hook); for a symbolic
   * link `symlink:<target>`, for a folder `dir`, for anything else `other`.
   */
  readonly content: string
}

export interface GitSnapshot {
  /** Workspace-relative path -> state. */
  readonly files: Readonly<Record<string, GitFileState>>
  /** Git folders found in the workspace (workspace-relative), protected during the command. */
  readonly gitDirs: readonly string[]
  /** `.git` files (workspace-relative) that point at a git folder. */
  readonly gitFiles: readonly string[]
  /** The walk stopped at its entry limit: `.gitattributes` files beyond it were not seen. */
  readonly truncated: boolean
}

export const EMPTY_SNAPSHOT: GitSnapshot = {
  files: {},
  gitDirs: [],
  gitFiles: [],
  truncated: false
}

export interface GitFinding {
  /** Workspace-relative path, as found (attacker-chosen text: for the logs folder only). */
  readonly path: string
  /** What was found, safe to show: fixed words, a known name, or a path of plain characters. */
  readonly shown: string
}

/** Hook names git runs (githooks(5)); other names in a hooks folder are never run. */
export const HOOK_NAMES = new Set([
  'applypatch-msg',
  'pre-applypatch',
  'post-applypatch',
  'pre-commit',
  'pre-merge-commit',
  'prepare-commit-msg',
  'commit-msg',
  'post-commit',
  'pre-rebase',
  'post-checkout',
  'post-merge',
  'pre-push',
  'pre-receive',
  'update',
  'proc-receive',
  'post-receive',
  'post-update',
  'reference-transaction',
  'push-to-checkout',
  'pre-auto-gc',
  'post-rewrite',
  'sendemail-validate',
  'fsmonitor-watchman',
  'p4-changelist',
  'p4-prepare-changelist',
  'p4-post-changelist',
  'p4-pre-submit',
  'post-index-change'
])

const SAFE_PATH = /^[A-Za-z0-9._/-]{1,100}$/

/** A workspace path as shown to people: itself when short and plain, else a placeholder. */
export function shownPath(path: string): string {
  return SAFE_PATH.test(path) && !path.includes('..') ? path : '(a path with unusual characters)'
}

const entryId = (e: ConfigEntry): string => `${e.key}\u0000${e.value ?? ''}`

function configFindings(path: string, before: string | undefined, after: string): GitFinding[] {
  const was = parseGitConfig(before ?? '')
  const known = new Set(was.entries.map(entryId))
  const now = parseGitConfig(after)
  const findings: GitFinding[] = []
  const seen = new Set<string>()
  for (const entry of now.entries) {
    const danger = dangerOf(entry)
    if (!danger || known.has(entryId(entry))) continue
    const shown = `${shownPath(path)}: ${shownKey(entry)} (${danger.reason})`
    if (seen.has(shown)) continue
    seen.add(shown)
    findings.push({ path, shown })
  }
  if (now.unreadable.length > 0)
    findings.push({
      path,
      shown: `${shownPath(path)}: config text the check cannot read (line ${now.unreadable[0]})`
    })
  return findings
}

/** The attribute assignments that hand a file to a program: a filter, diff or merge driver. */
export function driverAttributes(line: string): string[] {
  const trimmed = line.trim()
  if (trimmed === '' || trimmed.startsWith('#')) return []
  return trimmed
    .split(/\s+/)
    .slice(trimmed.startsWith('[attr]') ? 0 : 1)
    .map((token) => token.replace(/^\[attr\]\S*$/, ''))
    .filter((token) => /^(filter|diff|merge)=/.test(token))
    .map((token) => token.slice(0, token.indexOf('=')))
}

function attributeFindings(path: string, before: string | undefined, after: string): GitFinding[] {
  const old = new Set((before ?? '').split(/\r?\n/).map((l) => l.trim()))
  const drivers = new Set<string>()
  for (const line of after.split(/\r?\n/))
    if (!old.has(line.trim())) for (const d of driverAttributes(line)) drivers.add(d)
  return [...drivers]
    .sort()
    .map((d) => ({ path, shown: `${shownPath(path)}: a new \`${d}=\` attribute (names a driver)` }))
}

function hookShown(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1)
  const dir = path.slice(0, path.lastIndexOf('/'))
  const what = HOOK_NAMES.has(name) ? `hook \`${name}\`` : 'a file in the hooks folder'
  return `${shownPath(dir)}: ${what}`
}

function changedFile(
  path: string,
  before: GitFileState | undefined,
  after: GitFileState
): GitFinding[] {
  const was = before?.kind === after.kind ? before.content : undefined
  if (was === after.content) return []
  const verb = was === undefined ? 'new' : 'changed'
  if (/^(symlink:|dir$|other$)/.test(after.content) && after.kind !== 'hook')
    return [{ path, shown: `${shownPath(path)}: ${verb}, and not a plain file` }]
  switch (after.kind) {
    case 'config':
      return configFindings(path, was, after.content)
    case 'attributes':
      return attributeFindings(path, was, after.content)
    case 'hook':
      return [{ path, shown: `${hookShown(path)} (${verb})` }]
    case 'pointer':
      return [{ path, shown: `${shownPath(path)}: ${verb} (points git at another folder)` }]
  }
}

/** Everything the command added that would make a later git command run a program. */
export function compareGitSnapshots(before: GitSnapshot, after: GitSnapshot): GitFinding[] {
  const findings = Object.keys(after.files)
    .sort()
    .flatMap((path) => changedFile(path, before.files[path], after.files[path]!))
  if (after.truncated)
    findings.push({
      path: '',
      shown:
        'the workspace has too many entries: `.gitattributes` files past the limit were not checked'
    })
  return findings
}

export type GitIntegrityMode = 'fail' | 'warn'

export interface GitIntegrityResult {
  readonly findings: readonly GitFinding[]
  /** The findings fail the step (`git-integrity: fail`, the default). */
  readonly fails: boolean
}

export function judgeGitIntegrity(
  findings: readonly GitFinding[],
  mode: GitIntegrityMode
): GitIntegrityResult {
  return { findings, fails: mode === 'fail' && findings.length > 0 }
}

/** At most this many findings are listed in the summary and the CLI report. */
export const SHOWN_FINDINGS = 20

/** Lines for the summary and the CLI report (shown text only; full paths stay in the logs). */
export function gitFindingLines(findings: readonly GitFinding[]): string[] {
  const lines = findings.slice(0, SHOWN_FINDINGS).map((f) => f.shown)
  if (findings.length > SHOWN_FINDINGS)
    lines.push(`and ${findings.length - SHOWN_FINDINGS} more (see git-integrity.json in the logs)`)
  return lines
}
