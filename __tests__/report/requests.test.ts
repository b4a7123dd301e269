/** Requests refused by allow-urls: parsed from Squid's log, grouped, and printed under the privacy rules. */
import {
  buildReport,
  parseSquidLog,
  renderSummaryMarkdown,
  renderTextReport,
  type EventScope
} from '../../src/report/index.js'
import { requestLine, shownPath } from '../../src/report/requests.js'

const SCOPE: EventScope = {
  agentIp: '172.31.218.3',
  runId: 'c4d76862',
  bootTimeMs: 1795485000000,
  internalNames: [],
  internalEndpoints: [],
  commandStartMs: 0
}

/** Plain HTTP on the agent port; an intercepted tunnel's requests on the peeking port (3129). */
const SQUID = `1795490636.656 172.31.218.3 TCP_MISS/200 GET allowed.test 80 198.18.0.10 392 - http://allowed.test/public/a - - 3128
1795490636.702 172.31.218.3 TCP_DENIED/403 GET allowed.test 80 - 3584 ERR_ACCESS_DENIED http://allowed.test/private/x - - 3128
1795490636.703 172.31.218.3 TCP_DENIED/403 POST allowed.test 80 - 3584 ERR_ACCESS_DENIED http://allowed.test/private/x - - 3128
1795490637.000 172.31.218.3 TCP_TUNNEL/200 CONNECT git.test 443 127.0.0.1 9000 - git.test:443 - - 3128
1795490637.100 127.0.0.1 TCP_MISS/200 GET git.test 443 198.18.0.10 500 - https://git.test/my-org/r.git/info/refs git.test bump 3129
1795490637.200 127.0.0.1 TCP_DENIED/403 GET git.test 443 - 300 ERR_ACCESS_DENIED https://git.test/other-org/r.git/info/refs git.test bump 3129
1795490637.300 127.0.0.1 TCP_DENIED/403 POST git.test 443 - 300 ERR_ACCESS_DENIED https://git.test/x/4f7a9c2e1b3d5a6f8e9c0b1a2d3e4f5a git.test bump 3129
`

describe('refused requests', () => {
  const events = parseSquidLog(SQUID, SCOPE)

  test('method and path (never the query) of plain and intercepted requests', () => {
    expect(
      events.map((e) => [e.decision, e.target, e.protocol, e.request?.method, e.request?.path])
    ).toEqual([
      ['allowed', 'allowed.test', 'http', 'GET', '/public/a'],
      ['blocked', 'allowed.test', 'http', 'GET', '/private/x'],
      ['blocked', 'allowed.test', 'http', 'POST', '/private/x'],
      ['allowed', 'git.test', 'https', undefined, undefined],
      ['allowed', 'git.test', 'https', 'GET', '/my-org/r.git/info/refs'],
      ['blocked', 'git.test', 'https', 'GET', '/other-org/r.git/info/refs'],
      ['blocked', 'git.test', 'https', 'POST', '/x/4f7a9c2e1b3d5a6f8e9c0b1a2d3e4f5a']
    ])
    expect(events[5]!.reason).toBe('request denied by allow-urls (ERR_ACCESS_DENIED)')
  })

  test('request lines: the query dropped, odd characters encoded, CONNECT and non-URLs none', () => {
    expect(requestLine('GET', 'https://a.test:8443/a/b?token=secret')).toEqual({
      method: 'GET',
      path: '/a/b'
    })
    expect(requestLine('GET', 'http://a.test/a<b>"c|')).toEqual({
      method: 'GET',
      path: '/a%3Cb%3E%22c%7C'
    })
    expect(requestLine('GET', 'http://a.test')).toEqual({ method: 'GET', path: '/' })
    expect(requestLine('CONNECT', 'a.test:443')).toBeUndefined()
    expect(requestLine('get<', 'http://a.test/')).toBeUndefined()
    expect(requestLine('GET', 'error:invalid-request')).toBeUndefined()
  })

  test('paths under report-detail domains: random-looking segments hidden, a few segments', () => {
    expect(shownPath('/my-org/repo.git/info/refs', 'domains')).toEqual({
      path: '/my-org/repo.git/info/refs',
      hidden: false
    })
    expect(shownPath('/x/4f7a9c2e1b3d5a6f8e9c0b1a2d3e4f5a/y', 'domains')).toEqual({
      path: '/x/(hidden)/y',
      hidden: true
    })
    expect(shownPath('/a/b/c/d/e/f/g/h', 'domains')).toEqual({
      path: '/a/b/c/d/e/f/…',
      hidden: true
    })
    expect(shownPath('/x/4f7a9c2e1b3d5a6f8e9c0b1a2d3e4f5a', 'full').path).toBe(
      '/x/4f7a9c2e1b3d5a6f8e9c0b1a2d3e4f5a'
    )
  })

  test('the report: refused requests with the rule that would allow them; no allow-domains line', () => {
    const report = buildReport(events, [], 'domains', undefined, ['allowed.test', 'git.test'])
    expect(report.refused).toEqual([
      {
        host: 'allowed.test',
        port: 80,
        protocol: 'http',
        method: 'GET',
        path: '/private/x',
        count: 1,
        suggestion: 'GET http://allowed.test/private/x'
      },
      {
        host: 'allowed.test',
        port: 80,
        protocol: 'http',
        method: 'POST',
        path: '/private/x',
        count: 1,
        suggestion: 'POST http://allowed.test/private/x'
      },
      {
        host: 'git.test',
        port: 443,
        protocol: 'https',
        method: 'GET',
        path: '/other-org/r.git/info/refs',
        count: 1,
        suggestion: 'GET https://git.test/other-org/r.git/info/refs'
      },
      {
        host: 'git.test',
        port: 443,
        protocol: 'https',
        method: 'POST',
        path: '/x/(hidden)',
        count: 1
      }
    ])
    const git = report.blocked.find((b) => b.target === 'git.test')!
    expect(git.suggestion).toBeUndefined()
    expect(git.advice).toMatch(/allow-urls/)
    const facts = {
      mode: 'enforce' as const,
      exitCode: 0,
      durationMs: 1000,
      checks: [],
      logsDir: '/l'
    }
    const md = renderSummaryMarkdown(report, facts)
    expect(md).toContain('### Requests refused by allow-urls')
    expect(md).not.toContain('4f7a9c2e1b3d5a6f8e9c0b1a2d3e4f5a')
    expect(md).toContain('<code>POST &#47;x&#47;&#40;hidden&#41;</code>')
    expect(renderTextReport(report, facts)).toContain(
      "  REFUSED  git.test  GET /other-org/r.git/info/refs  x1  (to allow: --allow-urls 'GET https://git.test/other-org/r.git/info/refs')"
    )
  })

  test('many refused paths on one host are counted, not listed', () => {
    const many = Array.from(
      { length: 7 },
      (_, i) =>
        `1795490637.${i} 127.0.0.1 TCP_DENIED/403 GET git.test 443 - 300 ERR_ACCESS_DENIED https://git.test/p${i} git.test bump 3129`
    ).join('\n')
    const report = buildReport(parseSquidLog(many, SCOPE), [], 'domains', undefined, ['git.test'])
    expect(report.refused).toEqual([
      { host: 'git.test', port: 443, protocol: 'https', method: '', path: '', count: 7 }
    ])
    expect(
      buildReport(parseSquidLog(many, SCOPE), [], 'full', undefined, ['git.test']).refused
    ).toHaveLength(7)
  })
})
