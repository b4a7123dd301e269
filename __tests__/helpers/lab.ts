/**
 * The integration suites' view of the offline lab (lab/): bring it up, check its routes, read
 * its logs, run the unfirewalled control container. Traffic only ever goes to lab hosts.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export const ROOT = join(import.meta.dirname, '..', '..')
export const LAB = JSON.parse(readFileSync(join(ROOT, 'lab', 'hosts.json'), 'utf8')) as {
  addresses: Record<string, string>
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

export function kernelLog(): string {
  return execFileSync('dmesg', [], { encoding: 'utf8', maxBuffer: 64 << 20 })
}

export interface Result {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** The unfirewalled positive control: the same image, the lab resolver, no proxy. */
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

/** What the sandbox leaves behind: containers, networks, chains, temp dirs of runs. */
export function leftovers(): string[] {
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
