/**
 * A fake of everything the sandbox starts or probes: a command runner that answers docker,
 * iptables and ip the way a healthy machine does (and fails where a test says), an attached
 * agent run that ends when the handshake says go, and probes that pass. Every command is
 * recorded with the resources the run had declared at that moment.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Docker } from '../../src/sandbox/docker.js'
import {
  runCommand,
  type CommandOptions,
  type CommandResult,
  type Exec
} from '../../src/sandbox/exec.js'
import { Netfilter } from '../../src/sandbox/netfilter.js'
import type { SandboxResources } from '../../src/sandbox/resources.js'
import { scanWithFind } from '../../src/sandbox/root-only.js'
import type { AgentHandshake, SandboxDeps } from '../../src/sandbox/types.js'

export interface RecordedCommand {
  readonly argv: readonly string[]
  /** The last resources the run reported before this command ran. */
  readonly declared: SandboxResources | undefined
}

export interface FakeOptions {
  /** A command whose argv (joined with spaces) matches fails with this stderr. */
  readonly failOn?: RegExp
  /** What the agent's command exits with once it is told go. */
  readonly commandStatus?: number
  /** The command never ends by itself (only `docker rm` of the agent ends it). */
  readonly hangs?: boolean
  /** `docker inspect` says the proxy is not running (the watchdog must notice). */
  readonly proxyDies?: boolean
  /** The daemon's bridges are not among our interfaces (Docker-in-Docker, rootless). */
  readonly remoteDaemon?: boolean
  /** The agent's PID as the daemon reports it is not the agent here (DinD sharing our netns). */
  readonly foreignPid?: boolean
  /** A remote daemon that sees none of the runner's folders (no shared volume). */
  readonly nothingShared?: boolean
  /** One of the probes fails. */
  readonly failProbe?: 'waitForProxy' | 'handshake' | 'canary'
  /** A background reaper can be started (its start recorded as `#detach script job`). */
  readonly reaper?: boolean
}

const ok = (stdout = ''): CommandResult => ({ exitCode: 0, stdout, stderr: '' })

/** What iptables-save prints after a restore batch: inserted jumps are listed as -A. */
const saved = (restoreText: string): string => restoreText.replace(/^-I (\S+) \d+ /gm, '-A $1 ')

export class FakeSandbox {
  readonly commands: RecordedCommand[] = []
  readonly snapshots: SandboxResources[] = []
  /** Descriptors handed to a detached process. */
  readonly detachedFds: number[] = []
  /** What iptables-save prints, per network namespace ('' = the host) and family. */
  private readonly rules = new Map<string, Record<4 | 6, string>>()
  private endAgent: (status: number) => void = () => undefined
  private readonly agentEnded = new Promise<number>((resolve) => (this.endAgent = resolve))

  constructor(private readonly options: FakeOptions = {}) {}

  onResources = (r: SandboxResources): void => {
    this.snapshots.push(r)
  }

  get declared(): SandboxResources | undefined {
    return this.snapshots[this.snapshots.length - 1]
  }

  /** Commands whose argv starts with these words. */
  ran(...words: string[]): RecordedCommand[] {
    return this.commands.filter((c) => words.every((w, i) => c.argv[i] === w))
  }

  private answer(argv: readonly string[], options: CommandOptions): CommandResult {
    const line = argv.join(' ')
    if (this.options.failOn?.test(line))
      return { exitCode: 1, stdout: '', stderr: `fake failure of: ${line}` }
    if (argv[0] === 'docker') return this.docker(argv.slice(1))
    // The run's lease is a real FIFO in the test's own lease folder.
    if (argv[0] === 'mkfifo') {
      execFileSync('mkfifo', argv.slice(1))
      return ok()
    }
    const [netns, [tool, ...args]] =
      argv[0] === 'nsenter' ? [argv[2] ?? '', argv.slice(4)] : ['', argv]
    const table = this.rules.get(netns) ?? { 4: '', 6: '' }
    this.rules.set(netns, table)
    const restore = /^(ip6?)tables-restore$/.exec(tool ?? '')
    if (restore && args[0] === '--noflush' && options.input !== undefined) {
      table[restore[1] === 'ip6' ? 6 : 4] += saved(options.input)
      return ok()
    }
    const save = /^(ip6?)tables-save$/.exec(tool ?? '')
    if (save) return ok(table[save[1] === 'ip6' ? 6 : 4])
    return ok()
  }

  private docker(args: readonly string[]): CommandResult {
    const [verb, ...rest] = args
    const joined = args.join(' ')
    if (verb === 'version') return ok('24.0.0')
    if (joined.startsWith('image inspect')) return ok('sha256:0123')
    if (joined.startsWith('network ls') || verb === 'ps') return ok('')
    if (joined.includes('{{.State.Pid}}')) return ok('4242')
    if (joined.includes('{{.State.Running}}')) return ok(this.options.proxyDies ? 'false' : 'true')
    if (verb === 'rm' && rest.some((n) => n.endsWith('-agent'))) this.endAgent(137)
    if (verb === 'run' && args.some((a) => a.endsWith('-paths'))) return this.pathsProbe(joined)
    if (verb === 'run' && args.some((a) => a.endsWith('-ready')))
      return this.options.failProbe === 'waitForProxy'
        ? { exitCode: 1, stdout: 'squid=False dns=True', stderr: '' }
        : ok('ready\n')
    if (verb === 'run' && args.some((a) => a.endsWith('-inspect')))
      return ok(
        ['=== 1', 'CapInh:\t0', 'CapPrm:\t0', 'CapEff:\t0', 'CapBnd:\t0', 'CapAmb:\t0']
          .concat(['NoNewPrivs:\t1', 'Seccomp:\t2', ''])
          .join('\n')
      )
    if (verb === 'run' && args.some((a) => a.endsWith('-netadmin'))) {
      // The helper installs the rendered container rules and prints them as saved.
      const config = /source=([^,]+),target=\/awf\/config/.exec(joined)?.[1] ?? ''
      const file = (f: string): string => saved(readFileSync(join(config, f), 'utf8'))
      return ok(`=== v4\n${file('container-rules.v4')}=== v6\n${file('container-rules.v6')}`)
    }
    return ok()
  }

  /**
   * The topology-only probe on a daemon sharing our folders: it prints each folder's marker
   * and answers through the FIFO, as `confirmSharedPaths` asks.
   */
  private pathsProbe(joined: string): CommandResult {
    if (this.options.nothingShared) return { exitCode: 1, stdout: '', stderr: 'No such file' }
    const script = /-c (.*)$/s.exec(joined)?.[1] ?? ''
    const mounts = [...joined.matchAll(/source=([^,]+),target=(\/awf\/probe\/\w+)/g)]
    const onRunner = (path: string): string => {
      const m = mounts.find(([, , target]) => path.startsWith(`${target!}/`))
      return m ? join(m[1]!, path.slice(m[2]!.length + 1)) : path
    }
    let stdout = ''
    for (const [, path] of script.matchAll(/< ([^\s;&]+)/g))
      if (existsSync(onRunner(path!))) stdout += readFileSync(onRunner(path!), 'utf8')
    const fifo = /echo "([^"]+)" > (\S+)/.exec(script)
    if (fifo) writeFileSync(onRunner(fifo[2]!), `${fifo[1]!}\n`)
    return ok(stdout)
  }

  readonly exec: Exec = {
    run: (command, args, options = {}) => {
      const argv = [command, ...args]
      this.commands.push({ argv, declared: this.declared })
      return Promise.resolve(this.answer(argv, options))
    },
    attach: (command: string, args: readonly string[]) => {
      const argv = [command, ...args]
      this.commands.push({ argv, declared: this.declared })
      const failure = this.answer(argv, {})
      return failure.exitCode === 0 ? this.agentEnded : Promise.resolve(failure.exitCode)
    },
    detach: (_command, args, fds) => {
      this.commands.push({ argv: ['#detach', ...args], declared: this.declared })
      this.detachedFds.push(...fds)
      return Promise.resolve(4343)
    }
  }

  private handshake(): AgentHandshake {
    const fail = this.options.failProbe === 'handshake'
    return {
      waitReady: () =>
        fail ? Promise.reject(new Error('the agent container did not start')) : Promise.resolve(),
      go: () => {
        if (!this.options.hangs) setTimeout(() => this.endAgent(this.options.commandStatus ?? 0))
      },
      abort: () => {
        this.commands.push({ argv: ['#abort'], declared: this.declared })
        this.endAgent(125)
      },
      close: () => undefined
    }
  }

  deps(): SandboxDeps {
    const failing = (name: FakeOptions['failProbe']): boolean => this.options.failProbe === name
    return {
      docker: new Docker(this.exec),
      netfilter: new Netfilter(this.exec.run, undefined, true),
      exec: this.exec,
      probes: {
        waitForProxy: () =>
          failing('waitForProxy')
            ? Promise.reject(new Error('the proxy did not become ready'))
            : Promise.resolve(),
        openHandshake: () => Promise.resolve(this.handshake()),
        inspectProcesses: () => [],
        findInitBinary: () => '/usr/bin/docker-init',
        observeRunner: () => ({}),
        scanRootOnly: scanWithFind(runCommand),
        interfaceExists: () => !this.options.remoteDaemon,
        isAgentProcess: () => !this.options.foreignPid,
        canary: () =>
          failing('canary')
            ? Promise.reject(new Error('enforcement canary failed'))
            : Promise.resolve(['canary: 4 probes refused'])
      },
      reaper: this.options.reaper ? '/fake/dist/reap.js' : undefined
    }
  }
}
