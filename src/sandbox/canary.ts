/**
 * The enforcement canary: after the rules are in place and before the command starts, probes
 * run inside the agent's network namespace with the agent's user, capabilities and seccomp
 * profile (src/sandbox/container-specs.ts canarySpec), and each refusal is confirmed in the
 * refusing layer's own log. No probe sends a packet beyond the sandbox: the DNS and proxy
 * probes stop at the proxy, the direct one aims at the proxy itself. Its container starts
 * while the proxy becomes ready and holds its probes at a gate until released.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { CANARY_NAME, CANARY_PORT, logPrefixes, TLS_CANARY_TUNNEL } from '../render/names.js'
import { SQUID_PORT, SQUID_TLS_PORT, type SandboxTopology } from '../render/types.js'
import type { CommandResult } from './exec.js'
import type { AgentPlan } from './agent-plan.js'
import { canarySpec } from './container-specs.js'
import type { Netfilter } from './netfilter.js'
import type { PreparedRun } from './prepare.js'
import type { RunContext } from './run-context.js'
import { abortAndClose } from './handshake.js'
import type { AgentHandshake } from './types.js'
import { makeDir } from './work-dir.js'

const read = (path: string): string => {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return ''
  }
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Log lines land a moment after the probe returns; look again for a short, bounded while. */
async function eventually(
  check: () => boolean | Promise<boolean>,
  timeoutMs = 3000
): Promise<boolean> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (await check()) return true
    await new Promise((r) => setTimeout(r, 25))
  }
  return check()
}

export interface CanaryArgs {
  readonly topology: SandboxTopology
  readonly logsDir: string
  /** Find the dropped connection in the kernel log (needs root: off with host-firewall off). */
  readonly confirmDrops: boolean
}

/** The probes, as one bash script run in the agent's network namespace. */
export function canaryScript(topology: SandboxTopology): string {
  const { proxyIp } = topology
  // The probes are independent: they run side by side, each printing one short line (a
  // single write, so lines never interleave), and the script waits for all of them.
  return [
    `getent hosts ${CANARY_NAME} >/dev/null; echo "dns=$?"`,
    `curl -s -o /dev/null -w "proxy=%{http_code}\\n" --max-time 5 http://${CANARY_NAME}/`,
    `(exec 3<>/dev/tcp/${proxyIp}/${CANARY_PORT}) 2>/dev/null; echo "direct=$?"`,
    // A tunnel whose TLS server name is not the CONNECT host's: refused at the ClientHello.
    `curl -s -o /dev/null --max-time 5 -x http://${proxyIp}:${SQUID_PORT} --connect-to ${CANARY_NAME}:443:${TLS_CANARY_TUNNEL}:443 https://${CANARY_NAME}/; echo "tls=$?"`,
    // SIOCSIFFLAGS on lo with the flags it already has (up, loopback, running): a change that
    // needs CAP_NET_ADMIN, as every firewall rule change does, and would change nothing.
    `python3 -c "import socket,fcntl,struct; fcntl.ioctl(socket.socket(), 0x8914, struct.pack('16sH14x', b'lo', 0x49))" 2>&1 | grep -q 'Errno 1'; echo "netadmin=$?"`
  ]
    .map((probe) => `{ ${probe}; } &`)
    .concat('wait')
    .join('\n')
}

/** Returns the checks passed; throws listing the failures. */
export async function runCanary(
  probe: (script: string) => Promise<CommandResult>,
  netfilter: Netfilter,
  run: CanaryArgs
): Promise<string[]> {
  const { proxyIp, runId } = run.topology
  const script = canaryScript(run.topology)
  const r = await probe(script)
  const got = (key: string): string =>
    new RegExp(`^${key}=(\\S+)$`, 'm').exec(r.stdout)?.[1] ?? 'none'
  const agentDrop = new RegExp(
    `${escape(logPrefixes(runId).agent)}.* DST=${escape(proxyIp)} .*DPT=${CANARY_PORT} `
  )
  const checks: [string, () => Promise<boolean>][] = [
    [
      'canary: a DNS query for a name not allowed is refused by the forwarder',
      async () =>
        got('dns') === '2' &&
        (await eventually(() =>
          read(join(run.logsDir, 'dns.log')).includes(`config ${CANARY_NAME} is NXDOMAIN`)
        ))
    ],
    [
      'canary: a proxied request for a name not allowed is refused by Squid, no connection made',
      async () =>
        got('proxy') === '403' &&
        (await eventually(() =>
          new RegExp(`TCP_DENIED/403 GET ${escape(CANARY_NAME)} 80 - `).test(
            read(join(run.logsDir, 'access.log'))
          )
        ))
    ],
    [
      'canary: a tunnel whose TLS server name does not match it is refused at the ClientHello',
      async () =>
        got('tls') === '35' &&
        (await eventually(() =>
          new RegExp(
            `CONNECT ${escape(TLS_CANARY_TUNNEL)} 443 .* ${escape(CANARY_NAME)} terminate ${SQUID_TLS_PORT}$`,
            'm'
          ).test(read(join(run.logsDir, 'access.log')))
        ))
    ],
    [
      'canary: changing the network configuration fails with EPERM (no NET_ADMIN)',
      () => Promise.resolve(got('netadmin') === '0')
    ],
    [
      'canary: a direct connection that ignores the proxy is dropped by the container rules',
      async () =>
        got('direct') !== '0' &&
        (!run.confirmDrops ||
          (await eventually(async () => agentDrop.test(await netfilter.kernelLog()))))
    ]
  ]
  const results = await Promise.all(checks.map(async ([name, ok]) => [name, await ok()] as const))
  const failed = results.filter(([, ok]) => !ok).map(([name]) => name)
  if (failed.length > 0)
    throw new Error(
      `the enforcement canary failed, so the command was not started:\n  ${failed.join('\n  ')}\n` +
        `canary output: ${JSON.stringify(r.stdout + r.stderr)}`
    )
  return results.map(([name]) => name)
}

/**
 * The canary's container, waiting at its gate (a FIFO held open here, as the agent's
 * handshake) until its probes are released, or it is abandoned on a failed start.
 */
export class StartedCanary {
  private waiting = true

  constructor(
    readonly script: string,
    private readonly gate: AgentHandshake,
    private readonly result: Promise<CommandResult>,
    /** Removes the container: its `docker run` then ends with what the probes printed so far. */
    private readonly stop: () => Promise<void>
  ) {}

  /**
   * Lets the probes go (the script must be the one the container was started with); after
   * `limitMs` the container is removed, and the probes that had not answered count as failed.
   */
  async release(script: string, limitMs: number): Promise<CommandResult> {
    if (script !== this.script)
      throw new Error('the canary was started with other probes than the ones checked')
    this.waiting = false
    this.gate.go()
    const timer = setTimeout(() => void this.stop().catch(() => undefined), limitMs)
    try {
      return await this.result
    } finally {
      clearTimeout(timer)
      this.gate.close()
    }
  }

  /** A failed start, before the probes were released: the container is told to abort. */
  async abandon(waitMs: number): Promise<void> {
    if (!this.waiting) return
    this.waiting = false
    await abortAndClose(this.gate, this.result, waitMs)
  }
}

/**
 * The canary's container, started at its gate. `timeoutMs` bounds its whole `docker run`
 * (the wait at the gate included); `release` bounds the probes themselves.
 */
export async function startCanary(
  run: RunContext,
  prepared: PreparedRun,
  agent: AgentPlan,
  timeoutMs: number
): Promise<StartedCanary> {
  const gateDir = makeDir(join(prepared.workDir, 'canary-ctl'), 0o755)
  const gate = await run.deps.probes.openHandshake(gateDir)
  const script = canaryScript(prepared.topology)
  const result = run.deps.docker.runCaptured(
    canarySpec(agent.options, prepared.ourAgentImage, script, gateDir),
    timeoutMs
  )
  // Awaited once released; a start that fails before must not go unhandled.
  result.catch(() => undefined)
  const { docker } = run.deps
  return new StartedCanary(script, gate, result, () => docker.containerRemove([run.names.canary]))
}
