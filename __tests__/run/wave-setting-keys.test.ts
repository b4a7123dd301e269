/**
 * home-config, address-pool, image-registry, upstream-proxy, upstream-proxy-auth,
 * tls-without-sni, protect-git and git-integrity as policy-file keys: the file's value applies,
 * an input replaces (single values) or extends (lists) it, every refusal names where the value
 * was written, and a locked file lets an input only narrow or add what cannot widen.
 */
import { InputError } from '../../src/common/errors.js'
import { TEXT_INPUTS, type RunInputs } from '../../src/run/inputs.js'
import { resolveSettings, type RunSettings } from '../../src/run/settings.js'

const ctx = {
  origin: 'input' as const,
  baseDir: '/w',
  runnerEnv: { CORP_LOGIN: 'awf:s3cret', OTHER_LOGIN: 'u:p' },
  totalMemory: 8 * 1024 * 1024 * 1024
}

function inputs(given: Partial<Record<string, string>> = {}): RunInputs {
  return {
    ...Object.fromEntries(TEXT_INPUTS.map((n) => [n, ''])),
    tty: false,
    'fail-on-blocked': false,
    ...given
  } as RunInputs
}

const BASE = 'allow-domains: [a.example.com, legacy.corp.test]\n'

function settings(text: string, given: Partial<Record<string, string>> = {}): RunSettings {
  return resolveSettings(inputs(given), ctx, { path: 'org.yml', text: BASE + text })
}

function refused(text: string, given: Partial<Record<string, string>> = {}): string {
  try {
    settings(text, given)
  } catch (e) {
    if (e instanceof InputError) return e.message
    throw e
  }
  throw new Error('accepted')
}

/** The part of RunSettings each key sets, in a form a table can compare. */
const read: Record<string, (s: RunSettings) => unknown> = {
  'home-config': (s) => s.homeConfig,
  'address-pool': (s) => (s.addressPool ? `${s.addressPool.base}/${s.addressPool.prefix}` : null),
  'image-registry': (s) => s.imageRegistry ?? null,
  'upstream-proxy': (s) => s.proxy.upstream ?? null,
  'tls-without-sni': (s) => s.proxy.noSniHosts.map((r) => r.name),
  'protect-git': (s) => s.protectGit,
  'git-integrity': (s) => s.gitIntegrity
}

describe('the file gives the value, an input replaces or extends it', () => {
  test.each([
    [1, 'home-config', 'home-config: [~/.claude/settings.json]\n', {}, ['.claude/settings.json']],
    [
      2,
      'home-config',
      'home-config: [~/.claude/settings.json]\n',
      { 'home-config': '.config/tool/settings.yml\n~/.claude/settings.json' },
      ['.claude/settings.json', '.config/tool/settings.yml']
    ],
    [3, 'address-pool', 'address-pool: 10.99.0.0/16\n', {}, `${(10 << 24) | (99 << 16)}/16`],
    [
      4,
      'address-pool',
      'address-pool: 10.99.0.0/16\n',
      { 'address-pool': '10.98.0.0/16' },
      `${(10 << 24) | (98 << 16)}/16`
    ],
    [5, 'image-registry', 'image-registry: 127.0.0.1:5000/awf/\n', {}, '127.0.0.1:5000/awf'],
    [
      6,
      'image-registry',
      'image-registry: 127.0.0.1:5000/awf\n',
      { 'image-registry': '127.0.0.1:5001/mirror' },
      '127.0.0.1:5001/mirror'
    ],
    [
      7,
      'upstream-proxy',
      'upstream-proxy: http://10.203.0.30:3129\nupstream-proxy-auth: CORP_LOGIN\n',
      {},
      { host: '10.203.0.30', port: 3129, loginVariable: 'CORP_LOGIN' }
    ],
    [
      8,
      'upstream-proxy',
      'upstream-proxy: http://10.203.0.30:3129\nupstream-proxy-auth: CORP_LOGIN\n',
      { 'upstream-proxy-auth': 'OTHER_LOGIN' },
      { host: '10.203.0.30', port: 3129, loginVariable: 'OTHER_LOGIN' }
    ],
    [
      9,
      'upstream-proxy',
      'upstream-proxy-auth: CORP_LOGIN\n',
      { 'upstream-proxy': 'http://proxy.corp.test:8080' },
      { host: 'proxy.corp.test', port: 8080, loginVariable: 'CORP_LOGIN' }
    ],
    [10, 'tls-without-sni', 'tls-without-sni: [legacy.corp.test]\n', {}, ['legacy.corp.test']],
    [
      11,
      'tls-without-sni',
      'tls-without-sni: legacy.corp.test\n',
      { 'tls-without-sni': 'a.example.com' },
      ['legacy.corp.test', 'a.example.com']
    ],
    [12, 'protect-git', 'protect-git: false\n', {}, false],
    [13, 'protect-git', 'protect-git: false\n', { 'protect-git': 'true' }, true],
    [14, 'protect-git', '', {}, true],
    [15, 'git-integrity', 'git-integrity: warn\n', {}, 'warn'],
    [16, 'git-integrity', 'git-integrity: warn\n', { 'git-integrity': 'fail' }, 'fail'],
    [17, 'git-integrity', '', {}, 'fail'],
    [18, 'address-pool', '', {}, null],
    [19, 'image-registry', '', {}, null]
  ])('%i: %s', (_n, key, text, given, expected) => {
    expect(read[key]!(settings(text, given))).toEqual(expected)
  })

  test('the summary and check say which value came from the file and which from an input', () => {
    const s = settings('home-config: [~/.a]\nprotect-git: false\n', {
      'home-config': '~/.b',
      'git-integrity': 'warn'
    })
    expect(s.provenance.keys.filter((k) => k.key !== 'allow-domains')).toEqual([
      { key: 'home-config', fromFile: ['~/.a'], fromInput: ['~/.b'] },
      { key: 'protect-git', fromFile: ['false'], fromInput: [] },
      { key: 'git-integrity', fromFile: [], fromInput: ['warn'] }
    ])
  })
})

describe('a bad value is refused where it was written', () => {
  test.each([
    [
      1,
      'home-config: [~/.ssh/id_rsa]\n',
      {},
      /^org\.yml: home-config\[0\]: "~\/\.ssh\/id_rsa" would show ~\/\.ssh/m
    ],
    [
      2,
      'address-pool: 10.99.1.0/16\n',
      {},
      /^org\.yml: address-pool: "10\.99\.1\.0\/16" has host bits set/m
    ],
    [
      3,
      'image-registry: https://x/y\n',
      {},
      /^org\.yml: image-registry: "https:\/\/x\/y" is not a registry path/m
    ],
    [
      4,
      'upstream-proxy: proxy.test:8080\n',
      {},
      /^org\.yml: upstream-proxy: "proxy\.test:8080" is not a proxy address/m
    ],
    [
      5,
      'upstream-proxy-auth: CORP_LOGIN\n',
      {},
      /^org\.yml: upstream-proxy-auth: "CORP_LOGIN" is given without upstream-proxy/m
    ],
    [
      6,
      'tls-without-sni: [elsewhere.test]\n',
      {},
      /^org\.yml: tls-without-sni\[0\]: "elsewhere\.test" is not an allowed name/m
    ],
    [7, 'protect-git: maybe\n', {}, /^org\.yml: protect-git: "maybe" is not true or false/m],
    [
      8,
      'git-integrity: ignore\n',
      {},
      /^org\.yml: git-integrity: "ignore" is not a git-integrity setting/m
    ],
    [
      9,
      'git-integrity: warn\n',
      { 'git-integrity': 'loud' },
      /^input git-integrity: "loud" is not a git-integrity setting/m
    ],
    [
      10,
      'upstream-proxy: [http://a.test:1]\n',
      {},
      /^org\.yml: upstream-proxy: .* is not a single value/m
    ]
  ])('%i', (_n, text, given, why) => {
    expect(refused(text, given)).toMatch(why)
  })

  test.each([
    ['upstream-proxy-auth: "awf:s3cret"\n', {}],
    ['upstream-proxy: http://10.203.0.30:3129\n', { 'upstream-proxy-auth': 'awf:s3cret' }]
  ])('a login written where the variable name belongs is never shown (%#)', (text, given) => {
    const message = refused(text, given)
    expect(message).toMatch(/upstream-proxy-auth: 10 characters is not the name of a/)
    expect(message).not.toContain('s3cret')
  })
})

describe('lock: true', () => {
  const LOCKED = 'lock: true\n'

  test.each([
    [1, 'home-config: [~/.a]\n', { 'home-config': '~/.b' }, 'home-config', ['.a', '.b']],
    [2, 'protect-git: false\n', { 'protect-git': 'true' }, 'protect-git', true],
    [3, '', { 'protect-git': 'true' }, 'protect-git', true],
    [4, 'git-integrity: warn\n', { 'git-integrity': 'fail' }, 'git-integrity', 'fail'],
    [5, '', { 'address-pool': '10.99.0.0/16' }, 'address-pool', `${(10 << 24) | (99 << 16)}/16`],
    [6, '', { 'image-registry': '127.0.0.1:5000/awf' }, 'image-registry', '127.0.0.1:5000/awf'],
    [
      7,
      'upstream-proxy: http://10.203.0.30:3129\n',
      { 'upstream-proxy-auth': 'CORP_LOGIN' },
      'upstream-proxy',
      { host: '10.203.0.30', port: 3129, loginVariable: 'CORP_LOGIN' }
    ],
    [
      8,
      'upstream-proxy: http://10.203.0.30:3129\n',
      { 'upstream-proxy': 'http://10.203.0.30:3129' },
      'upstream-proxy',
      { host: '10.203.0.30', port: 3129 }
    ],
    [
      9,
      'address-pool: 10.99.0.0/16\n',
      { 'address-pool': '10.99.0.0/16' },
      'address-pool',
      `${(10 << 24) | (99 << 16)}/16`
    ]
  ])(
    '%i: an input that narrows, adds or repeats the file is accepted',
    (_n, text, given, key, expected) => {
      expect(read[key]!(settings(LOCKED + text, given))).toEqual(expected)
    }
  )

  test.each([
    [
      1,
      '',
      { 'tls-without-sni': 'legacy.corp.test' },
      /^input tls-without-sni: "legacy\.corp\.test" is refused: the policy file is locked and a tunnel without a server name reaches whatever its address serves by default\. org\.yml has lock: true/m
    ],
    [
      2,
      'tls-without-sni: [a.example.com]\n',
      { 'tls-without-sni': 'legacy.corp.test' },
      /^input tls-without-sni: .* is refused: the policy file is locked/m
    ],
    [
      3,
      '',
      { 'upstream-proxy': 'http://10.203.0.31:3128' },
      /^input upstream-proxy: "http:\/\/10\.203\.0\.31:3128" is refused: the policy file is locked and an upstream proxy the file does not name would carry every allowed request/m
    ],
    [
      4,
      'upstream-proxy: http://10.203.0.30:3129\n',
      { 'upstream-proxy': 'http://10.203.0.31:3128' },
      /^input upstream-proxy: .* is refused: the policy file is locked and an upstream proxy the file does not name/m
    ],
    [
      5,
      '',
      { 'protect-git': 'false' },
      /^input protect-git: "false" is refused: the policy file is locked and false would let the command change \.git\/config, hooks and info for later steps\. org\.yml has lock: true\. Change the policy file, or give only block-domains \(or protect-git: true\)\./m
    ],
    [
      6,
      '',
      { 'git-integrity': 'warn' },
      /^input git-integrity: "warn" is refused: the policy file is locked and warn would let .* \(or git-integrity: fail\)/m
    ],
    [
      7,
      'address-pool: 10.99.0.0/16\n',
      { 'address-pool': '10.98.0.0/16' },
      /^input address-pool: "10\.98\.0\.0\/16" is refused: the policy file is locked and sets it/m
    ],
    [
      8,
      'image-registry: 127.0.0.1:5000/awf\n',
      { 'image-registry': '127.0.0.1:5001/other' },
      /^input image-registry: .* is refused: the policy file is locked and sets it/m
    ],
    [
      9,
      'upstream-proxy: http://10.203.0.30:3129\nupstream-proxy-auth: CORP_LOGIN\n',
      { 'upstream-proxy-auth': 'OTHER_LOGIN' },
      /^input upstream-proxy-auth: "OTHER_LOGIN" is refused: the policy file is locked and sets it/m
    ],
    [
      10,
      '',
      { 'base-image': 'evil.test/debian:latest' },
      /^input base-image: "evil\.test\/debian:latest" is refused: the policy file is locked and the proxy that enforces the policy would be built on it/m
    ]
  ])('%i: an input that would widen or move the firewall is refused', (_n, text, given, why) => {
    expect(refused(LOCKED + text, given)).toMatch(why)
  })
})
