/** Pure builders of docker CLI argv. Nothing here runs a command. */
import type { BindMount, TmpfsMount } from '../common/mounts.js'

export const RUN_LABEL = 'awf.run'
export const OWNER_LABEL = 'awf.owner'

export interface NetworkSpec {
  readonly name: string
  readonly subnet: string
  readonly bridgeName: string
  readonly internal: boolean
  readonly labels: Readonly<Record<string, string>>
}

/** A container on a network at a fixed address, or one sharing another's network namespace. */
export type Attachment =
  | { readonly network: string; readonly ip: string }
  | { readonly shareNetworkOf: string }
  | { readonly noNetwork: true }

export interface ContainerSpec {
  readonly name: string
  readonly image: string
  readonly attach: Attachment
  readonly labels: Readonly<Record<string, string>>
  readonly mounts: readonly BindMount[]
  readonly tmpfs?: readonly TmpfsMount[]
  /** The container's own root filesystem is read-only; only mounts can be written. */
  readonly readOnlyRoot?: boolean
  /** Replaces the image's entrypoint (an absolute path inside the container). */
  readonly entrypoint?: string
  /** `name:address` lines for the container's /etc/hosts. */
  readonly extraHosts?: Readonly<Record<string, string>>
  /** Allocate a pseudo-terminal for the command. */
  readonly tty?: boolean
  readonly env: Readonly<Record<string, string>>
  readonly capAdd: readonly string[]
  readonly user?: string
  readonly workdir?: string
  readonly seccompProfile?: string
  readonly sysctls: Readonly<Record<string, string>>
  readonly pidsLimit?: number
  readonly memoryBytes?: number
  /** Resource limits (`--ulimit`), soft and hard alike: `nofile` -> 16384. */
  readonly ulimits?: Readonly<Record<string, number>>
  /** Supplementary groups of the container's processes (numeric gids). */
  readonly groupAdd?: readonly number[]
  /** Join that container's PID namespace (the topology-only process inspector). */
  readonly sharePidOf?: string
  /** Run docker's init (tini) as PID 1 so signals and exit statuses behave as on the runner. */
  readonly init: boolean
  /**
   * A foreground run's container stays after it exits, for the teardown to remove with the
   * rest (`--rm` makes `docker run` return only once the container is gone).
   */
  readonly keepAfterExit?: boolean
  readonly command: readonly string[]
}

/** `--mount` values are CSV: a path holding a comma or quote must be quoted, not split. */
function csvField(field: string): string {
  return /[",\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field
}

function mountArg(m: BindMount): string {
  const fields = ['type=bind', `source=${m.source}`, `target=${m.target}`]
  return [...fields.map(csvField), ...(m.readOnly ? ['readonly'] : [])].join(',')
}

function tmpfsArg(t: TmpfsMount): string {
  const fields = ['type=tmpfs', `target=${t.target}`, `tmpfs-mode=${t.mode.toString(8)}`]
  return [...fields.map(csvField), ...(t.readOnly ? ['readonly'] : [])].join(',')
}

function labelArgs(labels: Readonly<Record<string, string>>): string[] {
  return Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`])
}

export function buildNetworkCreateArgs(spec: NetworkSpec): string[] {
  return [
    'network',
    'create',
    '--driver',
    'bridge',
    '--subnet',
    spec.subnet,
    '--opt',
    `com.docker.network.bridge.name=${spec.bridgeName}`,
    ...(spec.internal ? ['--internal'] : []),
    ...labelArgs(spec.labels),
    spec.name
  ]
}

function networkArgs(a: Attachment): string[] {
  if ('shareNetworkOf' in a) return ['--network', `container:${a.shareNetworkOf}`]
  if ('noNetwork' in a) return ['--network', 'none']
  return ['--network', a.network, '--ip', a.ip]
}

/**
 * `docker create`/`docker run` options shared by every container. Every container drops
 * every capability, cannot gain privileges and runs no health check; what a container needs
 * is added back by name.
 */
function containerOptions(spec: ContainerSpec): string[] {
  const a = spec.attach
  const args = [
    '--name',
    spec.name,
    ...networkArgs(a),
    '--cap-drop',
    'ALL',
    ...spec.capAdd.flatMap((c) => ['--cap-add', c]),
    '--security-opt',
    'no-new-privileges',
    // A health check defined by an image would run its code in the container before `go`
    // (and on a 5 s cadence after); none of a run's containers needs one.
    '--no-healthcheck',
    ...labelArgs(spec.labels),
    ...spec.mounts.flatMap((m) => ['--mount', mountArg(m)]),
    ...(spec.tmpfs ?? []).flatMap((t) => ['--mount', tmpfsArg(t)]),
    ...Object.entries(spec.extraHosts ?? {}).flatMap(([host, ip]) => [
      '--add-host',
      `${host}:${ip}`
    ]),
    ...Object.entries(spec.sysctls).flatMap(([k, v]) => ['--sysctl', `${k}=${v}`]),
    ...Object.entries(spec.env).flatMap(([k, v]) => ['--env', readByDocker(k) ? `${k}=${v}` : k])
  ]
  if (spec.seccompProfile) args.push('--security-opt', `seccomp=${spec.seccompProfile}`)
  if (spec.user) args.push('--user', spec.user)
  if (spec.workdir) args.push('--workdir', spec.workdir)
  if (spec.pidsLimit) args.push('--pids-limit', String(spec.pidsLimit))
  if (spec.memoryBytes) args.push('--memory', String(spec.memoryBytes))
  for (const [name, limit] of Object.entries(spec.ulimits ?? {}))
    args.push('--ulimit', `${name}=${limit}:${limit}`)
  for (const gid of spec.groupAdd ?? []) args.push('--group-add', String(gid))
  if (spec.sharePidOf) args.push('--pid', `container:${spec.sharePidOf}`)
  if (spec.init) args.push('--init')
  if (spec.readOnlyRoot) args.push('--read-only')
  if (spec.entrypoint) args.push('--entrypoint', spec.entrypoint)
  if (spec.tty) args.push('--tty')
  return args
}

/**
 * Names the docker command itself (and the loader and Go runtime under it) reads from its
 * environment: where its engine is, its configuration and credentials, its proxy, its TLS
 * roots. The container's variables of these names (the proxy settings the firewall sets, HOME,
 * PATH) are given in argv, so the docker command on the runner never acts on the agent's
 * values; the user's own variables may not use the DOCKER_ prefix (src/agent/env.ts).
 */
export function readByDocker(name: string): boolean {
  return /^(DOCKER_.*|LD_.*|GO(DEBUG|TRACEBACK|MAXPROCS|GC|MEMLIMIT)|(HTTPS?|ALL|NO)_PROXY|(https?|all|no)_proxy|HOME|PATH|TMPDIR|SSL_CERT_(FILE|DIR)|XDG_.*)$/.test(
    name
  )
}

/**
 * The docker process's own environment gets the container's other variables (their values
 * never appear in argv): the user's secrets travel there, under names docker does not read.
 */
export function containerEnv(spec: ContainerSpec): Record<string, string> {
  return Object.fromEntries(Object.entries(spec.env).filter(([k]) => !readByDocker(k)))
}

export function buildCreateArgs(spec: ContainerSpec): string[] {
  return ['create', ...containerOptions(spec), spec.image, ...spec.command]
}

/** Foreground run: output streams to our stdio, the exit status is the container's. */
export function buildRunArgs(spec: ContainerSpec): string[] {
  return [
    'run',
    ...(spec.keepAfterExit ? [] : ['--rm']),
    ...containerOptions(spec),
    spec.image,
    ...spec.command
  ]
}

export function buildBuildArgs(opts: {
  context: string
  tag: string
  buildArgs: Readonly<Record<string, string>>
}): string[] {
  return [
    'build',
    '--quiet',
    '--tag',
    opts.tag,
    ...Object.entries(opts.buildArgs).flatMap(([k, v]) => ['--build-arg', `${k}=${v}`]),
    opts.context
  ]
}
