/**
 * Node 24 for client tests: the action's own runtime, and the first release line whose fetch
 * and https honour NODE_USE_ENV_PROXY. The npm registry (the one registry this machine
 * reaches) carries the official Linux builds as `node-linux-<arch>`; `npm pack` checks the
 * package's integrity. Cached per version, extracted before it is moved into place.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'

export const NODE24_VERSION = '24.22.3'
const CACHE = '/var/cache/awf-test'

export function node24Binary(): string {
  const dir = join(CACHE, `node-${NODE24_VERSION}-${process.arch}`)
  const bin = join(dir, 'bin', 'node')
  if (existsSync(bin)) return bin
  mkdirSync(CACHE, { recursive: true })
  const tmp = mkdtempSync(join(CACHE, 'tmp-'))
  try {
    const pkg = `node-linux-${process.arch}`
    execFileSync(
      'npm',
      ['pack', `${pkg}@${NODE24_VERSION}`, '--silent', '--pack-destination', tmp],
      {
        stdio: 'pipe',
        timeout: 300000
      }
    )
    execFileSync('tar', [
      'xzf',
      join(tmp, `${pkg}-${NODE24_VERSION}.tgz`),
      '-C',
      tmp,
      'package/bin/node'
    ])
    renameSync(join(tmp, 'package'), dir)
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  return bin
}
