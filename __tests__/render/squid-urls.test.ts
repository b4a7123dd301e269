/**
 * The path regexes rendered for allow-urls: what they match (checked here with JavaScript's
 * regex engine, which reads these POSIX extended expressions the same way; squid -k parse
 * accepts them in consumers.test.ts) and that nothing un-normalised can be rendered.
 */
import { buildPolicy } from '../../src/policy/index.js'
import type { UrlRule } from '../../src/policy/types.js'
import { RenderAssertionError } from '../../src/render/index.js'
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
    expect(renderUrlRules([])).toEqual({ acls: [], agentAccess: [], interceptedAccess: [] })
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
      'http_access deny url_hosts url_unsafe_path',
      'http_access allow !CONNECT proto_https url_1_host url_1_port url_1_method url_1_path',
      'http_access allow !CONNECT proto_https url_2_host url_2_port url_2_method url_2_path',
      'http_access deny url_hosts'
    ])
  })
})
