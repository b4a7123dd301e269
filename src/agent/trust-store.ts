/**
 * The agent's trust when the run intercepts hosts: the system's CAs, the `ca-certificates`
 * file's and the run's own CA, as one PEM bundle and as a JVM truststore, with the variables
 * that point every client family at them. Pure: the sandbox reads and writes the files.
 */
import { createHash, X509Certificate } from 'node:crypto'

/** Where the agent sees the trust folder (mounted read-only). */
export const TRUST_MOUNT = '/awf/trust'
export const TRUST_BUNDLE = 'ca-bundle.crt'
/** Only the certificates the system store lacks (Node adds these to its own roots). */
export const TRUST_EXTRA = 'extra-ca.crt'
export const TRUST_JKS = 'cacerts.jks'
/** The JVM's usual default; the store holds public certificates only. */
export const TRUST_JKS_PASSWORD = 'changeit'

const PEM = /-----BEGIN CERTIFICATE-----\r?\n[A-Za-z0-9+/=\r\n]+-----END CERTIFICATE-----/g

/** Every PEM certificate block in `text`, normalised (LF line ends, a newline after each). */
export function pemCertificates(text: string): string[] {
  return [...text.matchAll(PEM)].map((m) => `${m[0].replace(/\r\n/g, '\n')}\n`)
}

/** The variables every client family reads its CAs from (docs/usage.md lists which reads which). */
export function trustEnv(): Record<string, string> {
  const bundle = `${TRUST_MOUNT}/${TRUST_BUNDLE}`
  return {
    SSL_CERT_FILE: bundle,
    CURL_CA_BUNDLE: bundle,
    REQUESTS_CA_BUNDLE: bundle,
    GIT_SSL_CAINFO: bundle,
    NODE_EXTRA_CA_CERTS: `${TRUST_MOUNT}/${TRUST_EXTRA}`,
    JAVA_TOOL_OPTIONS: [
      `-Djavax.net.ssl.trustStore=${TRUST_MOUNT}/${TRUST_JKS}`,
      '-Djavax.net.ssl.trustStoreType=JKS',
      `-Djavax.net.ssl.trustStorePassword=${TRUST_JKS_PASSWORD}`
    ].join(' ')
  }
}

export interface TrustFiles {
  readonly [TRUST_BUNDLE]: string
  readonly [TRUST_EXTRA]: string
  readonly [TRUST_JKS]: Buffer
}

/** The files of the trust folder, from the system's bundle and the extra CAs (PEM texts). */
export function trustFiles(system: string, extra: readonly string[], now: number): TrustFiles {
  const extraPems = extra.flatMap(pemCertificates)
  const all = [...pemCertificates(system), ...extraPems]
  return {
    [TRUST_BUNDLE]: all.join(''),
    [TRUST_EXTRA]: extraPems.join(''),
    [TRUST_JKS]: javaKeyStore(all, now)
  }
}

function utf(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8')
  const len = Buffer.alloc(2)
  len.writeUInt16BE(bytes.length)
  return Buffer.concat([len, bytes])
}

const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4)
  b.writeUInt32BE(n)
  return b
}

/**
 * A JKS keystore of trusted-certificate entries (the format every JVM reads, written here so
 * that no JVM is needed on the runner): magic, version 2, the entries, then a SHA-1 over the
 * password (UTF-16BE), the JDK's fixed salt and everything before it.
 */
export function javaKeyStore(pems: readonly string[], now: number): Buffer {
  // A certificate Node cannot read is left out of the store (the PEM bundle keeps it).
  const ders = pems.flatMap((pem) => {
    try {
      return [new X509Certificate(pem).raw]
    } catch {
      return []
    }
  })
  const parts = [u32(0xfeedfeed), u32(2), u32(ders.length)]
  ders.forEach((der, i) => {
    const time = Buffer.alloc(8)
    time.writeBigUInt64BE(BigInt(now))
    parts.push(u32(2), utf(`awf-${i}`), time, utf('X.509'), u32(der.length), der)
  })
  const body = Buffer.concat(parts)
  const password = Buffer.from(TRUST_JKS_PASSWORD, 'utf16le').swap16()
  const digest = createHash('sha1')
    .update(password)
    .update(Buffer.from('Mighty Aphrodite', 'utf8'))
    .update(body)
    .digest()
  return Buffer.concat([body, digest])
}
