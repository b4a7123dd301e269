/** Typed wrapper over the docker CLI. The rest of the code never assembles docker argv. */
import type { StdioOptions } from 'node:child_process'
import {
  buildBuildArgs,
  buildCreateArgs,
  buildNetworkCreateArgs,
  buildRunArgs,
  containerEnv,
  type ContainerSpec,
  type NetworkSpec
} from './docker-args.js'
import { lastLine, type CommandResult, type Exec } from './exec.js'

export class DockerError extends Error {
  constructor(
    readonly action: string,
    readonly result: CommandResult
  ) {
    // Docker 20.10 ends some errors with a bare "exit status 1": the line before says why.
    const why = lastLine(result.stderr.replace(/^exit status \d+$/gm, ''))
    super(`docker ${action} failed: ${why || `exit code ${result.exitCode}`}`)
  }
}

export interface NetworkInfo {
  readonly name: string
  readonly subnets: readonly string[]
  readonly labels: Readonly<Record<string, string>>
}

interface InspectedNetwork {
  Name: string
  IPAM?: { Config?: { Subnet?: string }[] | null }
  Labels?: Record<string, string> | null
}

export class Docker {
  constructor(
    private readonly exec: Exec,
    private readonly binary = 'docker'
  ) {}

  private readonly run = (...args: Parameters<Exec['run']>): ReturnType<Exec['run']> =>
    this.exec.run(...args)

  private async call(
    action: string,
    args: readonly string[],
    env?: Readonly<Record<string, string>>
  ): Promise<string> {
    const result = await this.run(this.binary, args, { env })
    if (result.exitCode !== 0) throw new DockerError(action, result)
    return result.stdout.trim()
  }

  /** Fails with an actionable message when no engine answers. */
  async ensureEngine(): Promise<string> {
    const result = await this.run(this.binary, ['version', '--format', '{{.Server.Version}}'], {
      timeoutMs: 20000
    }).catch((e: unknown) => ({ exitCode: 127, stdout: '', stderr: String(e) }))
    if (result.exitCode !== 0) {
      throw new Error(
        `no Docker engine answers (${lastLine(result.stderr) || 'docker version failed'}). ` +
          'Start dockerd (scripts/setup.sh does it on Debian) or run on a runner with Docker.'
      )
    }
    return result.stdout.trim()
  }

  async imageId(ref: string): Promise<string | undefined> {
    const result = await this.run(this.binary, ['image', 'inspect', '--format', '{{.Id}}', ref])
    return result.exitCode === 0 ? result.stdout.trim() : undefined
  }

  async pull(ref: string): Promise<boolean> {
    const result = await this.run(this.binary, ['pull', '--quiet', ref], { timeoutMs: 300000 })
    return result.exitCode === 0
  }

  async build(opts: {
    context: string
    tag: string
    buildArgs: Readonly<Record<string, string>>
  }): Promise<void> {
    await this.call('build', buildBuildArgs(opts))
  }

  async save(ref: string, file: string): Promise<void> {
    await this.call('save', ['save', '--output', file, ref])
  }

  async load(file: string): Promise<void> {
    await this.call('load', ['load', '--quiet', '--input', file])
  }

  async networkCreate(spec: NetworkSpec): Promise<void> {
    await this.call('network create', buildNetworkCreateArgs(spec))
  }

  /** Removes networks; absent ones are not an error. */
  async networkRemove(names: readonly string[]): Promise<void> {
    if (names.length === 0) return
    const result = await this.run(this.binary, ['network', 'rm', ...names])
    if (result.exitCode !== 0 && realErrors(result.stderr, /No such network|not found/i).length > 0)
      throw new DockerError('network rm', result)
  }

  /** Every network with its subnets, so a run can pick subnets nothing else uses. */
  async networks(labelFilter?: string): Promise<NetworkInfo[]> {
    const ls = [
      'network',
      'ls',
      '--quiet',
      ...(labelFilter ? ['--filter', `label=${labelFilter}`] : [])
    ]
    const ids = (await this.call('network ls', ls)).split('\n').filter(Boolean)
    if (ids.length === 0) return []
    const result = await this.run(this.binary, ['network', 'inspect', ...ids])
    // A network removed between ls and inspect makes inspect fail; its siblings still print.
    const parsed = JSON.parse(result.stdout.trim() || '[]') as InspectedNetwork[]
    return parsed.map((n) => ({
      name: n.Name,
      subnets: (n.IPAM?.Config ?? []).map((c) => c.Subnet ?? '').filter(Boolean),
      labels: n.Labels ?? {}
    }))
  }

  async containerCreate(spec: ContainerSpec): Promise<void> {
    await this.call('create', buildCreateArgs(spec), containerEnv(spec))
  }

  async networkConnect(network: string, container: string, ip: string): Promise<void> {
    await this.call('network connect', ['network', 'connect', '--ip', ip, network, container])
  }

  async containerStart(name: string): Promise<void> {
    await this.call('start', ['start', name])
  }

  /** `docker run` in the foreground, its output on `stdio`; resolves with its exit status. */
  runAttached(spec: ContainerSpec, stdio: StdioOptions): Promise<number> {
    return this.exec.attach(this.binary, buildRunArgs(spec), stdio, containerEnv(spec))
  }

  /** The host PID of the container's init process, or undefined when it is not running. */
  async containerPid(name: string): Promise<number | undefined> {
    const result = await this.run(this.binary, ['inspect', '--format', '{{.State.Pid}}', name])
    const pid = Number(result.stdout.trim())
    return result.exitCode === 0 && pid > 0 ? pid : undefined
  }

  async containerRunning(name: string): Promise<boolean> {
    const result = await this.run(this.binary, ['inspect', '--format', '{{.State.Running}}', name])
    return result.exitCode === 0 && result.stdout.trim() === 'true'
  }

  /** Removes containers at once (SIGKILL, no graceful stop); absent ones are not an error. */
  async containerRemove(names: readonly string[]): Promise<void> {
    if (names.length === 0) return
    const result = await this.run(this.binary, ['rm', '--force', '--volumes', ...names])
    if (
      result.exitCode !== 0 &&
      realErrors(result.stderr, /No such container|already in progress/i).length > 0
    )
      throw new DockerError('rm', result)
  }

  async containersByLabel(
    label: string
  ): Promise<{ name: string; labels: Record<string, string> }[]> {
    const out = await this.call('ps', [
      'ps',
      '--all',
      '--filter',
      `label=${label}`,
      '--format',
      '{{.Names}}\t{{.Labels}}'
    ])
    return out
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name = '', labels = ''] = line.split('\t')
        return { name, labels: parseLabelList(labels) }
      })
  }

  /** `docker run --rm` to completion, output captured; for short helpers. */
  async runCaptured(spec: ContainerSpec, timeoutMs: number): Promise<CommandResult> {
    return this.run(this.binary, buildRunArgs(spec), { env: containerEnv(spec), timeoutMs })
  }

  /** A text file of a container (`docker cp -L`: links followed inside it), as a tar stream. */
  async copyOut(container: string, path: string): Promise<string | undefined> {
    const result = await this.run(this.binary, ['cp', '-L', `${container}:${path}`, '-'], {
      timeoutMs: 20000
    })
    return result.exitCode === 0 ? result.stdout : undefined
  }

  async logs(name: string): Promise<string> {
    const result = await this.run(this.binary, ['logs', '--tail', '50', name])
    return `${result.stdout}${result.stderr}`.trim()
  }
}

/**
 * stderr lines other than the ones saying a thing was already gone (and the `exit status 1`
 * trailer some Docker versions print after them).
 */
function realErrors(stderr: string, alreadyGone: RegExp): string[] {
  return stderr
    .split('\n')
    .filter((l) => l.trim() && !alreadyGone.test(l) && !/^exit status \d+$/.test(l.trim()))
}

/** `docker ps` prints labels as `k=v,k2=v2`. */
export function parseLabelList(text: string): Record<string, string> {
  const labels: Record<string, string> = {}
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=')
    if (eq > 0) labels[pair.slice(0, eq)] = pair.slice(eq + 1)
  }
  return labels
}
