/** What the proxy and agent containers are run with: pure functions over the run's facts. */
import { PROXY_CONFIG_DIR, PROXY_LOG_DIR } from '../render/names.js'
import { SQUID_PORT, type SandboxTopology } from '../render/types.js'
import type { ContainerSpec } from './docker-args.js'
import { CONTROL_MOUNT } from './handshake.js'
import { names } from './resources.js'

/** Squid and dnsmasq start as root to bind and open logs, then drop to their own users. */
const PROXY_CAPS = ['CHOWN', 'NET_BIND_SERVICE', 'SETGID', 'SETUID']

export function proxySpec(opts: {
  topology: SandboxTopology
  image: string
  labels: Readonly<Record<string, string>>
  configDir: string
  logsDir: string
}): ContainerSpec {
  const n = names(opts.topology.runId)
  return {
    name: n.proxy,
    image: opts.image,
    network: n.internalNetwork,
    ip: opts.topology.proxyIp,
    labels: opts.labels,
    mounts: [
      { source: opts.configDir, target: PROXY_CONFIG_DIR, readOnly: true },
      { source: opts.logsDir, target: PROXY_LOG_DIR, readOnly: false }
    ],
    env: {},
    capAdd: PROXY_CAPS,
    sysctls: {},
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
  readonly controlDir: string
  readonly resolvConf: string
  readonly seccompProfile: string
  readonly user: string
  readonly env: Readonly<Record<string, string>>
  readonly pidsLimit: number
  readonly memoryBytes: number
  readonly command: readonly string[]
}

/** The proxy variables, upper and lower case (curl reads only lower case for http://). */
export function proxyEnv(proxyIp: string): Record<string, string> {
  const url = `http://${proxyIp}:${SQUID_PORT}`
  const noProxy = 'localhost,127.0.0.1,::1'
  return {
    HTTP_PROXY: url,
    HTTPS_PROXY: url,
    http_proxy: url,
    https_proxy: url,
    NO_PROXY: noProxy,
    no_proxy: noProxy
  }
}

export function agentSpec(o: AgentOptions): ContainerSpec {
  const n = names(o.topology.runId)
  return {
    name: n.agent,
    image: o.image,
    network: n.internalNetwork,
    ip: o.agentIp,
    labels: o.labels,
    mounts: [
      { source: o.workspace, target: o.workspace, readOnly: false },
      { source: o.controlDir, target: CONTROL_MOUNT, readOnly: true },
      { source: o.resolvConf, target: '/etc/resolv.conf', readOnly: true }
    ],
    env: { ...o.env, ...proxyEnv(o.topology.proxyIp) },
    capAdd: [],
    user: o.user,
    workdir: o.workspace,
    seccompProfile: o.seccompProfile,
    sysctls: {
      'net.ipv6.conf.all.disable_ipv6': '1',
      'net.ipv6.conf.default.disable_ipv6': '1',
      // Unprivileged ICMP sockets would let the command ping (and carry data) without NET_RAW.
      'net.ipv4.ping_group_range': '1 0'
    },
    pidsLimit: o.pidsLimit,
    memoryBytes: o.memoryBytes,
    init: true,
    command: o.command
  }
}
