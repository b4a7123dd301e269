import { load } from 'js-yaml'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs, UsageError } from '../../src/cli/args.js'
import { runInputsFrom } from '../../src/cli/main.js'
import { BOOLEAN_INPUTS } from '../../src/run/inputs.js'

describe('command-line arguments', () => {
  test.each([
    [
      1,
      ['render', '--allow-domains', 'github.com', '--out', 'd'],
      { 'allow-domains': 'github.com', out: 'd' }
    ],
    [
      2,
      ['render', '--allow-domains=a.com', '--allow-domains', 'b.com', '--out=d'],
      { 'allow-domains': 'a.com\nb.com', out: 'd' }
    ],
    [3, ['run', '--policy', 'p.yml', '--', 'curl', '-s', '--x'], { policy: 'p.yml' }]
  ])('%i: parses %j', (_n, argv, values) => {
    expect(parseArgs(argv).values).toEqual(values)
  })

  test('run keeps the command argv after -- untouched', () => {
    expect(parseArgs(['run', '--', 'sh', '-c', 'exit 3']).argv).toEqual(['sh', '-c', 'exit 3'])
  })

  test.each([
    [1, ['deploy'], /unknown command "deploy"/],
    [2, ['render', '--allow-domain', 'x', '--out', 'd'], /unknown flag "--allow-domain"/],
    [3, ['render', '--allow-domains'], /needs a value/],
    [4, ['render', '--allow-domains', 'x'], /needs --out/],
    [5, ['run', '--allow-domains', 'x'], /needs a command after --/],
    [6, ['run', '--policy', 'a', '--policy', 'b', '--', 'true'], /given twice/]
  ])('%i: refuses %j', (_n, argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError)
    expect(() => parseArgs(argv)).toThrow(message)
  })

  test('agent flags: --env repeats, --tty is a switch, limits and user are values', () => {
    const args = parseArgs([
      'run',
      '--env',
      'A',
      '--env=B=x,y',
      '--tty',
      '--agent-timeout',
      '30',
      '--memory-limit',
      '2g',
      '--pids-limit',
      '500',
      '--user',
      '1001:121',
      '--allow-host-ports',
      '3000',
      '--',
      'true'
    ])
    expect(args.values).toEqual({
      env: 'A\nB=x,y',
      'agent-timeout': '30',
      'memory-limit': '2g',
      'pids-limit': '500',
      user: '1001:121',
      'allow-host-ports': '3000'
    })
    expect(args.switches).toEqual({ tty: true })
  })

  test('help and version', () => {
    expect(parseArgs([]).command).toBe('help')
    expect(parseArgs(['--version']).command).toBe('version')
  })
})

describe('node:util parsing, help per command, did-you-mean', () => {
  test.each([
    [
      1,
      ['render', '--allow-domain', 'x', '--out', 'd'],
      /unknown flag "--allow-domain" for render: did you mean --allow-domains\?/
    ],
    [2, ['run', '--fail-on-block', '--', 'true'], /did you mean --fail-on-blocked\?/],
    [3, ['check', '--out', 'd'], /unknown flag "--out" for check$/],
    [4, ['rnu'], /unknown command "rnu": did you mean run\?/],
    [5, ['presets', '--json'], /presets takes no flags \(got "--json"\)/],
    [6, ['run', 'curl', 'x'], /unexpected argument "curl" \(the command goes after --\)/],
    [7, ['check', '--json=yes'], /flag --json takes no value/],
    [8, ['help', 'deploy'], /help: unknown command "deploy"/]
  ])('%i: refuses %j', (_n, argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
  })

  test('a refusal carries the help of its command', () => {
    try {
      parseArgs(['render', '--allow-domain', 'x'])
    } catch (e) {
      expect((e as UsageError).help).toMatch(/^Usage: awf-action render/)
    }
  })

  test.each([
    [1, ['render', '--help'], 'render'],
    [2, ['run', '-h', '--allow-domains', 'x'], 'run'],
    [3, ['help', 'check'], 'check'],
    [4, ['help'], undefined]
  ])('%i: %j asks for the help of %s', (_n, argv, topic) => {
    expect(parseArgs(argv)).toMatchObject({ command: 'help', topic })
  })

  test('check takes the policy flags, --json and nothing to run', () => {
    expect(parseArgs(['check', '--policy', 'p.yml', '--allow-domains', 'a.com', '--json'])).toEqual(
      {
        command: 'check',
        values: { policy: 'p.yml', 'allow-domains': 'a.com' },
        switches: { json: true },
        argv: []
      }
    )
  })

  test('--allow-urls repeats, one rule a flag, joined a rule a line', () => {
    const args = parseArgs([
      'check',
      '--allow-urls',
      'GET,HEAD https://a.test/o/*',
      '--allow-urls',
      'POST https://a.test/o/x'
    ])
    expect(args.values['allow-urls']).toBe('GET,HEAD https://a.test/o/*\nPOST https://a.test/o/x')
  })

  test('run takes --json; the command after -- keeps its own flags', () => {
    const args = parseArgs(['run', '--json', '--', 'curl', '--json', '-h'])
    expect(args.switches).toEqual({ json: true })
    expect(args.argv).toEqual(['curl', '--json', '-h'])
  })
})

describe('parity with the action', () => {
  const inputs = Object.keys(
    (
      load(readFileSync(join(import.meta.dirname, '..', '..', 'action.yml'), 'utf8')) as {
        inputs: Record<string, unknown>
      }
    ).inputs
  ).filter((name) => name !== 'run' && !(BOOLEAN_INPUTS as readonly string[]).includes(name))

  test.each(inputs)('input %s is a flag of the same name', (name) => {
    const r = runInputsFrom(parseArgs(['run', `--${name}=x`, '--', 'true']))
    expect(r).toHaveProperty(name)
  })

  test("the switches of the action's boolean inputs", () => {
    const r = runInputsFrom(parseArgs(['run', '--fail-on-blocked', '--tty', '--', 'true']))
    expect(r['fail-on-blocked']).toBe(true)
    expect(r.tty).toBe(true)
  })

  test('no shipped bundle reads a test-only switch', () => {
    for (const bundle of ['main.js', 'post.js', 'cli.js'])
      expect(
        readFileSync(join(import.meta.dirname, '..', '..', 'dist', bundle), 'utf8')
      ).not.toContain('AWF_TEST_')
  })
})
