/** What the proxy and agent containers are run with: pure functions over the run's facts. */
import { PROXY_CONFIG_DIR, PROXY_LOG_DIR } from '../render/names.js'
import { SQUID_PORT, type SandboxTopology } from '../render/types.js'
import type { ContainerSpec } from './docker-args.js'
import type { BindMount } from '../common/mounts.js'
import type { AgentFilesystem } from '../agent/filesystem.js'
import { HOST_ALIAS } from '../policy/host-ports.js'
import { CONTROL_MOUNT } from './handshake.js'
import { runNames } from '../common/run-names.js'

/** Squid and dnsmasq start as root to bind and open logs, then drop to their own users. */
const PROXY_CAPS = ['CHOWN', 'NET_BIND_SERVICE', 'SETGID', 'SETUID']

/**
 * Limits of the proxy container: room for Squid, dnsmasq (which forks per TCP query) and the
 * entrypoint, and for thousands of proxied connections (two descriptors each), but not for a
 * compromised daemon to exhaust the runner.
 */
export const PROXY_LIMITS = { pids: 256, memoryBytes: 512 * 1024 * 1024, openFiles: 16384 }

export function proxySpec(opts: {
  topology: SandboxTopology
  image: string
  labels: Readonly<Record<string, string>>
  configDir: string
  logsDir: string
  /**
   * The group owning the logs folder (mode 0771): the entrypoint, root without
   * DAC_OVERRIDE, creates the log files through it; the daemons drop it with their users.
   */
  logsGroup: number
  /** The upstream proxy's login, when there is one (src/sandbox/upstream-proxy.ts). */
  env?: Readonly<Record<string, string>>
}): ContainerSpec {
  const n = runNames(opts.topology.runId)
  return {
    name: n.proxy,
    image: opts.image,
    attach: { network: n.internalNetwork, ip: opts.topology.proxyIp },
    labels: opts.labels,
    mounts: [
      { source: opts.configDir, target: PROXY_CONFIG_DIR, readOnly: true },
      { source: opts.logsDir, target: PROXY_LOG_DIR, readOnly: false }
    ],
    env: opts.env ?? {},
    capAdd: PROXY_CAPS,
    // The proxy relays at the application layer only: a compromised daemon cannot make its
    // namespace route packets between the agent's network and the egress network.
    sysctls: {
      'net.ipv4.ip_forward': '0',
      'net.ipv6.conf.all.forwarding': '0',
      'net.ipv6.conf.default.forwarding': '0'
    },
    pidsLimit: PROXY_LIMITS.pids,
    memoryBytes: PROXY_LIMITS.memoryBytes,
    ulimits: { nofile: PROXY_LIMITS.openFiles },
    groupAdd: [opts.logsGroup],
    init: false,
    command: []
  }
}

export interface AgentOptions {
  readonly topology: SandboxTopology
  readonly agentIp: string
  readonly image: string
  readonly labels: Readonly<Record<string, string>>
  readonly workspace: string
  readonly filesystem: AgentFilesystem
  /** Host path of containers/agent/entrypoint.sh, mounted read-only (any image can run it). */
  readonly entrypoint: string
  /**
   * Host path of Docker's static init (tini), mounted read-only as the container's PID 1;
   * absent in topology-only mode, where the daemon's own init is used (`--init`, image mode).
   */
  readonly initBinary?: string
  readonly controlDir: string
  readonly resolvConf: string
  readonly seccompProfile: string
  readonly user: string
  /** The whole environment, proxy settings included (see src/agent/env.ts). */
  readonly env: Readonly<Record<string, string>>
  readonly pidsLimit: number
  readonly memoryBytes: number
  readonly tty: boolean
  /** Ports on the runner are open: host.docker.internal names the runner. */
  readonly hostAccess: boolean
  readonly command: readonly string[]
}

export const ENTRYPOINT_MOUNT = '/awf/entrypoint'
/**
 * Docker's `--init` mounts its init at /sbin/docker-init, which fails where /sbin leads into
 * the runner's read-only /usr (host mode); so the same binary is mounted here instead.
 */
export const INIT_MOUNT = '/awf/init'

/** Addresses and names that bypass the proxy: loopback, and the runner when ports are open. */
export function noProxyList(topology: SandboxTopology, hostPorts: boolean): string[] {
  return [
    'localhost',
    '127.0.0.1',
    '::1',
    ...(hostPorts ? [HOST_ALIAS, topology.internalGateway] : [])
  ]
}

export function proxyUrl(topology: SandboxTopology): string {
  return `http://${topology.proxyIp}:${SQUID_PORT}`
}

/** Privileges, seccomp and limits shared by the agent and the canary that stands in for it. */
function agentPrivileges(
  o: AgentOptions
): Pick<
  ContainerSpec,
  'capAdd' | 'user' | 'seccompProfile' | 'pidsLimit' | 'memoryBytes' | 'readOnlyRoot'
> {
  return {
    capAdd: [],
    user: o.user,
    seccompProfile: o.seccompProfile,
    pidsLimit: o.pidsLimit,
    memoryBytes: o.memoryBytes,
    readOnlyRoot: true
  }
}

export function agentSpec(o: AgentOptions): ContainerSpec {
  const n = runNames(o.topology.runId)
  return {
    name: n.agent,
    image: o.image,
    attach: { network: n.internalNetwork, ip: o.agentIp },
    labels: o.labels,
    mounts: [
      ...o.filesystem.binds,
      { source: o.entrypoint, target: ENTRYPOINT_MOUNT, readOnly: true },
      ...(o.initBinary ? [{ source: o.initBinary, target: INIT_MOUNT, readOnly: true }] : []),
      { source: o.controlDir, target: CONTROL_MOUNT, readOnly: true },
      { source: o.resolvConf, target: '/etc/resolv.conf', readOnly: true }
    ],
    tmpfs: o.filesystem.tmpfs,
    env: o.env,
    ...agentPrivileges(o),
    workdir: o.workspace,
    entrypoint: o.initBinary ? INIT_MOUNT : '/bin/sh',
    extraHosts: o.hostAccess ? { [HOST_ALIAS]: o.topology.internalGateway } : {},
    sysctls: {
      'net.ipv6.conf.all.disable_ipv6': '1',
      'net.ipv6.conf.default.disable_ipv6': '1',
      // Unprivileged ICMP sockets would let the command ping (and carry data) without NET_RAW.
      'net.ipv4.ping_group_range': '1 0'
    },
    init: !o.initBinary,
    // Removed with the proxy in one call once the command's status is in (docker run --rm
    // would hold the status back until the agent alone was removed).
    keepAfterExit: true,
    tty: o.tty,
    command: o.initBinary
      ? ['--', '/bin/sh', ENTRYPOINT_MOUNT, ...o.command]
      : [ENTRYPOINT_MOUNT, ...o.command]
  }
}

/**
 * The enforcement canary runs in its own short-lived container inside the agent's network
 * namespace, as the agent's user with the agent's privileges, from our own image: its probes
 * need bash, curl and python3, which the agent's tools or image may not have. It is started
 * while the proxy becomes ready and waits at its gate (`gateDir`, mounted like the agent's
 * handshake folder) for `go`; anything else ends it before a probe is sent.
 */
export function canarySpec(
  o: AgentOptions,
  canaryImage: string,
  script: string,
  gateDir: string
): ContainerSpec {
  const n = runNames(o.topology.runId)
  return {
    name: n.canary,
    image: canaryImage,
    attach: { shareNetworkOf: n.agent },
    labels: o.labels,
    mounts: [
      { source: o.resolvConf, target: '/etc/resolv.conf', readOnly: true },
      { source: gateDir, target: CONTROL_MOUNT, readOnly: true }
    ],
    // The proxy settings only: the user's variables (secrets among them) stay with the agent.
    env: { http_proxy: proxyUrl(o.topology) },
    ...agentPrivileges(o),
    sysctls: {},
    init: false,
    // Removed with the rest at teardown: its result is in as soon as it exits.
    keepAfterExit: true,
    entrypoint: '/bin/bash',
    command: ['-c', `read -r word < ${CONTROL_MOUNT}/go && [ "$word" = go ] || exit 125\n${script}`]
  }
}

export const HELPER_CONFIG_MOUNT = '/awf/config'

/**
 * With host-firewall off there is no root on the host to enter the agent's namespace: a
 * short-lived helper joins it holding NET_ADMIN (the agent never does), installs the
 * container rules and the default route, prints the resulting rules for the self-check, and
 * exits before the command starts.
 */
export function netAdminHelperSpec(
  o: AgentOptions,
  image: string,
  configDir: string
): ContainerSpec {
  const n = runNames(o.topology.runId)
  const rules = (f: string): string => `${HELPER_CONFIG_MOUNT}/${f}`
  return {
    name: n.helper,
    image,
    attach: { shareNetworkOf: n.agent },
    labels: o.labels,
    mounts: [{ source: configDir, target: HELPER_CONFIG_MOUNT, readOnly: true }],
    env: {},
    capAdd: ['NET_ADMIN'],
    user: '0:0',
    readOnlyRoot: true,
    sysctls: {},
    init: false,
    entrypoint: '/bin/sh',
    command: [
      '-c',
      [
        'set -e',
        `iptables-restore --noflush < ${rules('container-rules.v4')}`,
        `ip6tables-restore --noflush < ${rules('container-rules.v6')}`,
        `ip route replace default via ${o.topology.proxyIp}`,
        'echo "=== v4"',
        'iptables-save',
        'echo "=== v6"',
        'ip6tables-save'
      ].join('\n')
    ]
  }
}

/** What every topology-only probe runs with: our image, python3 or sh, no privilege. */
function probeBase(
  o: Pick<AgentOptions, 'labels' | 'user'>,
  image: string,
  name: string
): Omit<ContainerSpec, 'attach' | 'entrypoint' | 'command' | 'mounts'> {
  return {
    name,
    image,
    labels: o.labels,
    env: {},
    capAdd: [],
    user: o.user,
    readOnlyRoot: true,
    sysctls: {},
    init: false
  }
}

/** Topology-only: reads the run's tokens through the daemon's view of the shared paths. */
export function sharedPathsProbeSpec(
  o: Pick<AgentOptions, 'labels' | 'user'> & { readonly runId: string },
  image: string,
  mounts: readonly BindMount[],
  script: string
): ContainerSpec {
  return {
    ...probeBase(o, image, runNames(o.runId).pathsProbe),
    attach: { noNetwork: true },
    mounts,
    entrypoint: '/bin/sh',
    command: ['-c', script]
  }
}

/** Topology-only: probes the proxy from inside its own network namespace on the daemon. */
export function readinessProbeSpec(o: AgentOptions, image: string, script: string): ContainerSpec {
  const n = runNames(o.topology.runId)
  return {
    ...probeBase(o, image, n.readyProbe),
    attach: { shareNetworkOf: n.proxy },
    mounts: [],
    entrypoint: '/usr/bin/python3',
    command: ['-c', script]
  }
}

/** Topology-only: reads /proc/PID/status of the agent's processes from its PID namespace. */
export function processInspectorSpec(
  o: AgentOptions,
  image: string,
  script: string
): ContainerSpec {
  const n = runNames(o.topology.runId)
  return {
    ...probeBase(o, image, n.inspector),
    attach: { noNetwork: true },
    sharePidOf: n.agent,
    mounts: [],
    entrypoint: '/usr/bin/python3',
    command: ['-c', script]
  }
}
