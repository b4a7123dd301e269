/**
 * Where the runner keeps its things, worked out from facts that do not depend on how the
 * action was started: the step's environment, the Node binary's path, the paths of runner
 * processes seen on the machine and the unix sockets bound on it. Pure: the sandbox gathers
 * the observations (src/sandbox/runner-facts.ts) and adds them with `withObservations`.
 */
import { basename, dirname, isAbsolute, normalize } from 'node:path'

/** What the sandbox observed of the machine besides the environment. */
export interface RunnerObservations {
  /** Executable paths of runner processes (the worker running this job, other services). */
  readonly runnerExes?: readonly string[]
  /** Paths of the unix sockets bound on the machine (from /proc/net/unix). */
  readonly sockets?: readonly string[]
}

export interface RunnerPaths {
  /** The runner user's real HOME; its secrets are masked if they fall inside a visible folder. */
  readonly runnerHome: string
  readonly toolCache?: string
  /** GITHUB_EVENT_PATH: the event payload, shown read-only (prompts often come from it). */
  readonly eventPath?: string
  /** Installation folders of runners on this machine (each holds .credentials, .runner, _diag). */
  readonly runnerRoots?: readonly string[]
  /**
   * The runners' work folders (`_work`): every job's checkout, `_temp`, `_actions`. Hidden,
   * except this job's workspace, tool cache and event file, which are shown on top.
   */
  readonly workFolders?: readonly string[]
  /** GITHUB_ENV, GITHUB_PATH, GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY file paths. */
  readonly commandFiles: readonly string[]
  /** DOCKER_HOST when it names a unix socket. */
  readonly dockerHost?: string
  /** The folders on the runner's PATH, in order: shown read-only so PATH works unchanged. */
  readonly pathDirs?: readonly string[]
  /** Unix sockets bound on the machine: hidden wherever a visible folder holds one. */
  readonly sockets?: readonly string[]
}

/** The runner's programs live in `<root>/bin`; Node for actions in `<root>/externals/`. */
const RUNNER_PROGRAMS = /\/bin\/Runner\.(Worker|Listener)$/

const absolute = (p: string | undefined): string | undefined =>
  // eslint-disable-next-line no-control-regex
  p && isAbsolute(p) && !/[\u0000-\u001f]/.test(p)
    ? normalize(p).replace(/(.)\/+$/, '$1')
    : undefined

const under = (path: string, dir: string): boolean =>
  path === dir || path.startsWith(dir.endsWith('/') ? dir : `${dir}/`)

const distinct = (paths: readonly (string | undefined)[]): string[] =>
  [...new Set(paths.filter((p): p is string => !!p && p !== '/'))].sort()

/** Keeps the outermost of nested folders (hiding a folder hides what it holds). */
function outermost(paths: readonly (string | undefined)[]): string[] {
  const set = distinct(paths)
  return set.filter((p) => !set.some((q) => q !== p && under(p, q)))
}

/** The work folder from each variable the runner sets inside it. */
function workFoldersFrom(env: Readonly<Record<string, string | undefined>>): string[] {
  const found: (string | undefined)[] = []
  const workspace = absolute(env.RUNNER_WORKSPACE)
  if (workspace) found.push(dirname(workspace))
  const temp = absolute(env.RUNNER_TEMP)
  if (temp && basename(temp) === '_temp') found.push(dirname(temp))
  const cache = absolute(env.RUNNER_TOOL_CACHE)
  if (cache && basename(cache) === '_tool') found.push(dirname(cache))
  // <work>/<repository>/<repository>: only that shape is trusted to name the work folder.
  const checkout = absolute(env.GITHUB_WORKSPACE)
  if (checkout && basename(checkout) === basename(dirname(checkout)))
    found.push(dirname(dirname(checkout)))
  return outermost(found)
}

/** The runner's paths the plan needs, read from the step's environment and our Node's path. */
export function runnerPathsFrom(
  env: Readonly<Record<string, string | undefined>>,
  execPath: string
): RunnerPaths {
  // Actions run on the runner's own Node: <runner>/externals/node24/bin/node.
  const externals = execPath.lastIndexOf('/externals/')
  const root = externals > 0 ? absolute(execPath.slice(0, externals)) : undefined
  const work = workFoldersFrom(env)
  return {
    runnerHome: env.HOME || '/',
    toolCache: env.RUNNER_TOOL_CACHE || undefined,
    eventPath: env.GITHUB_EVENT_PATH || undefined,
    runnerRoots: distinct([
      root,
      ...work.filter((w) => basename(w) === '_work').map((w) => dirname(w))
    ]),
    workFolders: outermost([...work, root && `${root}/_work`]),
    commandFiles: [
      'GITHUB_ENV',
      'GITHUB_PATH',
      'GITHUB_OUTPUT',
      'GITHUB_STATE',
      'GITHUB_STEP_SUMMARY'
    ]
      .map((k) => env[k])
      .filter((v): v is string => !!v),
    dockerHost: env.DOCKER_HOST || undefined,
    pathDirs: [
      ...new Set(
        (env.PATH ?? '')
          .split(':')
          .map(absolute)
          .filter((p): p is string => !!p)
      )
    ]
  }
}

/**
 * Adds what was seen on the machine: every runner process's installation folder and its
 * default work folder (other services' jobs are not this job's business), and bound sockets.
 */
export function withObservations(paths: RunnerPaths, seen: RunnerObservations): RunnerPaths {
  const roots = (seen.runnerExes ?? [])
    .map(absolute)
    .map((exe) => (exe && RUNNER_PROGRAMS.test(exe) ? dirname(dirname(exe)) : undefined))
  return {
    ...paths,
    runnerRoots: distinct([...(paths.runnerRoots ?? []), ...roots]),
    workFolders: outermost([
      ...(paths.workFolders ?? []),
      ...roots.map((root) => root && `${root}/_work`)
    ]),
    sockets: distinct([
      ...(paths.sockets ?? []),
      ...(seen.sockets ?? []).map(absolute).filter((p): p is string => !!p)
    ])
  }
}

/**
 * Socket paths from /proc/net/unix: the path is everything after the seventh column (it may
 * hold spaces); abstract sockets (`@name`) have no file to hide.
 */
export function socketPathsFromProcNetUnix(text: string): string[] {
  const paths = text
    .split('\n')
    .slice(1)
    .map((line) => /^\s*\S+:(?:\s+\S+){6} (.+)$/.exec(line)?.[1])
    .filter((p): p is string => !!p && p.startsWith('/'))
  return [...new Set(paths)].sort()
}
