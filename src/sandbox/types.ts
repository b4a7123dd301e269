/** What a sandboxed run is asked to do, what it needs, and what it returns. */
import type { StdioOptions } from 'node:child_process'
import type { AgentMode, RunnerPaths } from '../agent/filesystem.js'
import type { RunnerObservations } from '../agent/runner-paths.js'
import type { GitFinding } from '../agent/git-integrity.js'
import type { AgentLimits } from '../agent/limits.js'
import type { DomainRule, Policy } from '../policy/types.js'
import type { DropCount } from '../report/integrity.js'
import type { Ablation } from './ablation.js'
import type { CanaryArgs } from './canary.js'
import type { RootOnlyScanner } from './root-only.js'
import type { Docker } from './docker.js'
import type { CommandResult, Exec } from './exec.js'
import type { Netfilter } from './netfilter.js'
import type { ProcessSecurity } from './process-check.js'
import type { ProxyEndpoints } from './readiness.js'
import type { ImageOptions, ResolvedImage } from './images.js'
import type { SandboxResources } from './resources.js'
import type { Ipv4Net } from './subnets.js'
import type { TopologyOnly } from './topology-only.js'

export type PhaseRunner = <T>(title: string, step: () => Promise<T>) => Promise<T>

export interface SandboxRequest {
  readonly policy: Policy
  /** argv of the command; the action passes `bash -e -o pipefail -c <run>`. */
  readonly command: readonly string[]
  /** Host folder mounted read-write at the same path; the command's working directory. */
  readonly workspace: string
  /** Parent of the run's temporary folder. */
  readonly tempRoot: string
  /** Where configs and raw logs are kept after the run; default `<tempRoot>/awf-logs-<run id>`. */
  readonly logsDir?: string
  readonly agent: AgentRequest
  /**
   * Host iptables rules (root or sudo). false = host-firewall off: the internal network, the
   * proxy, the forwarder and the container rules (installed by a NET_ADMIN helper) hold alone.
   */
  readonly hostFirewall: boolean
  /** `docker-daemon: remote`: topology-only whatever the daemon looks like. */
  readonly remoteDaemon?: boolean
  /** The workspace's git config, hooks and info are mounted read-only (protect-git). */
  readonly protectGit: boolean
  readonly images: ImageOptions
  readonly stdio: StdioOptions
  /** Where the run's /24 subnets come from (the address-pool input); the default pool if absent. */
  readonly addressPool?: Ipv4Net
  /** Where the run's lease goes; /run/awf/leases (root) or `<tempRoot>/awf-leases` if absent. */
  readonly leaseDir?: string
  /**
   * Test-only: one layer weakened on purpose. The shipped entry points never set it; only the
   * integration suite's own entry (src/testing/) does.
   */
  readonly ablation?: Ablation
  /** Tunnels that may omit the TLS server name; the corporate proxy to leave through. */
  readonly proxy?: ProxyRequest
}

export interface ProxyRequest {
  readonly noSniHosts: readonly DomainRule[]
  readonly upstream?: {
    /** An IPv4 literal or a name the runner resolves. */
    readonly host: string
    readonly port: number
    /** `user:password`: handed to the proxy container in its environment, never in argv. */
    readonly login?: string
  }
  /** Hosts whose tunnels the proxy decrypts (absent or no hosts: none). */
  readonly interception?: InterceptionRequest
}

export interface InterceptionRequest {
  /** Exact host names. */
  readonly hosts: readonly string[]
  /**
   * Headers the proxy sets on every request to a host. The values are secrets: handed to the
   * proxy container in its environment only, never argv, a rendered file or the agent.
   */
  readonly credentials: readonly {
    readonly host: string
    readonly header: string
    readonly value: string
  }[]
  /** PEM text of the `ca-certificates` file: trusted by the proxy for upstream servers. */
  readonly caCertificates?: string
}

/** Who runs the command, in what, with what. */
export interface AgentRequest {
  /** An image to run the command in (image mode); absent = the runner's own tools (host mode). */
  readonly image?: string
  readonly uid: number
  readonly gid: number
  /** From buildAgentEnv; the firewall's own variables are added here. */
  readonly env: Readonly<Record<string, string>>
  readonly runner: RunnerPaths
  /** Paths under HOME (relative, validated) shown read-only in the fresh HOME. */
  readonly homeConfig?: readonly string[]
  readonly limits: AgentLimits
}

export interface SandboxHooks {
  readonly phase: PhaseRunner
  /** Called the moment the set of resources to clean up changes (the action saves state). */
  readonly onResources: (resources: SandboxResources) => void
  /** Called right before the command starts and right after it ends (stop-commands). */
  readonly onCommandStart?: () => void
  readonly onCommandEnd?: () => void
}

export interface RunOutcome {
  readonly runId: string
  readonly exitCode: number
  readonly logsDir: string
  /** The agent's address: its traffic is what the report counts. */
  readonly agentIp: string
  readonly proxyIp: string
  /** The corporate proxy's address: a refusal it sends back is named in the report. */
  readonly upstreamProxy?: string
  /** When the command was released: the sandbox's own probes come before it. */
  readonly commandStartMs: number
  /** The self-check's passed checks, for the log and the summary. */
  readonly checks: readonly string[]
  readonly mode: AgentMode
  /** The command was killed at agent-timeout (exit code 124). */
  readonly timedOut: boolean
  readonly hostFirewall: boolean
  /** Set when the daemon was remote: no host rules, and the checks that were not made. */
  readonly topologyOnly?: TopologyOnly
  /** Set when the command was killed because the proxy died or rules changed under it (125). */
  readonly firewallFailure?: string
  /** Runner paths hidden from the command because they fell inside a visible folder. */
  readonly masked: readonly string[]
  /** What the command left in the git metadata that a later git command would run. */
  readonly gitFindings: readonly GitFinding[]
  /** Packets the drop rules stopped, per layer, from their counters (the watchdog's last read). */
  readonly drops: readonly DropCount[]
  /** Our proxy and agent images: reference, digest when published, where each came from. */
  readonly images: readonly ResolvedImage[]
}

/** The agent's start handshake (src/sandbox/handshake.ts). */
export interface AgentHandshake {
  waitReady(timeoutMs: number, abandon: Promise<unknown>): Promise<void>
  go(): void
  abort(): void
  close(): void
}

/** Checks and look-ups that read the live system other than through a command. */
export interface SandboxProbes {
  readonly waitForProxy: (
    endpoints: ProxyEndpoints,
    timeoutMs: number,
    alive: () => Promise<boolean>
  ) => Promise<void>
  readonly openHandshake: (controlDir: string) => Promise<AgentHandshake>
  readonly inspectProcesses: (rootPid: number) => ProcessSecurity[]
  /** The host's docker-init binary, mounted as the agent's PID 1. */
  readonly findInitBinary: () => string
  /** Runner processes and bound unix sockets on the machine (src/sandbox/runner-facts.ts). */
  readonly observeRunner: () => RunnerObservations
  /** A network interface of that name is in our network namespace (the daemon's bridges are). */
  readonly interfaceExists: (name: string) => boolean
  /**
   * That PID, as this machine sees it, is our agent: its root holds our entrypoint (as root),
   * or its command line is our init running our entrypoint (without root).
   */
  readonly isAgentProcess: (pid: number, asRoot: boolean) => boolean
  /** The root-only scan of the folders a root command sees (src/sandbox/root-only.ts). */
  readonly scanRootOnly: RootOnlyScanner
  readonly canary: (
    probe: (script: string) => Promise<CommandResult>,
    netfilter: Netfilter,
    args: CanaryArgs
  ) => Promise<string[]>
}

export interface SandboxDeps {
  readonly docker: Docker
  readonly netfilter: Netfilter
  readonly exec: Exec
  readonly probes: SandboxProbes
  /** The background reaper's script (dist/reap.js); absent: the whole teardown runs in-process. */
  readonly reaper?: string
}
