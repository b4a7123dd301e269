/**
 * The agent's trust when the run intercepts hosts: the proxy's entrypoint made the run's CA
 * and left its certificate in the logs folder; here it joins the system's CAs (as the
 * command's own filesystem has them) and the `ca-certificates` file in the trust folder the
 * agent sees read-only. Done after the proxy is ready and before the command starts.
 */
import { X509Certificate } from 'node:crypto'
import { closeSync, constants, openSync, readSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { pemCertificates, trustFiles } from '../agent/trust-store.js'
import { INTERCEPTION_CA_LOG_FILE } from '../render/squid-intercept.js'
import type { Docker } from './docker.js'
import { warning } from './log.js'
import type { InterceptionRequest } from './types.js'
import { makeDir } from './work-dir.js'

/** Where the command's system CAs usually are (Debian/Ubuntu, Fedora/RHEL, Alpine/others). */
const SYSTEM_BUNDLES = [
  '/etc/ssl/certs/ca-certificates.crt',
  '/etc/pki/tls/certs/ca-bundle.crt',
  '/etc/ssl/cert.pem'
]

export const trustDir = (workDir: string): string => join(workDir, 'trust')

/** Makes the (empty) trust folder before the agent container is created with it mounted. */
export function makeTrustDir(workDir: string): string {
  return makeDir(trustDir(workDir), 0o755)
}

/** The proxy's user can write the logs folder: never follow a link planted there. */
function readSmallFile(path: string, max: number): string {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  try {
    const buf = Buffer.alloc(max)
    const n = readSync(fd, buf, 0, max, 0)
    return buf.subarray(0, n).toString('ascii')
  } finally {
    closeSync(fd)
  }
}

/** The run's CA certificate, exactly one CA certificate, as the proxy left it. */
export function readRunCa(logsDir: string): string {
  const pems = pemCertificates(readSmallFile(join(logsDir, INTERCEPTION_CA_LOG_FILE), 16384))
  if (pems.length !== 1 || !new X509Certificate(pems[0]!).ca)
    throw new Error('the proxy did not leave exactly one CA certificate for interception')
  return pems[0]!
}

async function systemBundle(docker: Docker, agent: string): Promise<string> {
  for (const path of SYSTEM_BUNDLES) {
    const text = await docker.copyOut(agent, path)
    if (text && pemCertificates(text).length > 0) return text
  }
  warning(
    "the command's filesystem has no CA bundle in a usual place: it trusts only the intercepted hosts' CA (and ca-certificates)"
  )
  return ''
}

/** The step log's line about interception: hosts and header names, never a value. */
export function interceptionLine(i: InterceptionRequest): string {
  const headers = i.credentials.map((c) => `${c.header} for ${c.host}`)
  return (
    `intercepted (decrypted by the proxy, with this run's CA): ${i.hosts.join(', ')}` +
    (headers.length > 0 ? `; set by the proxy on every request: ${headers.join(', ')}` : '')
  )
}

export async function installTrust(o: {
  docker: Docker
  agent: string
  workDir: string
  logsDir: string
  caCertificates?: string
}): Promise<void> {
  const runCa = readRunCa(o.logsDir)
  const system = await systemBundle(o.docker, o.agent)
  const files = trustFiles(system, [o.caCertificates ?? '', runCa], Date.now())
  const dir = trustDir(o.workDir)
  for (const [name, content] of Object.entries(files))
    writeFileSync(join(dir, name), content as string | Buffer, { mode: 0o644, flag: 'wx' })
}
