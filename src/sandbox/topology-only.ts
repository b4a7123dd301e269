/**
 * Topology-only mode: the Docker daemon is not on this runner (DOCKER_HOST over TCP, or a
 * Docker-in-Docker sidecar whose bridges are not in our network namespace). The runner's
 * iptables cannot reach the daemon's namespaces, so no host rule is applied; the run holds on
 * what the daemon itself builds: the internal network, the proxy, the DNS forwarder, the
 * container rules (installed by the NET_ADMIN helper) and the agent's privileges. Everything
 * the runner cannot see directly is checked through short-lived containers on that daemon,
 * and what cannot be checked at all is named in the report.
 */
import { closeSync, constants, mkdirSync, openSync, readSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import { errorText } from '../common/errors.js'
import type { BindMount } from '../common/mounts.js'
import { DNS_PORT, SQUID_PORT } from '../render/types.js'
import type { ContainerSpec } from './docker-args.js'
import type { CommandResult, CommandRunner } from './exec.js'
import { parseStatus, type ProcessSecurity } from './process-check.js'
import { dnsQuery } from './readiness.js'

export interface TopologyOnly {
  /** Why the daemon is taken for remote (shown in the warning, summary and CLI report). */
  readonly why: string
  /** The checks a local daemon gets that this run could not make. */
  readonly notChecked: readonly string[]
}

export const NOT_CHECKED_REMOTE = [
  "host rules: none applied, so none checked (the runner's iptables cannot reach the daemon's network namespace)",
  "the canary's direct connection is not confirmed in the kernel's drop log (the log of the daemon's namespace is not read)",
  "the agent's rules are not re-read while the command runs (only the proxy is watched)",
  'dropped packets are not counted (no host drop rules)'
] as const

export function topologyOnly(why: string): TopologyOnly {
  return { why, notChecked: NOT_CHECKED_REMOTE }
}

type RunCaptured = (spec: ContainerSpec, timeoutMs: number) => Promise<CommandResult>

const PROBE_MOUNT = '/awf/probe'
const PROBE_TIMEOUT_MS = 30000

/** A folder the daemon must see as this runner does, and what to call it in a refusal. */
export interface SharedFolder {
  readonly path: string
  readonly what: string
}

/**
 * The daemon must see the run's folders and the workspace as this runner does (a shared
 * volume at the same path), and a FIFO there must connect both sides (one kernel): the agent's
 * start handshake, its HOME and the proxy's configs and logs go through them. A token written
 * in each folder is read back by a container on the daemon, which then answers through a FIFO.
 * Throws the reason.
 */
export async function confirmSharedPaths(
  runCaptured: RunCaptured,
  run: CommandRunner,
  a: {
    readonly probeDir: string
    readonly folders: readonly SharedFolder[]
    readonly spec: (mounts: readonly BindMount[], script: string) => ContainerSpec
    readonly runId: string
  }
): Promise<void> {
  mkdirSync(a.probeDir, { mode: 0o755 })
  const token = randomBytes(8).toString('hex')
  const marker = `.awf-shared-probe-${a.runId}`
  const markers = a.folders.map((f) => join(f.path, marker))
  try {
    // Created, never followed: the workspace is the command's, and a link there goes nowhere.
    markers.forEach((m, i) => writeFileSync(m, `${token}-${i}\n`, { mode: 0o644, flag: 'wx' }))
    const made = await run('mkfifo', ['-m', '0666', join(a.probeDir, 'answer')])
    if (made.exitCode !== 0)
      throw new Error(`cannot make a FIFO in ${a.probeDir}: ${made.stderr.trim()}`)
    // Held read-write: the container's open never blocks on our side, and its line waits here.
    const fd = openSync(join(a.probeDir, 'answer'), constants.O_RDWR | constants.O_NONBLOCK)
    try {
      const mounts = a.folders.map((f, i) => ({
        source: f.path,
        target: `${PROBE_MOUNT}/${i}`,
        readOnly: true
      }))
      const script = [
        // Shell built-ins only: our image has no cat.
        ...mounts.map((m) => `read -r t < ${m.target}/${marker} && echo "$t"`),
        `echo "${token}-fifo" > ${PROBE_MOUNT}/fifo/answer`
      ].join('; ')
      const r = await runCaptured(
        a.spec(
          [...mounts, { source: a.probeDir, target: `${PROBE_MOUNT}/fifo`, readOnly: true }],
          script
        ),
        PROBE_TIMEOUT_MS
      )
      sharedPathProblems(r, token, readAvailable(fd), a.folders)
    } finally {
      closeSync(fd)
    }
  } finally {
    for (const m of markers) rmSync(m, { force: true })
  }
}

function readAvailable(fd: number): string {
  const buffer = Buffer.alloc(256)
  try {
    return buffer.subarray(0, readSync(fd, buffer)).toString('utf8')
  } catch {
    return ''
  }
}

function sharedPathProblems(
  r: CommandResult,
  token: string,
  answer: string,
  folders: readonly SharedFolder[]
): void {
  const unseen = folders.filter((_, i) => !r.stdout.includes(`${token}-${i}\n`))
  if (unseen.length > 0)
    throw new Error(
      `the Docker daemon does not see ${unseen.map((f) => `${f.what} ${f.path}`).join(', ')} as ` +
        "this runner does (mount the same volume at the same path in the daemon's container: " +
        'the temporary folder and the workspace must be on it). The probe on the daemon said: ' +
        `${(r.stderr || r.stdout).trim().slice(0, 300) || `exit code ${r.exitCode}`}`
    )
  if (!answer.includes(`${token}-fifo`))
    throw new Error(
      `a FIFO in ${folders[0]?.path ?? 'the run folder'} does not connect the daemon's containers to this runner ` +
        "(the daemon runs on another kernel): the agent's start handshake cannot work there"
    )
}

/**
 * Runner files outside the shared roots cannot be mounted from the daemon: a single file (the
 * event payload) is copied into the run's folder; a folder (home-config) stops the run.
 */
export function sharedBinds(
  binds: readonly BindMount[],
  roots: readonly string[],
  copyDir: string,
  kindOf: (path: string) => string,
  copy: (from: string, to: string) => void
): BindMount[] {
  const shared = (p: string): boolean => roots.some((r) => p === r || p.startsWith(`${r}/`))
  return binds.map((b, i) => {
    if (shared(b.source)) return b
    if (kindOf(b.source) !== 'file')
      throw new Error(
        `${b.source} is on this runner only, and the Docker daemon is elsewhere (topology-only ` +
          'mode): only the workspace and the run folder are shared with it; leave it out of ' +
          'home-config, or run on a runner with its own Docker engine'
      )
    mkdirSync(copyDir, { recursive: true, mode: 0o755 })
    const target = join(copyDir, `${i}`)
    copy(b.source, target)
    return { ...b, source: target }
  })
}

/** Waits, from inside the proxy's network namespace, until Squid and the forwarder answer. */
export async function waitForProxyInDaemon(
  runCaptured: RunCaptured,
  spec: (script: string) => ContainerSpec,
  proxyIp: string,
  probeName: string,
  timeoutMs: number
): Promise<void> {
  const query = dnsQuery(probeName, 0x5a5a).toString('hex')
  const script = [
    'import socket, sys, time',
    `ip, q, end = "${proxyIp}", bytes.fromhex("${query}"), time.time() + ${timeoutMs / 1000}`,
    'while True:',
    '    squid = dns = False',
    '    try:',
    // connect() and sendto() with an address literal: getaddrinfo needs codecs our image lacks.
    '        t = socket.socket(socket.AF_INET, socket.SOCK_STREAM); t.settimeout(0.5)',
    `        t.connect((ip, ${SQUID_PORT})); t.close(); squid = True`,
    '    except OSError: pass',
    '    try:',
    '        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.settimeout(0.3)',
    `        u.sendto(q, (ip, ${DNS_PORT})); dns = u.recv(512)[:2] == q[:2]`,
    '    except OSError: pass',
    '    if squid and dns: print("ready"); sys.exit(0)',
    '    if time.time() > end: print(f"squid={squid} dns={dns}"); sys.exit(1)',
    '    time.sleep(0.05)'
  ].join('\n')
  const r = await runCaptured(spec(script), timeoutMs + 15000)
  if (r.exitCode !== 0 || !r.stdout.includes('ready'))
    throw new Error(
      `the proxy did not become ready within ${timeoutMs / 1000} s, probed on the Docker daemon: ${(r.stdout + r.stderr).trim().slice(0, 300) || `exit code ${r.exitCode}`}`
    )
}

/** Python that prints /proc/PID/status of every process in its PID namespace but its own. */
export const INSPECT_SCRIPT = [
  'import os',
  'me = os.getpid()',
  'for p in sorted(os.listdir("/proc")):',
  '    if p.isdigit() and int(p) != me:',
  '        try: t = open("/proc/" + p + "/status").read()',
  '        except OSError: continue',
  '        print("=== " + p); print(t)'
].join('\n')

/** The agent's processes as an inspector sharing its PID namespace on the daemon saw them. */
export async function inspectInDaemon(
  runCaptured: RunCaptured,
  spec: ContainerSpec
): Promise<ProcessSecurity[]> {
  const r = await runCaptured(spec, PROBE_TIMEOUT_MS).catch((e: unknown) => {
    throw new Error(`the process inspector could not run on the Docker daemon: ${errorText(e)}`)
  })
  const processes = r.stdout
    .split(/^=== /m)
    .filter((chunk) => /^\d+\n/.test(chunk))
    .map((chunk) => parseStatus(Number(chunk.slice(0, chunk.indexOf('\n'))), chunk))
  if (r.exitCode !== 0 || !processes.some((p) => p.pid === 1))
    throw new Error(
      `the process inspector on the Docker daemon did not see the agent's processes (exit code ${r.exitCode}): ${r.stderr.trim().slice(0, 300)}`
    )
  return processes
}
