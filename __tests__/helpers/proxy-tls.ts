/**
 * Key material like the proxy's entrypoint makes at start, so that `squid -k parse` (Squid
 * built with OpenSSL, as in the proxy image) can load the peeking port of a rendered file.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { PROXY_TLS_DIR } from '../../src/render/index.js'
import { scratchDir } from './scratch.js'

let dir: string | undefined

function keyMaterial(): string {
  const tls = scratchDir('awf-proxy-tls-')
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=awf-proxy',
      '-keyout',
      join(tls, 'key.pem'),
      '-out',
      join(tls, 'cert.pem')
    ],
    { stdio: 'pipe' }
  )
  return tls
}

/** squid.conf text with the proxy's key paths pointing at a local copy. */
export function withLocalKeyMaterial(squidConf: string): string {
  dir ??= keyMaterial()
  return squidConf.replaceAll(`${PROXY_TLS_DIR}/`, `${dir}/`)
}
