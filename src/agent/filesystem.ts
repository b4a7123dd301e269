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

export type AgentMode = 'host' | 'image'

export type PathKind = 'dir' | 'file' | 'other' | 'missing'

export interface FilesystemRequest {
  readonly mode: AgentMode
  readonly workspace: string
  /** The runner user's real HOME; its secrets are masked if they fall inside a visible folder. */
  readonly runnerHome: string
  /** Host folder (empty, owned by the command's user) that becomes the command's HOME. */
  readonly freshHome: string
  /**
   * An empty host file, mode 0444, mounted read-only over each masked file. (Not /dev/null:
   * writes to a device node succeed even on a read-only mount.)
   */
  readonly emptyFile: string
  readonly toolCache?: string
  /** GITHUB_EVENT_PATH: the event payload, shown read-only (prompts often come from it). */
  readonly eventPath?: string
  /** The runner's installation folder (holds .credentials, .runner, _diag). */
  readonly runnerRoot?: string
  /** GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY file paths. */
  readonly commandFiles: readonly string[]
  /** The uid the command runs as (for its runtime directory under /run/user). */
  readonly uid: number
  /** DOCKER_HOST when it names a unix socket. */
  readonly dockerHost?: string
  readonly kindOf: (path: string) => PathKind
}

export interface AgentFilesystem {
  readonly binds: readonly BindMount[]
  readonly tmpfs: readonly TmpfsMount[]
  /** The command's HOME inside the container. */
  readonly home: string
  /** Paths hidden because they fell inside a visible folder. */
  readonly masked: readonly string[]
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

export function planAgentFilesystem(r: FilesystemRequest): AgentFilesystem {
  const workspace = checkPath('the workspace', r.workspace)
  if (workspace === '/') throw new Error('the workspace cannot be / (it would expose everything)')
  const runnerHome = checkPath('HOME', r.runnerHome)
  // HOME keeps its path unless the workspace holds it (a CLI run from the home folder).
  const home = within(runnerHome, workspace) || runnerHome === '/' ? FALLBACK_HOME : runnerHome

  const binds: BindMount[] = []
  if (r.mode === 'host') {
    for (const dir of HOST_SYSTEM_DIRS)
      if (r.kindOf(dir) === 'dir') binds.push({ source: dir, target: dir, readOnly: true })
    if (r.toolCache) {
      const cache = checkPath('RUNNER_TOOL_CACHE', r.toolCache)
      const shown = binds.some((b) => within(cache, b.target))
      if (!shown && !within(cache, workspace) && r.kindOf(cache) === 'dir')
        binds.push({ source: cache, target: cache, readOnly: true })
    }
  }
  binds.push({ source: r.freshHome, target: home, readOnly: false })
  binds.push({ source: workspace, target: workspace, readOnly: false })
  if (r.eventPath) {
    const event = checkPath('GITHUB_EVENT_PATH', r.eventPath)
    if (!within(event, workspace) && r.kindOf(event) === 'file')
      binds.push({ source: event, target: event, readOnly: true })
  }
  const tmpfs: TmpfsMount[] = [{ target: '/tmp', readOnly: false, mode: 0o1777 }]

  const candidates = [
    ...HOME_SECRETS.map((p) => posix.join(runnerHome, p)),
    ...(r.runnerRoot ? RUNNER_SECRETS.map((p) => posix.join(r.runnerRoot!, p)) : []),
    // Their folder, or the files themselves where the folder holds the workspace.
    ...r.commandFiles.flatMap((f) => [dirname(f), f]),
    ...RUNTIME_SOCKETS,
    ...BIN_DIRS.flatMap((dir) => RUNTIME_CLIS.map((cli) => `${dir}/${cli}`)),
    `/run/user/${r.uid}`,
    ...(r.dockerHost?.startsWith('unix://') ? [r.dockerHost.slice('unix://'.length)] : [])
  ]
    .filter((p) => isAbsolute(p))
    .map((p) => normalize(p))
  const visible = binds.filter((b) => b.source === b.target)
  const masked: string[] = []
  for (const path of [...new Set(candidates)].sort()) {
    if (!visible.some((b) => within(path, b.target))) continue
    // A folder holding the workspace cannot be masked; the mounts above it never hold secrets.
    if (within(workspace, path) || within(home, path)) continue
    const kind = r.kindOf(path)
    if (kind === 'missing') continue
    if (masked.some((m) => within(path, m))) continue
    masked.push(path)
    if (kind === 'dir') tmpfs.push({ target: path, readOnly: true, mode: 0o755 })
    else binds.push({ source: r.emptyFile, target: path, readOnly: true })
  }
  return { binds, tmpfs, home, masked }
}

/** The runner's paths the plan needs, read from the step's environment. */
export function runnerPathsFrom(
  env: Readonly<Record<string, string | undefined>>,
  execPath: string
): Pick<
  FilesystemRequest,
  'runnerHome' | 'toolCache' | 'eventPath' | 'runnerRoot' | 'commandFiles' | 'dockerHost'
> {
  // Actions run on the runner's own Node: <runner>/externals/node24/bin/node.
  const externals = execPath.lastIndexOf('/externals/')
  return {
    runnerHome: env.HOME || '/',
    toolCache: env.RUNNER_TOOL_CACHE || undefined,
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    runnerRoot: externals > 0 ? execPath.slice(0, externals) : undefined,
    commandFiles: [
      'GITHUB_ENV',
      'GITHUB_PATH',
      'GITHUB_OUTPUT',
      'GITHUB_STATE',
      'GITHUB_STEP_SUMMARY'
    ]
      .map((k) => env[k])
      .filter((v): v is string => !!v),
    dockerHost: env.DOCKER_HOST || undefined
  }
}
