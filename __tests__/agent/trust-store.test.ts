/**
 * The agent's trust while hosts are intercepted: the PEM bundle, the extra file for Node and
 * the JVM truststore. The JKS file is also read by the program that consumes it (keytool
 * checks its integrity digest with the password and lists every entry).
 */
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  javaKeyStore,
  pemCertificates,
  trustEnv,
  trustFiles,
  TRUST_JKS_PASSWORD
} from '../../src/agent/trust-store.js'
import { describeWith } from '../helpers/require-tool.js'
import { scratchDir } from '../helpers/scratch.js'

const CA = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ca', 'test-ca.crt'), 'ascii')
const OTHER = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'ca', 'leaf.crt'), 'ascii')
const SYSTEM = `# a comment a bundle may hold\r\n${OTHER.replace(/\n/g, '\r\n')}\n`

test('PEM blocks are found among comments and normalised to LF', () => {
  expect(pemCertificates(SYSTEM)).toEqual([OTHER])
  expect(pemCertificates('no certificate')).toEqual([])
})

test('the bundle is the system CAs then the extras; the extra file holds the extras only', () => {
  const files = trustFiles(SYSTEM, [CA, ''], 0)
  expect(files['ca-bundle.crt']).toBe(`${OTHER}${CA}`)
  expect(files['extra-ca.crt']).toBe(CA)
})

test('every client family is pointed at the trust folder', () => {
  const env = trustEnv()
  for (const name of ['SSL_CERT_FILE', 'CURL_CA_BUNDLE', 'REQUESTS_CA_BUNDLE', 'GIT_SSL_CAINFO'])
    expect(env[name]).toBe('/awf/trust/ca-bundle.crt')
  expect(env.NODE_EXTRA_CA_CERTS).toBe('/awf/trust/extra-ca.crt')
  expect(env.JAVA_TOOL_OPTIONS).toContain('-Djavax.net.ssl.trustStore=/awf/trust/cacerts.jks')
})

test('the JKS store: magic, version, one trusted entry per certificate, digest over the password', () => {
  const jks = javaKeyStore([CA, OTHER, 'not a certificate'], 1700000000000)
  expect(jks.readUInt32BE(0)).toBe(0xfeedfeed)
  expect(jks.readUInt32BE(4)).toBe(2)
  expect(jks.readUInt32BE(8)).toBe(2)
  expect(jks.readUInt32BE(12)).toBe(2) // trusted certificate entry
  const body = jks.subarray(0, jks.length - 20)
  const digest = createHash('sha1')
    .update(Buffer.from(TRUST_JKS_PASSWORD, 'utf16le').swap16())
    .update('Mighty Aphrodite')
    .update(body)
    .digest()
  expect(jks.subarray(jks.length - 20).equals(digest)).toBe(true)
})

describeWith({ tools: ['keytool'] }, 'keytool reads the store', () => {
  test('with its password: integrity checked, every certificate listed as trusted', () => {
    const file = join(scratchDir('awf-jks-'), 'cacerts.jks')
    writeFileSync(file, javaKeyStore([CA, OTHER], Date.now()))
    const r = spawnSync(
      'keytool',
      ['-list', '-keystore', file, '-storetype', 'JKS', '-storepass', TRUST_JKS_PASSWORD],
      { encoding: 'utf8' }
    )
    expect([r.status, r.stderr]).toEqual([0, ''])
    expect(r.stdout).toMatch(/contains 2 entries/)
    expect(r.stdout.match(/trustedCertEntry/g)).toHaveLength(2)
  })
})
