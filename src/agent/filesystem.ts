/**
 * What the command sees of the runner's filesystem: a pure plan over facts about the runner.
 *
 * Host mode (the default) shows the runner's system folders read-only, so tools installed by
 * earlier steps run unchanged; image mode shows only the given image. In both, the workspace,
 * a fresh HOME and a private /tmp are the only writable places (the container's own root is
 * read-only), and every credential, runtime socket and workflow-command file that would fall
 * inside a visible folder is masked.
 */
import { dirname, isAbsolute, normalize, posix } from 'node:path'
import type { BindMount, TmpfsMount } from '../common/mounts.js'
import type { RunnerPaths } from './runner-paths.js'

export { runnerPathsFrom, type RunnerPaths } from './runner-paths.js'

export type AgentMode = 'host' | 'image'

export type PathKind = 'dir' | 'file' | 'other' | 'missing'

export interface FilesystemRequest extends RunnerPaths {
  readonly mode: AgentMode
  readonly workspace: string
  /** Host folder (empty, owned by the command's user) that becomes the command's HOME. */
  readonly freshHome: string
  /**
   * An empty host file, mode 0444, mounted read-only over each masked file. (Not /dev/null:
   * writes to a device node succeed even on a read-only mount.)
   */
  readonly emptyFile: string
  /** Files or folders under the runner's HOME (relative paths) shown read-only in the new HOME. */
  readonly homeFiles?: readonly string[]
  /** The uid the command runs as (for its runtime directory under /run/user). */
  readonly uid: number
  readonly kindOf: (path: string) => PathKind
}

export interface AgentFilesystem {
  readonly binds: readonly BindMount[]
  readonly tmpfs: readonly TmpfsMount[]
  /** The command's HOME inside the container. */
  readonly home: string
  /** Paths hidden because they fell inside a visible folder. */
  readonly masked: readonly string[]
  /**
   * Folders (relative to HOME) the sandbox creates in the fresh HOME, owned by the command's
   * user, before the container starts: mounts inside HOME would otherwise leave root-owned
   * parents the command cannot write to.
   */
  readonly homeDirs: readonly string[]
}

/** The runner's system folders shown read-only in host mode (when they are real folders). */
export const HOST_SYSTEM_DIRS = [
  '/usr',
  '/etc',
  '/opt',
  '/bin',
  '/sbin',
  '/lib',
  '/lib32',
  '/lib64',
  '/libx32'
]

/** Files and folders of the runner's user that hold credentials. */
export const HOME_SECRETS = [
  '.docker',
  '.ssh',
  '.aws',
  '.azure',
  '.config/gcloud',
  '.config/gh',
  '.kube',
  '.gnupg',
  '.netrc',
  '.git-credentials',
  '.npmrc',
  '.pypirc'
]

/** The runner's own state: its registration, credentials and diagnostic logs. */
export const RUNNER_SECRETS = [
  '.credentials',
  '.credentials_rsaparams',
  '.runner',
  '.env',
  '.path',
  '.service',
  '_diag'
]

/** Container runtime sockets (and the folders holding them). */
export const RUNTIME_SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/run/containerd',
  '/var/run/containerd',
  '/run/podman',
  '/run/crio',
  '/var/run/crio'
]

/**
 * Container runtime command-line tools: useless without a socket, but the agent gets none at
 * all (each becomes an empty, non-executable file).
 */
export const RUNTIME_CLIS = ['docker', 'podman', 'nerdctl', 'ctr', 'crictl', 'buildah']
const BIN_DIRS = ['/usr/bin', '/usr/sbin', '/usr/local/bin', '/usr/local/sbin']

/** Where the fresh HOME goes when the runner's HOME path cannot be used. */
export const FALLBACK_HOME = '/awf/home'

const within = (path: string, dir: string): boolean =>
  path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`)

function checkPath(what: string, path: string): string {
  if (!isAbsolute(path)) throw new Error(`${what} must be an absolute path, got ${path}`)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(path)) throw new Error(`${what} contains a control character`)
  return normalize(path).replace(/(.)\/+$/, '$1')
}

/**
 * The mounts planned so far, and whether a runner path would show through them: a path is
 * visible when the deepest mount holding it shows the runner's own folder at the same path.
 */
class MountView {
  readonly binds: BindMount[] = []
  readonly tmpfs: TmpfsMount[] = []

  visible(path: string): boolean {
    const holding = [
      ...this.binds.map((b) => ({ target: b.target, shows: b.source === b.target })),
      ...this.tmpfs.map((t) => ({ target: t.target, shows: false }))
    ].filter((m) => within(path, m.target))
    const deepest = holding.sort((a, b) => b.target.length - a.target.length)[0]
    return deepest?.shows ?? false
  }

  show(path: string, readOnly = true): void {
    this.binds.push({ source: path, target: path, readOnly })
  }

  hide(path: string, kind: PathKind, emptyFile: string): void {
    if (kind === 'dir') this.tmpfs.push({ target: path, readOnly: true, mode: 0o755 })
    else this.binds.push({ source: emptyFile, target: path, readOnly: true })
  }
}

/** Places that hold credentials, runtime sockets or workflow-command files. */
function secretPaths(r: FilesystemRequest, runnerHome: string): string[] {
  return [
    ...HOME_SECRETS.map((p) => posix.join(runnerHome, p)),
    ...(r.runnerRoots ?? []).flatMap((root) => RUNNER_SECRETS.map((p) => posix.join(root, p))),
    // Their folder, or the files themselves where the folder holds the workspace.
    ...r.commandFiles.flatMap((f) => [dirname(f), f]),
    ...RUNTIME_SOCKETS,
    ...BIN_DIRS.flatMap((dir) => RUNTIME_CLIS.map((cli) => `${dir}/${cli}`)),
    `/run/user/${r.uid}`,
    ...(r.dockerHost?.startsWith('unix://') ? [r.dockerHost.slice('unix://'.length)] : []),
    ...(r.sockets ?? [])
  ]
    .filter((p) => isAbsolute(p))
    .map((p) => normalize(p))
}

/**
 * Each runner work folder goes behind an empty read-only tmpfs: other jobs' checkouts,
 * `_temp` (step scripts), `_actions`. A folder holding a system folder (or /) is left alone:
 * it cannot be a work folder, and hiding it would hide the runner's tools.
 */
function hideWorkFolders(r: FilesystemRequest, view: MountView): string[] {
  const hidden: string[] = []
  for (const raw of r.workFolders ?? []) {
    const folder = checkPath('the runner work folder', raw)
    if (HOST_SYSTEM_DIRS.some((d) => within(d, folder)) || !view.visible(folder)) continue
    if (r.kindOf(folder) !== 'dir') continue
    view.hide(folder, 'dir', r.emptyFile)
    hidden.push(folder)
  }
  return hidden
}

/** Places the PATH folders must not lead into, nor hold. */
interface Exposure {
  readonly workspace: string
  readonly runnerHome: string
  readonly home: string
  readonly secrets: readonly string[]
}

const SYSTEM_STATE = ['/proc', '/sys', '/dev', '/run', '/var/run']

/**
 * The runner's PATH folders not shown yet (tools under HOME, the tool cache, GITHUB_PATH
 * additions), read-only at the same path. A folder is refused when it would show more than
 * tools: one holding HOME, the workspace, a runner's folders or the workflow-command files
 * (the runner's temp folder keeps step scripts there), one inside a secret, or system state.
 * A `shims` folder is shown with its version manager's root when that lies under HOME.
 */
function pathDirsToShow(r: FilesystemRequest, x: Exposure, view: MountView): string[] {
  const guarded = [
    x.runnerHome,
    x.workspace,
    x.home,
    ...(r.runnerRoots ?? []),
    ...(r.workFolders ?? []),
    ...r.commandFiles
  ]
  // A version manager's shims (pyenv, rbenv, asdf) re-run the manager from its root, which it
  // finds through HOME: shown with that root under the command's HOME, left out otherwise (the
  // command's PATH then finds the next copy of the tool).
  const toolRoot = (dir: string): string | undefined =>
    posix.basename(dir) !== 'shims' ? dir : within(dir, x.runnerHome) ? dirname(dir) : undefined
  const dirs = (r.pathDirs ?? [])
    .filter((dir) => isAbsolute(dir))
    .map(toolRoot)
    .filter((dir): dir is string => dir !== undefined)
  return [...new Set(dirs)].filter(
    (dir) =>
      !guarded.some((p) => within(p, dir)) &&
      ![...x.secrets, ...SYSTEM_STATE].some((s) => within(dir, s)) &&
      !view.visible(dir) &&
      r.kindOf(dir) === 'dir'
  )
}

/** Listed HOME files, minus any inside a credential folder (home-config refuses those too). */
const homeFilesToShow = (r: FilesystemRequest, runnerHome: string): string[] =>
  (r.homeFiles ?? []).filter(
    (f) =>
      !posix.isAbsolute(f) &&
      !f.split('/').includes('..') &&
      !HOME_SECRETS.some((s) => within(posix.join(runnerHome, f), posix.join(runnerHome, s)))
  )

export function planAgentFilesystem(r: FilesystemRequest): AgentFilesystem {
  const workspace = checkPath('the workspace', r.workspace)
  if (workspace === '/') throw new Error('the workspace cannot be / (it would expose everything)')
  const runnerHome = checkPath('HOME', r.runnerHome)
  // HOME keeps its path unless the workspace holds it (a CLI run from the home folder).
  const home = within(runnerHome, workspace) || runnerHome === '/' ? FALLBACK_HOME : runnerHome
  const secrets = secretPaths(r, runnerHome)

  const view = new MountView()
  const masked: string[] = []
  const homeDirs: string[] = []
  if (r.mode === 'host') {
    for (const dir of HOST_SYSTEM_DIRS) if (r.kindOf(dir) === 'dir') view.show(dir)
    masked.push(...hideWorkFolders(r, view))
    if (r.toolCache) {
      const cache = checkPath('RUNNER_TOOL_CACHE', r.toolCache)
      if (!view.visible(cache) && !within(cache, workspace) && r.kindOf(cache) === 'dir')
        view.show(cache)
    }
  }
  view.binds.push({ source: r.freshHome, target: home, readOnly: false })
  view.show(workspace, false)
  if (r.eventPath) {
    const event = checkPath('GITHUB_EVENT_PATH', r.eventPath)
    if (!within(event, workspace) && r.kindOf(event) === 'file') view.show(event)
  }
  if (r.mode === 'host')
    for (const dir of pathDirsToShow(r, { workspace, runnerHome, home, secrets }, view)) {
      view.show(dir)
      if (within(dir, home) && dir !== home) homeDirs.push(posix.relative(home, dir))
    }
  for (const file of homeFilesToShow(r, runnerHome)) {
    if (r.kindOf(posix.join(runnerHome, file)) === 'missing') continue
    view.binds.push({
      source: posix.join(runnerHome, file),
      target: posix.join(home, file),
      readOnly: true
    })
    if (dirname(file) !== '.') homeDirs.push(dirname(file))
  }
  view.tmpfs.push({ target: '/tmp', readOnly: false, mode: 0o1777 })

  for (const path of [...new Set(secrets)].sort()) {
    if (!view.visible(path)) continue
    // A folder holding the workspace cannot be masked; the mounts above it never hold secrets.
    if (within(workspace, path) || within(home, path)) continue
    const kind = r.kindOf(path)
    if (kind === 'missing') continue
    masked.push(path)
    view.hide(path, kind, r.emptyFile)
  }
  return { binds: view.binds, tmpfs: view.tmpfs, home, masked, homeDirs: [...new Set(homeDirs)] }
}

/** In each git folder, what makes git run a program: read-only while the command runs. */
export const GIT_PROTECTED = ['config', 'config.worktree', 'commondir', 'hooks', 'info']

/**
 * Read-only mounts over the workspace's git metadata (`protect-git`), so that the command
 * cannot leave code for a later git command on the runner. Each git folder is also mounted
 * over itself, read-write: a mount point cannot be renamed away and replaced. `.git` files
 * (pointers to a git folder) are read-only too. Only real folders and files are mounted.
 */
export function protectGitMounts(
  workspace: string,
  git: { readonly gitDirs: readonly string[]; readonly gitFiles: readonly string[] },
  kindOf: (path: string) => PathKind
): BindMount[] {
  const root = checkPath('the workspace', workspace)
  const binds: BindMount[] = []
  const bind = (path: string, readOnly: boolean): void => {
    const kind = kindOf(path)
    if (within(path, root) && path !== root && (kind === 'dir' || kind === 'file'))
      binds.push({ source: path, target: path, readOnly })
  }
  for (const dir of git.gitDirs.map((d) => posix.join(root, d))) {
    bind(dir, false)
    for (const name of GIT_PROTECTED) bind(posix.join(dir, name), true)
  }
  for (const file of git.gitFiles) bind(posix.join(root, file), true)
  return binds
}

/**
 * Root-only files of the runner's system folders (not readable by others: `/etc/shadow`,
 * SSH host keys, `/etc/sudoers`), hidden when the command runs as root, which would
 * otherwise read them as their owner. Folders become empty read-only tmpfs, files the empty
 * file; `found` comes from a scan of the visible folders (src/sandbox/root-only.ts).
 */
export function maskRootOnly(
  found: readonly { readonly path: string; readonly kind: 'dir' | 'file' }[],
  emptyFile: string
): Pick<AgentFilesystem, 'binds' | 'tmpfs' | 'masked'> {
  const binds: BindMount[] = []
  const tmpfs: TmpfsMount[] = []
  const masked: string[] = []
  for (const { path, kind } of [...found].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    if (!isAbsolute(path) || masked.some((m) => within(path, m))) continue
    masked.push(path)
    if (kind === 'dir') tmpfs.push({ target: path, readOnly: true, mode: 0o755 })
    else binds.push({ source: emptyFile, target: path, readOnly: true })
  }
  return { binds, tmpfs, masked }
}
