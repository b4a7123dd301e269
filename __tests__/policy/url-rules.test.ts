import {
  buildPolicy,
  parsePolicyFile,
  parseUrlRule,
  PolicyError,
  urlRuleLines,
  urlRuleText
} from '../../src/policy/index.js'
import type { UrlRule } from '../../src/policy/types.js'

const W = 'input allow-urls'

type Accepted = [number, string, string]
type Refused = [number, string, RegExp]

/** Accepted: rule -> its normalised form (methods, scheme, host, port when not the default, path). */
const ACCEPTED: Accepted[] = [
  [1, 'GET,HEAD https://github.com/my-org/*', 'GET,HEAD https://github.com/my-org/*'],
  [2, 'POST https://api.github.com/repos/o/r/pulls', 'POST https://api.github.com/repos/o/r/pulls'],
  [3, 'https://allowed.test/*', 'https://allowed.test/*'],
  [4, 'GET http://plain.test/a', 'GET http://plain.test/a'],
  [5, 'GET https://a.test:8443/x', 'GET https://a.test:8443/x'],
  [6, 'GET https://a.test:443/x', 'GET https://a.test/x'],
  [7, 'GET HTTPS://A.Test./x', 'GET https://a.test/x'],
  [8, 'GET,GET,HEAD https://a.test/', 'GET,HEAD https://a.test/'],
  [9, '  GET\thttps://a.test/x  ', 'GET https://a.test/x'],
  [10, 'GET https://bücher.example/x', 'GET https://xn--bcher-kva.example/x'],
  [
    11,
    "GET https://a.test/a-b_c.d~e!$&'()+,;=:@/%2F/*",
    "GET https://a.test/a-b_c.d~e!$&'()+,;=:@/%2F/*"
  ],
  [
    12,
    'PUT,PATCH,DELETE,OPTIONS https://a.test/*/x/*',
    'PUT,PATCH,DELETE,OPTIONS https://a.test/*/x/*'
  ],
  [13, 'GET https://a.test/.well-known/x', 'GET https://a.test/.well-known/x'],
  [14, 'GET https://a.test/a..b/...', 'GET https://a.test/a..b/...']
]

const REFUSED: Refused[] = [
  [1, 'GET github.com/my-org/*', /has no scheme.*https:\/\//],
  [2, 'GET ftp://a.test/x', /scheme "ftp"/],
  [3, 'GET https://a.test', /has no path.*\/\*/],
  [4, 'GET https://a.test/x?y=1', /contains a query.*never part/],
  [5, 'GET https://a.test/x#y', /fragment/],
  [6, 'GET https://user@a.test/x', /user information/],
  [7, 'GET https://*.a.test/x', /wildcard host/],
  [8, 'get https://a.test/x', /method "get".*capitals: GET/],
  [9, 'CONNECT https://a.test/x', /CONNECT is not/],
  [10, 'GET,,HEAD https://a.test/x', /empty method/],
  [11, 'GET HEAD https://a.test/x', /more than two parts.*commas/],
  [12, 'GET https://a.test/x y', /more than two parts/],
  [13, 'GET https://a.test/a"b', /character "\\""/],
  [14, 'GET https://a.test/a\\b', /character "\\\\"/],
  [15, 'GET https://a.test/${process_name}', /character "\{"/],
  [16, 'GET https://a.test/a%zz', /percent escape/],
  [17, 'GET https://a.test/a/../b', /dot" or "\.\." path segment|"\." or "\.\." path segment/],
  [18, 'GET https://a.test/a/%2e%2E/b', /path segment/],
  [19, 'GET https://a.test/./x', /path segment/],
  [20, 'GET https://a.test/x/..', /path segment/],
  [21, 'GET https://com/x', /public suffix "com"/],
  [22, 'GET https://198.18.0.10/x', /address|IP/i],
  [23, 'GET https://a.test:0/x', /invalid port/],
  [24, 'GET https://a.test/x\u0000', /control character/],
  [25, `GET https://a.test/${'a'.repeat(1000)}`, /longer than 1000/],
  [26, 'GET https://a.test/a|b', /character "\|"/],
  [27, 'GET https://a.test/a[b]', /character "\["/],
  [28, 'GET https://a.test/a^b', /character "\^"/],
  [29, 'GET https://localhost/x', /this machine/],
  [30, 'GET https://a.test/é', /character "é"/]
]

describe('allow-urls rules', () => {
  test.each(ACCEPTED)('accepted %i: %s', (_n, text, normalised) => {
    const rule = parseUrlRule(text, W) as UrlRule
    expect(rule).toHaveProperty('host')
    expect(urlRuleText(rule)).toBe(normalised)
  })

  test.each(REFUSED)('refused %i: %s', (_n, text, why) => {
    const refused = parseUrlRule(text, W)
    expect(refused).toHaveProperty('message')
    const message = (refused as { message: string }).message
    expect(message).toMatch(why)
    expect(message.startsWith(`${W}: `)).toBe(true)
    // One line, whatever the value held.
    expect(message).not.toMatch(/[\n\r\0]/)
  })

  test('the rule keeps the parts renderers need', () => {
    expect(parseUrlRule('GET,HEAD https://github.com/my-org/*', W)).toEqual({
      methods: ['GET', 'HEAD'],
      protocol: 'https',
      host: 'github.com',
      port: 443,
      path: '/my-org/*',
      source: 'GET,HEAD https://github.com/my-org/*'
    })
    expect(parseUrlRule('http://a.test:8080/x', W)).toMatchObject({
      methods: [],
      protocol: 'http',
      port: 8080
    })
  })

  test('a rule a line; blank lines and comments skipped, a # inside a URL kept', () => {
    expect(
      urlRuleLines(
        '# org repos\nGET,HEAD https://a.test/o/*  # read\n\n  POST https://a.test/x#y\r\n'
      )
    ).toEqual(['GET,HEAD https://a.test/o/*', 'POST https://a.test/x#y'])
  })
})

describe('allow-urls in the policy', () => {
  test('rules from input and file, duplicates once, hosts as a view', () => {
    const file = parsePolicyFile({
      path: 'p.yml',
      text: 'allow-urls:\n  - GET https://b.test/x\n  - GET,HEAD https://a.test/o/*\n'
    })
    expect(file.problems).toEqual([])
    const built = buildPolicy(
      { 'allow-urls': 'GET https://b.test/x\nPOST https://a.test/api' },
      'input',
      {
        path: 'p.yml',
        text: 'allow-urls:\n  - GET https://b.test/x\n  - GET,HEAD https://a.test/o/*\n'
      }
    )
    expect(built.policy.allowUrls.map(urlRuleText)).toEqual([
      'POST https://a.test/api',
      'GET,HEAD https://a.test/o/*',
      'GET https://b.test/x'
    ])
    expect(built.policy.views.urlHosts).toEqual(['a.test', 'b.test'])
    expect(built.provenance.keys.find((k) => k.key === 'allow-urls')).toEqual({
      key: 'allow-urls',
      fromFile: ['GET https://b.test/x', 'GET,HEAD https://a.test/o/*'],
      fromInput: ['GET https://b.test/x', 'POST https://a.test/api']
    })
    // URL rules alone are egress: no "nothing allowed" warning.
    expect(built.warnings.join('\n')).not.toMatch(/no domain is allowed/)
  })

  test('every bad rule is reported, each naming where it was written', () => {
    let error: unknown
    try {
      buildPolicy({ 'allow-urls': 'GET https://a.test/x?q\nget https://a.test/y' }, 'flag')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(PolicyError)
    const messages = (error as PolicyError).problems.map((p) => p.message)
    expect(messages).toHaveLength(2)
    expect(messages.every((m) => m.startsWith('flag --allow-urls: '))).toBe(true)
  })

  test('a file entry that is not a string is refused where it is', () => {
    const file = parsePolicyFile({ path: 'p.yml', text: 'allow-urls:\n  - 3\n' })
    expect(file.problems.map((p) => p.message)).toEqual([
      'p.yml: allow-urls[0]: "3" is not a string. Every entry is a string.'
    ])
  })

  test('a blocked host drops its rules; a domain entry covering the host is warned about', () => {
    const built = buildPolicy(
      {
        'allow-urls': 'GET https://gist.github.com/x\nGET https://github.com/o/*',
        'allow-domains': 'github.com',
        'block-domains': 'gist.github.com'
      },
      'input'
    )
    expect(built.policy.allowUrls.map((r) => r.host)).toEqual(['github.com'])
    expect(built.warnings.join('\n')).toMatch(
      /allow-urls rule "GET https:\/\/gist.github.com\/x" is dropped/
    )
    expect(built.warnings.join('\n')).toMatch(
      /allow-domains "github.com" covers github.com, which allow-urls names: requests to github.com itself pass only when a URL rule matches/
    )
  })

  test('too many rules is one clear problem', () => {
    const many = Array.from({ length: 1001 }, (_, i) => `GET https://a.test/${i}`).join('\n')
    expect(() => buildPolicy({ 'allow-urls': many }, 'input')).toThrow(
      /input allow-urls: "1001 rules" is too long a list. At most 1000 rules/
    )
  })
})
