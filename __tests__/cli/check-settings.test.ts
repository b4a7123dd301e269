/**
 * `awf-action check` prints the settings beyond the policy (HOME files, git, address pool,
 * image mirror, upstream proxy, tunnels without SNI), from the file and the flags, and names
 * the upstream proxy's login only by its variable.
 */
import { effectiveSettings, renderCheck } from '../../src/cli/check.js'
import { TEXT_INPUTS, type RunInputs } from '../../src/run/inputs.js'
import { resolveSettings } from '../../src/run/settings.js'

const FILE = {
  path: 'run.yml',
  text:
    'allow-domains: [legacy.corp.test]\nhome-config: [~/.claude/settings.json]\n' +
    'protect-git: false\naddress-pool: 10.99.0.0/16\n' +
    'upstream-proxy: http://10.203.0.30:3129\nupstream-proxy-auth: CORP_LOGIN\n'
}

const settings = resolveSettings(
  {
    ...Object.fromEntries(TEXT_INPUTS.map((n) => [n, ''])),
    tty: false,
    'fail-on-blocked': false,
    'git-integrity': 'warn',
    'tls-without-sni': 'legacy.corp.test'
  } as RunInputs,
  {
    origin: 'flag',
    baseDir: '/w',
    runnerEnv: { CORP_LOGIN: 'awf:s3cret' },
    totalMemory: 8 * 1024 * 1024 * 1024
  },
  FILE
)

describe('check shows the run settings', () => {
  test('as text', () => {
    const text = renderCheck(settings)
    for (const line of [
      'home-config: ~/.claude/settings.json',
      'protect-git: false',
      'git-integrity: warn',
      'address-pool: 10.99.0.0/16',
      'image-registry: -',
      'upstream-proxy: http://10.203.0.30:3129 (login from $CORP_LOGIN)',
      'tls-without-sni: legacy.corp.test',
      '  git-integrity: 0 from the file, from flags: warn'
    ])
      expect(text).toContain(line)
    expect(text).not.toContain('s3cret')
  })

  test('as data', () => {
    const data = effectiveSettings(settings)
    expect(data).toMatchObject({
      homeConfig: ['.claude/settings.json'],
      protectGit: false,
      gitIntegrity: 'warn',
      addressPool: '10.99.0.0/16',
      imageRegistry: null,
      upstreamProxy: { address: '10.203.0.30:3129', loginVariable: 'CORP_LOGIN' },
      tlsWithoutSni: ['legacy.corp.test']
    })
    expect(JSON.stringify(data)).not.toContain('s3cret')
  })
})

describe('check shows docker-daemon', () => {
  const remote = resolveSettings(
    {
      ...Object.fromEntries(TEXT_INPUTS.map((n) => [n, ''])),
      tty: false,
      'fail-on-blocked': false,
      'docker-daemon': 'remote'
    } as RunInputs,
    { origin: 'flag', baseDir: '/w', runnerEnv: {}, totalMemory: 8 * 1024 * 1024 * 1024 }
  )

  test('auto by default, remote (topology-only) when set, in the text and the JSON', () => {
    expect(renderCheck(settings)).toContain('docker-daemon: auto\n')
    expect(renderCheck(remote)).toContain('docker-daemon: remote (topology-only)\n')
    expect(effectiveSettings(remote).dockerDaemon).toBe('remote')
  })
})

describe('check shows allow-urls', () => {
  const withRules = resolveSettings(
    {
      ...Object.fromEntries(TEXT_INPUTS.map((n) => [n, ''])),
      tty: false,
      'fail-on-blocked': false,
      'allow-urls': 'GET,HEAD https://A.test:443/o/*'
    } as RunInputs,
    { origin: 'flag', baseDir: '/w', runnerEnv: {}, totalMemory: 8 * 1024 * 1024 * 1024 }
  )

  test('each rule in its normalised form, as text and as data', () => {
    expect(renderCheck(withRules)).toContain('allow-urls:\n  GET,HEAD https://a.test/o/*\n')
    expect(effectiveSettings(withRules).allowUrls).toEqual(['GET,HEAD https://a.test/o/*'])
    expect(renderCheck(settings)).toContain('allow-urls: -\n')
  })
})
