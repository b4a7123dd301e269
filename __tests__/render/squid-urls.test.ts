/**
 * The path regexes rendered for allow-urls: what they match (checked here with JavaScript's
 * regex engine, which reads these POSIX extended expressions the same way; squid -k parse
 * accepts them in consumers.test.ts) and that nothing un-normalised can be rendered.
 */
import { buildPolicy } from '../../src/policy/index.js'
import type { UrlRule } from '../../src/policy/types.js'
import { RenderAssertionError, renderSquidConf } from '../../src/render/index.js'
import { input, POLICIES } from './fixtures.js'
import { pathRegex, renderUrlRules } from '../../src/render/squid-urls.js'

const matches = (pattern: string, path: string): boolean =>
  new RegExp(pathRegex(pattern)).test(path)

type Case = [number, string, string, boolean]
const CASES: Case[] = [
  [1, '/my-org/*', '/my-org/repo.git/info/refs?service=git-upload-pack', true],
  [2, '/my-org/*', '/my-org/', true],
  [3, '/my-org/*', '/my-org', false],
  [4, '/my-org/*', '/other-org/repo.git/info/refs', false],
  [5, '/my-org/*', '/my-orgx/repo', false],
  [6, '/my-org/*/info/refs', '/my-org/r.git/info/refs?service=git-upload-pack', true],
  [7, '/my-org/*/info/refs', '/my-org/r.git/info/refs/x', false],
  [8, '/my-org/*/info/refs', '/my-org/r.git/x?/info/refs', false],
  [9, '/a.b', '/aXb', false],
  [10, '/a.b', '/a.b?x=1', true],
  [11, '/x', '/x', true],
  [12, '/x', '/xy', false],
  [13, '/x', '/prefix/x', false],
  [14, '/(a)+$b', '/(a)+$b', true],
  [15, '/(a)+$b', '/aa$b', false],
  [16, '/*', '/anything/at/all?q=/x', true]
]

describe('allow-urls path regexes', () => {
  test.each(CASES)('%i: %s against %s', (_n, pattern, path, expected) =>
    expect(matches(pattern, path)).toBe(expected)
  )

  test('the refusal of paths a server resolves differently, in the path only', () => {
    const unsafe = renderUrlRules(
      buildPolicy({ 'allow-urls': 'GET http://a.test/*' }, 'input').policy.allowUrls
    )
      .acls.find((l) => l.startsWith('acl url_unsafe_path'))!
      .split(' ')
      .slice(4)
      .map((r) => new RegExp(r, 'i'))
    const refused = (path: string): boolean => unsafe.some((r) => r.test(path))
    for (const p of [
      '/a/../b',
      '/a/./b',
      '/a/..',
      '/a/%2E%2e/b',
      '/a/..;/b',
      '/a%2fb',
      '/a%5Cb',
      '/a\\b'
    ])
      expect([p, refused(p)]).toEqual([p, true])
    for (const p of ['/a/b', '/a/..b/c', '/a/.well-known', '/a?x=%2F', '/a?x=/../'])
      expect([p, refused(p)]).toEqual([p, false])
  })

  test('rules without a rule host render nothing', () => {
    expect(renderUrlRules([])).toEqual({
      acls: [],
      agentAccess: [],
      interceptedAccess: [],
      tunnelRefusals: [],
      interceptedHosts: []
    })
  })

  test('a value the policy would never produce is never rendered', () => {
    const rule: UrlRule = {
      methods: ['GET'],
      protocol: 'https',
      host: 'a.test',
      port: 443,
      path: '/x\nhttp_access allow all',
      source: 'x'
    }
    expect(() => renderUrlRules([rule])).toThrow(RenderAssertionError)
    expect(() => renderUrlRules([{ ...rule, path: '/x', host: 'a.test all' }])).toThrow(
      RenderAssertionError
    )
    expect(() => renderUrlRules([{ ...rule, path: '/x', methods: ['GET all' as 'GET'] }])).toThrow(
      RenderAssertionError
    )
  })

  test('HTTPS rules: CONNECT once per host and port on the agent port, requests checked inside', () => {
    const r = renderUrlRules(
      buildPolicy(
        { 'allow-urls': 'GET https://g.test/a/*\nPOST https://g.test/b\nGET http://g.test/c' },
        'input'
      ).policy.allowUrls
    )
    expect(r.agentAccess.filter((l) => l.includes('CONNECT'))).toEqual([
      'http_access allow !CONNECT proto_http url_0_host url_0_port url_0_method url_0_path',
      'http_access allow CONNECT url_1_host url_1_port'
    ])
    expect(r.agentAccess.at(-1)).toBe('http_access deny url_hosts')
    expect(r.interceptedAccess).toEqual([
      '# allow-urls: requests inside an intercepted tunnel pass only when a rule matches.',
      'http_access deny tls_port url_hosts url_unsafe_path',
      'http_access allow tls_port !CONNECT proto_https url_1_host url_1_port url_1_method url_1_path url_1_sni',
      'http_access allow tls_port !CONNECT proto_https url_2_host url_2_port url_2_method url_2_path url_2_sni',
      'http_access deny tls_port url_hosts'
    ])
    expect(r.interceptedHosts).toEqual(['g.test'])
    expect(r.tunnelRefusals.slice(1)).toEqual([
      'ssl_bump terminate url_hosts',
      'ssl_bump terminate url_hosts_sni'
    ])
  })
})

describe('allow-urls in squid.conf', () => {
  const conf = renderSquidConf(input(POLICIES.urls!))
  const lines = conf.split('\n')
  const at = (line: string): number => {
    const i = lines.indexOf(line)
    if (i < 0) throw new Error(`missing: ${line}`)
    return i
  }

  test('the hosts of HTTPS rules are intercepted even when the caller named none', () => {
    expect(conf).toMatch(/generate-host-certificates=on/)
    expect(lines.filter((l) => /^acl icpt_\d+_host /.test(l))).toEqual([
      'acl icpt_0_host dstdomain -n api.test',
      'acl icpt_1_host dstdomain -n github.com',
      'acl icpt_2_host dstdomain -n registry.test'
    ])
  })

  test('order: URL rules before the domain rules and the hosts’ allow-all; no splice of a rule host', () => {
    expect(at('http_access deny url_hosts')).toBeLessThan(
      lines.findIndex((l) => l.startsWith('http_access allow CONNECT allow_'))
    )
    expect(at('http_access deny tls_port trace_method')).toBeLessThan(
      at('http_access deny tls_port url_hosts url_unsafe_path')
    )
    expect(at('http_access deny tls_port url_hosts')).toBeLessThan(
      at('http_access allow tls_port !CONNECT icpt_1_host icpt_1_sni')
    )
    expect(at('ssl_bump bump tls_step3 icpt_1_host icpt_1_sni')).toBeLessThan(
      at('ssl_bump terminate url_hosts')
    )
    expect(at('ssl_bump terminate url_hosts_sni')).toBeLessThan(
      lines.findIndex((l) => l.startsWith('ssl_bump splice '))
    )
  })
})
