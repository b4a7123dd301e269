/**
 * The integration suites' view of the offline lab (lab/): bring it up, check its routes, read
 * its logs, run the unfirewalled control container. Traffic only ever goes to lab hosts.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { leasePath, leasesIn, probeLease, SYSTEM_LEASE_DIR } from '../../src/sandbox/lease.js'

export const ROOT = join(import.meta.dirname, '..', '..')
export const LAB = JSON.parse(readFileSync(join(ROOT, 'lab', 'hosts.json'), 'utf8')) as {
  addresses: Record<string, string>
  corporateProxy: { open: number; login: number; refusing: number; user: string }
}
export const LAB_STATE = '/run/awf-lab'
export const LAB_CA = join(LAB_STATE, 'ca.crt')
export const LAB_RESOLVER = LAB.addresses.resolver!

/** Brings the lab up (idempotent) and refuses to go on unless every lab prefix routes into it. */
export function ensureLab(): void {
  execFileSync('bash', [join(ROOT, 'lab', 'lab.sh'), 'up'], { stdio: 'ignore', timeout: 60000 })
  execFileSync('bash', [join(ROOT, 'lab', 'lab.sh'), 'check'], { stdio: 'pipe', timeout: 10000 })
}

export function newNonce(): string {
  return `n${randomBytes(6).toString('hex')}`
}

export function labLog(): string {
  const file = join(LAB_STATE, 'lab.log')
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}

/** What the corporate proxy stand-in (a second Squid in the lab) forwarded, one line each. */
export function corporateLog(): string {
  const file = join(LAB_STATE, 'corporate.log')
  return existsSync(file) ? readFileSync(file, 'utf8') : ''
}

/** The stand-in's `user:password` for its login port, made at `lab.sh up`. */
export function corporateLogin(): string {
  return readFileSync(join(LAB_STATE, 'corporate.login'), 'utf8').trim()
}

export function kernelLog(): string {
  return execFileSync('dmesg', [], { encoding: 'utf8', maxBuffer: 64 << 20 })
}

export interface Result {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/**
 * The runner's own /usr and /etc, read-only, as host mode shows them: our agent image carries
 * only the canary's tools, so a control or responder container runs the runner's programs.
 */
const RUNNER_TOOLS = ['-v', '/usr:/usr:ro', '-v', '/etc:/etc:ro']

/** The unfirewalled positive control: the same image and the runner's tools, the lab resolver, no proxy. */
export function runControl(image: string, script: string, workspace: string): Result {
  const r = spawnSync(
    'docker',
    [
      'run',
      '--rm',
      '--dns',
      LAB_RESOLVER,
      '--entrypoint',
      'bash',
      ...RUNNER_TOOLS,
      '-v',
      `${workspace}:${workspace}`,
      '-w',
      workspace,
      image,
      '-c',
      script
    ],
    { encoding: 'utf8', timeout: 120000 }
  )
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

/**
 * Waits (at most 15 s) until no run holds a lease: a run that ended hands its networks and
 * temporary files to a background reaper (src/sandbox/reaper.ts), which holds the run's lease
 * until they are gone, a moment after the CLI or the action step has exited.
 */
export function waitForReapers(): void {
  const deadline = Date.now() + 15000
  const held = (): string[] =>
    [SYSTEM_LEASE_DIR, join(tmpdir(), 'awf-leases')].flatMap((dir) =>
      leasesIn(dir).filter((id) => probeLease(leasePath(dir, id)) === 'held')
    )
  while (held().length > 0 && Date.now() < deadline) execFileSync('sleep', ['0.05'])
}

/**
 * What the sandbox leaves behind: containers, networks, chains, temp dirs of runs (once the
 * reapers of runs that ended are done).
 */
export function leftovers(): string[] {
  waitForReapers()
  const out: string[] = []
  const ps = execFileSync(
    'docker',
    ['ps', '-a', '--filter', 'label=awf.run', '--format', '{{.Names}}'],
    { encoding: 'utf8' }
  )
  const nets = execFileSync(
    'docker',
    ['network', 'ls', '--filter', 'label=awf.run', '--format', '{{.Name}}'],
    { encoding: 'utf8' }
  )
  out.push(
    ...ps
      .split('\n')
      .filter(Boolean)
      .map((n) => `container ${n}`)
  )
  out.push(
    ...nets
      .split('\n')
      .filter(Boolean)
      .map((n) => `network ${n}`)
  )
  for (const tool of ['iptables-save', 'ip6tables-save']) {
    const chains = execFileSync(tool, [], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => /AWF-[0-9a-f]{8}/.test(l))
    out.push(...chains.map((l) => `${tool}: ${l}`))
  }
  return out
}

/**
 * A service on the runner, listening on every address (as a service meant for the sandbox
 * would), answering every GET with `body`. The caller kills it.
 */
export function serveOnRunner(port: number, body: string): ChildProcess {
  return spawn(
    'python3',
    [
      '-c',
      `import http.server as h
class H(h.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"${body}")
    def log_message(self, *a): pass
h.HTTPServer(("0.0.0.0", ${port}), H).serve_forever()`
    ],
    { stdio: 'ignore' }
  )
}

/**
 * A container on Docker's default bridge answering every connection on port 8000 with
 * `body` (our agent image has python3-minimal: no http.server). Optionally published on the
 * runner, as GitHub starts `services:`. Returns its address; the caller removes it.
 */
export function startResponderContainer(opts: {
  name: string
  image: string
  body: string
  publish?: number
}): string {
  execFileSync('docker', [
    'run',
    '-d',
    '--rm',
    '--name',
    opts.name,
    ...(opts.publish ? ['-p', `${opts.publish}:8000`] : []),
    ...RUNNER_TOOLS,
    '--entrypoint',
    'python3',
    opts.image,
    '-c',
    [
      'import socket',
      's = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)',
      "s.bind(('0.0.0.0', 8000)); s.listen(8)",
      'while True:',
      `    c, _ = s.accept(); c.recv(4096); c.sendall(b'HTTP/1.0 200 OK\\r\\n\\r\\n${opts.body}'); c.close()`
    ].join('\n')
  ])
  return execFileSync('docker', ['inspect', '-f', '{{.NetworkSettings.IPAddress}}', opts.name], {
    encoding: 'utf8'
  }).trim()
}
