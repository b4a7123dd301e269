/**
 * Interception in squid.conf (issue 16): only the named hosts are stared at and bumped, each
 * paired with its own server name; decrypted requests go to the tunnel's own host only; the
 * credential values never reach the file, only their marks.
 */
import { renderAll, renderSquidConf, RenderAssertionError } from '../../src/render/index.js'
import { input, INTERCEPT_INPUT, POLICIES } from './fixtures.js'

const conf = renderAll(INTERCEPT_INPUT)['squid.conf']
const lines = conf.split('\n')

test('without intercepted hosts nothing changes: no certificates are generated', () => {
  const plain = renderSquidConf(input(POLICIES.typical!))
  expect(
    renderSquidConf({
      ...input(POLICIES.typical!),
      interception: { hosts: [], credentials: [], upstreamCa: false }
    })
  ).toBe(plain)
  expect(plain).toContain('generate-host-certificates=off')
  expect(plain).not.toMatch(/ssl_bump (stare|bump)|sslcrtd_program|request_header_add/)
  expect(conf).toContain('generate-host-certificates=on')
})

test('a host is bumped only when its CONNECT host and its server name both name it', () => {
  expect(lines).toContain('acl icpt_1_host dstdomain -n api.test')
  expect(lines).toContain('acl icpt_1_sni ssl::server_name --client-requested api.test')
  expect(lines).toContain('ssl_bump stare tls_step2 icpt_1_host icpt_1_sni')
  expect(lines).toContain('ssl_bump bump tls_step3 icpt_1_host icpt_1_sni')
  // Refusals (blocked names, no server name) come first; every splice after.
  const at = (l: string): number => lines.findIndex((x) => x.startsWith(l))
  expect(at('ssl_bump terminate !sni_sent')).toBeLessThan(at('ssl_bump stare'))
  expect(at('ssl_bump bump')).toBeLessThan(at('ssl_bump splice'))
})

test('decrypted requests: TRACE refused, only the tunnel host allowed, the rest denied', () => {
  const access = lines.filter((l) => l.startsWith('http_access') && l.includes('tls_port'))
  expect(access.slice(-4)).toEqual([
    'http_access deny tls_port trace_method',
    'http_access allow tls_port !CONNECT icpt_0_host icpt_0_sni',
    'http_access allow tls_port !CONNECT icpt_1_host icpt_1_sni',
    'http_access deny tls_port'
  ])
})

test('the credential header is replaced on decrypted requests only (never a CONNECT to a parent), its value a mark', () => {
  expect(lines).toContain(
    'request_header_access x-api-key deny tls_port !CONNECT icpt_1_host icpt_1_sni'
  )
  expect(lines).toContain(
    'request_header_add x-api-key "AWF_CREDENTIAL_0" tls_port !CONNECT icpt_1_host icpt_1_sni'
  )
})

test('upstream servers are verified against the system store and the ca-certificates file', () => {
  expect(lines).toContain(
    'tls_outgoing_options min-version=1.2 cafile=/etc/ssl/certs/ca-certificates.crt cafile=/awf/config/ca-certificates.crt'
  )
})

test('a bad host or header name can never reach squid.conf', () => {
  const bad = (hosts: string[], header: string) => () =>
    renderSquidConf({
      ...INTERCEPT_INPUT,
      interception: { hosts, credentials: [{ host: hosts[0]!, header }], upstreamCa: false }
    })
  expect(bad(['evil.test\nhttp_access allow all'], 'x-api-key')).toThrow(RenderAssertionError)
  expect(bad(['api.test'], 'x-api-key allow all')).toThrow(RenderAssertionError)
  expect(bad(['api.test'], 'x"')).toThrow(RenderAssertionError)
})
