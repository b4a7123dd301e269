/**
 * The `ca-certificates` input: a PEM file in the workspace whose certificates the proxy
 * trusts, besides the system store, for the servers of intercepted hosts (a corporate
 * inspection proxy, the test lab). The agent's trust gets them too. Read and checked once,
 * when the settings are resolved.
 */
import { X509Certificate } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'
import { InputError, problem } from '../common/errors.js'
import { pemCertificates } from '../agent/trust-store.js'

const MAX_BYTES = 1 << 20
const ACCEPTED =
  'Give the path of a PEM file of CA certificates (at most 1 MiB), relative to the workspace.'

export function readCaCertificates(path: string, baseDir: string, where: string): string {
  const refuse = (why: string): InputError => new InputError([problem(where, path, why, ACCEPTED)])
  const full = resolve(baseDir, path)
  let text: string
  try {
    const st = statSync(full)
    if (!st.isFile()) throw refuse('is not a file')
    if (st.size > MAX_BYTES) throw refuse('is larger than 1 MiB')
    text = readFileSync(full, 'ascii')
  } catch (e) {
    if (e instanceof InputError) throw e
    throw refuse('cannot be read')
  }
  const blocks = pemCertificates(text)
  if (blocks.length === 0) throw refuse('holds no PEM certificate')
  blocks.forEach((pem, i) => {
    try {
      if (!new X509Certificate(pem).ca) throw new Error('not a CA')
    } catch {
      throw refuse(`holds a certificate (number ${i + 1}) that is not a readable CA certificate`)
    }
  })
  return blocks.join('')
}
