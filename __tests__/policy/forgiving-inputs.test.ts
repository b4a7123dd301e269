/**
 * Inputs as people coming from harden-runner or GitHub Agentic Workflows write them, risky
 * values that need a confirming `!`, and messages that never show invisible characters raw.
 */
import { buildPolicy, parseDomainEntry, PolicyError, quote } from '../../src/policy/index.js'
import { parseAllowNetwork } from '../../src/policy/special-addresses.js'

function messages(f: () => unknown): string[] {
  try {
    f()
  } catch (e) {
    if (e instanceof PolicyError) return e.problems.map((p) => p.message)
    throw e
  }
  return []
}

const W = 'input allow-domains'

describe('coming from harden-runner', () => {
  test('a space-separated list of host:port entries is understood', () => {
    const { policy } = buildPolicy(
      { 'allow-domains': 'github.com:443 api.github.com:443\n  registry.npmjs.org:443' },
      'input'
    )
    expect(policy.allowDomains.map((r) => [r.name, r.access.map((a) => a.port)])).toEqual([
      ['github.com', [443, 443]],
      ['registry.npmjs.org', [443, 443]]
    ])
  })
})

describe('coming from GitHub Agentic Workflows', () => {
  test.each([
    [1, '@node', ['npm']],
    [2, '@python', ['pypi']],
    [3, '@java', ['maven', 'gradle']],
    [4, '@rust', ['crates']],
    [5, '@linux-distros', ['debian', 'ubuntu']],
    [6, '@github', ['github']]
  ])('%i: %s is read as our presets %j, with a warning when renamed', (_n, entry, presets) => {
    const built = buildPolicy({ 'allow-domains': entry }, 'input')
    expect(built.policy.presets.map((p) => p.name)).toEqual(presets)
    if (entry.slice(1) !== presets[0])
      expect(built.warnings.join('\n')).toMatch(/GitHub Agentic Workflows ecosystem\) is read as @/)
  })

  test.each([
    [
      1,
      '@defaults',
      /"@defaults" is an ecosystem of GitHub Agentic Workflows' network settings that awf-action has no preset for\. List the hosts/
    ],
    [2, '@containers', /no preset for/],
    [3, '@nmp', /"@nmp" is not a known preset\. Did you mean @npm\? Presets: @github, @npm/],
    [4, '@pipy', /Did you mean @pypi\?/],
    [5, '@zzzzzz', /"@zzzzzz" is not a known preset\. Presets: @github/],
    [6, 'node', /"node" is a single-label name\. Did you mean the preset @npm\?/],
    [7, 'npm', /"npm" is a single-label name\. Did you mean the preset @npm\?/],
    [8, 'java', /Did you mean the preset @maven and @gradle\?/],
    [9, 'intranet', /"intranet" is a single-label name\. Give a fully qualified domain/]
  ])('%i: %s is refused with what to write instead', (_n, entry, why) => {
    expect(messages(() => buildPolicy({ 'allow-domains': entry }, 'input'))[0]).toMatch(why)
  })
})

describe('IP literals in allow-domains point to allow-networks only where that works', () => {
  test.each([
    [1, '10.1.2.3', /also add 10\.1\.2\.3 to allow-networks/],
    [2, '192.168.1.10:8080', /also add 192\.168\.1\.10 to allow-networks/],
    [3, '[fd00:1::5]', /also add fd00:1::5 to allow-networks/],
    [4, '198.51.100.7', /it cannot open a public address/],
    [
      5,
      '169.254.169.254',
      /refuses every request to an IP address\. Allow the name the command uses instead\.$/
    ],
    [6, '0x7f.1', /Allow the name the command uses instead/],
    [7, '2001:db8::1', /it cannot open a public address/]
  ])('%i: %s', (_n, entry, why) => {
    const p = parseDomainEntry(entry, W)
    expect(p).toHaveProperty('message', expect.stringMatching(why))
  })
})

describe('risky networks need a confirming !', () => {
  test.each([
    [
      1,
      '169.254.169.254',
      /reaches the cloud metadata service \(169\.254\.169\.254\).*write it as 169\.254\.169\.254! to confirm/
    ],
    [2, '169.254.0.0/16', /reaches the cloud metadata service/],
    [3, '168.63.129.16', /Azure's wire server/],
    [4, 'fd00:ec2::254', /AWS's IPv6 metadata service/],
    [5, 'fd00:ec2::/32', /AWS's IPv6 metadata service/],
    [6, '127.0.0.0/8', /loopback \(127\.0\.0\.0\/8\)/],
    [7, '::1', /loopback \(::1\)/],
    [8, 'fe80::/64', /link-local addresses \(fe80::\/10\)/],
    [9, '172.17.0.0/16', /Docker's default bridge/],
    [10, '172.16.0.0/12', /Docker's default bridge/],
    [11, '10.0.0.0/8!', /ends with "!", which confirms only .* Write it as 10\.0\.0\.0\/8\./]
  ])('%i: %s', (_n, entry, why) => {
    expect(parseAllowNetwork(entry, 'input allow-networks')).toHaveProperty(
      'message',
      expect.stringMatching(why)
    )
  })

  test.each([
    [1, '169.254.169.254!', 'the cloud metadata service (169.254.169.254)'],
    [2, '172.17.0.0/16!', "Docker's default bridge (172.17.0.0/16)"],
    [3, '10.20.0.0/16', undefined]
  ])('%i: %s is accepted, confirmed: %s', (_n, entry, confirmed) => {
    const cidr = parseAllowNetwork(entry, 'input allow-networks')
    expect(cidr).toHaveProperty('address')
    expect((cidr as { confirmed?: string }).confirmed).toBe(confirmed)
  })

  test('a confirmed risky network is warned about', () => {
    const { warnings } = buildPolicy({ 'allow-networks': '172.17.0.0/16!' }, 'input')
    expect(warnings.join('\n')).toMatch(/172\.17\.0\.0\/16 reaches Docker's default bridge/)
  })
})

describe('look-alike names', () => {
  test.each([
    [1, 'pаypal.com', /mixes Latin and Cyrillic letters in "pаypal"/],
    [2, 'xn--pypal-4ve.com', /mixes Latin and Cyrillic/],
    [3, 'gіthub.com', /mixes Latin and Cyrillic/],
    [4, 'example.com!', /ends with "!", which confirms only a look-alike name/]
  ])('%i: %s is refused', (_n, entry, why) => {
    expect(parseDomainEntry(entry, W)).toHaveProperty('message', expect.stringMatching(why))
  })

  test.each([
    [1, 'pаypal.com!', 'xn--pypal-4ve.com'],
    [2, 'bücher.example', 'xn--bcher-kva.example'],
    [3, 'пример.рф', 'xn--e1afmkfd.xn--p1ai'],
    [4, '日本語とカタカナ.jp', 'xn--o9j6ga3fqc3012co4bc84j.jp']
  ])('%i: %s is accepted', (_n, entry, name) => {
    expect(parseDomainEntry(entry, W)).toHaveProperty('name', name)
  })

  test('a block entry needs no confirmation: blocking a look-alike is harmless', () => {
    expect(parseDomainEntry('pаypal.com', 'input block-domains', 'block')).toHaveProperty('name')
  })
})

describe('invisible characters are escaped in every message', () => {
  test.each([
    [1, 'a\u202ecom.evil'],
    [2, 'x\u2066y'],
    [3, 'a\u200bb.com'],
    [4, 'a\u0085b'],
    [5, 'a\u2028b']
  ])('%i: %j', (_n, entry) => {
    const all = [
      ...messages(() => buildPolicy({ 'allow-domains': entry }, 'input')),
      ...messages(() => buildPolicy({}, 'input', { path: `p\u202e.yml`, text: `${entry}: 1\n` })),
      quote(entry)
    ].join('\n')
    expect(all).not.toMatch(/[\u0080-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069]/)
    expect(all).toMatch(/\\u20(2e|66|0b|28)|\\u0085/)
  })
})
