import { parseDomainEntry, parseList } from '../../src/policy/index.js'
import type { DomainRule } from '../../src/policy/types.js'

const W = 'input allow-domains'
const label = (n: number): string => 'a'.repeat(n)

type Accepted = [number, string, string, boolean, string]
type Refused = [number, string, RegExp]

/** Accepted: entry -> normalised name, includeApex, access. */
const ACCEPTED: Accepted[] = [
  [1, 'github.com', 'github.com', true, 'http:80 https:443'],
  [2, '*.github.com', 'github.com', false, 'http:80 https:443'],
  [3, 'user.github.io', 'user.github.io', true, 'http:80 https:443'],
  [4, 'ALLOWED.TEST.', 'allowed.test', true, 'http:80 https:443'],
  [5, 'allowed.test', 'allowed.test', true, 'http:80 https:443'],
  [6, 'a.b.test', 'a.b.test', true, 'http:80 https:443'],
  [7, 'corp.internal', 'corp.internal', true, 'http:80 https:443'],
  [8, 'bücher.example', 'xn--bcher-kva.example', true, 'http:80 https:443'],
  [9, 'http://plain.test', 'plain.test', true, 'http:80'],
  [10, 'https://api.test', 'api.test', true, 'https:443'],
  [11, 'https://a.com:8443', 'a.com', true, 'https:8443'],
  [12, 'http://a.com:8080', 'a.com', true, 'http:8080'],
  [13, 'a.com:8443', 'a.com', true, 'http:8443 https:8443'],
  [14, 'a.com:1', 'a.com', true, 'http:1 https:1'],
  [15, 'a.com:65535', 'a.com', true, 'http:65535 https:65535'],
  [16, `${label(63)}.com`, `${label(63)}.com`, true, 'http:80 https:443'],
  [17, '  spaced.com  ', 'spaced.com', true, 'http:80 https:443'],
  [18, 'HTTPS://Mixed.Example.COM', 'mixed.example.com', true, 'https:443'],
  [19, '*.co.uk.example.com', 'co.uk.example.com', false, 'http:80 https:443'],
  [20, 'xn--bcher-kva.example', 'xn--bcher-kva.example', true, 'http:80 https:443'],
  [21, 'a-b.c-d.com', 'a-b.c-d.com', true, 'http:80 https:443'],
  [22, '1password.com', '1password.com', true, 'http:80 https:443'],
  [23, 'example.co.uk', 'example.co.uk', true, 'http:80 https:443'],
  [24, '*.example.co.uk', 'example.co.uk', false, 'http:80 https:443'],
  [25, 'raw.githubusercontent.com', 'raw.githubusercontent.com', true, 'http:80 https:443']
]

const REFUSED: Refused[] = [
  [1, 'com', /public suffix "com"/],
  [2, '*.com', /public suffix "com"/],
  [3, 'co.uk', /public suffix "co.uk"/],
  [4, '*.co.uk', /public suffix "co.uk"/],
  [5, 'github.io', /public suffix "github.io"/],
  [6, '*.github.io', /public suffix "github.io"/],
  [7, '*.githubusercontent.com', /public suffix.*list the hosts you need/],
  [8, 'github.com\nhttp_access allow all', /whitespace or a control character/],
  [9, '"a.com"', /character "\\""/],
  [10, 'a.com\\', /character "\\\\"/],
  [11, 'a.com #x', /"#"|whitespace/],
  [12, 'a.com#x', /"#"/],
  [13, '*', /"\*" other than/],
  [14, '*.*', /"\*" other than/],
  [15, 'a*.com', /"\*" other than/],
  [16, '*a.com', /"\*" other than/],
  [17, 'a.*.com', /"\*" other than/],
  [18, '**.a.com', /"\*" other than/],
  [19, '1.2.3.4', /IP address/],
  [20, '0x7f.1', /IP address/],
  [21, '127.1', /IP address/],
  [22, '2130706433', /IP address|single-label/],
  [23, '0177.0.0.1', /IP address/],
  [24, '[::1]', /IP address/],
  [25, '::1', /IP address/],
  [26, 'http://[::1]:80', /IP address/],
  [27, 'localhost', /names this machine|single-label/],
  [28, 'api.localhost', /names this machine/],
  [29, 'intranet', /single-label/],
  [30, 'a..com', /empty label/],
  [31, '.a.com', /empty label/],
  [32, '-a.com', /invalid label "-a"/],
  [33, 'a-.com', /invalid label "a-"/],
  [34, `${label(64)}.com`, /invalid label/],
  [35, `${Array.from({ length: 51 }, () => 'abcd').join('.')}.com`, /longer than 253/],
  [36, 'a.com:0', /invalid port "0"/],
  [37, 'a.com:99999', /invalid port "99999"/],
  [38, 'a.com:08', /invalid port "08"/],
  [39, 'a.com:', /invalid port ""/],
  [40, 'a.com:http', /invalid port "http"/],
  [41, 'a.com/path', /a path/],
  [42, 'https://a.com/', /a path/],
  [43, 'a.com?x=1', /a query/],
  [44, 'user@a.com', /user information/],
  [45, 'ftp://a.com', /scheme "ftp"/],
  [46, 'a.com\0', /control character/],
  [47, 'a\tb.com', /whitespace/],
  [48, 'a_b.com', /character "_"/],
  [49, 'a;b.com', /character ";"/],
  [50, "a'b.com", /character "'"/],
  [51, 'a%2e.com', /character "%"/],
  [52, '', /is empty/],
  [53, 'x'.repeat(1001), /longer than 1000/],
  [54, 'a.b.c.123', /IP address/],
  [55, 'a.com,b.com', /character ","/],
  [56, 'evil.com\rx.com', /whitespace or a control/]
]

describe('domain entries: accepted', () => {
  test.each(ACCEPTED)('%i: %j', (_n, entry, name, includeApex, access) => {
    const r = parseDomainEntry(entry, W) as DomainRule
    expect('message' in r ? r.message : '').toBe('')
    expect(r.name).toBe(name)
    expect(r.includeApex).toBe(includeApex)
    expect(r.access.map((a) => `${a.protocol}:${a.port}`).join(' ')).toBe(access)
  })
})

describe('domain entries: refused', () => {
  test.each(REFUSED)('%i: %j', (_n, entry, why) => {
    const r = parseDomainEntry(entry, W)
    expect('message' in r).toBe(true)
    const message = (r as { message: string }).message
    expect(message).toMatch(why)
    expect(message.startsWith(`${W}: `)).toBe(true)
    expect(message).not.toContain('\n')
  })
})

describe('block entries', () => {
  test('take wildcards but no scheme or port', () => {
    expect(
      (parseDomainEntry('*.evil.com', 'input block-domains', 'block') as DomainRule).access
    ).toEqual([])
    expect(parseDomainEntry('https://evil.com', 'input block-domains', 'block')).toHaveProperty(
      'message',
      expect.stringMatching(/a block covers every protocol/i)
    )
    expect(parseDomainEntry('evil.com:443', 'input block-domains', 'block')).toHaveProperty(
      'message',
      expect.stringMatching(/has a port/)
    )
  })
})

describe('lists', () => {
  test.each([
    [1, 'a.com\nb.com', ['a.com', 'b.com']],
    [2, 'a.com, b.com,,c.com', ['a.com', 'b.com', 'c.com']],
    [3, '# comment\na.com # why\n\n  b.com', ['a.com', 'b.com']],
    [4, 'a.com#x', ['a.com#x']],
    [5, 'github.com\nhttp_access allow all', ['github.com', 'http_access', 'allow', 'all']],
    [6, 'a.com\r\nb.com', ['a.com', 'b.com']],
    [
      7,
      'github.com:443 api.github.com:443\tx.com',
      ['github.com:443', 'api.github.com:443', 'x.com']
    ]
  ])('%i: %j', (_n, text, items) => {
    expect(parseList(text)).toEqual(items)
  })

  test('an injected second line is refused word by word', () => {
    const [, ...injected] = parseList('github.com\nhttp_access allow all')
    for (const word of injected) expect(parseDomainEntry(word, W)).toHaveProperty('message')
  })
})
