/**
 * The bundled CLI's `check`, help, `version`, and I/O errors that name their flag: none of
 * them needs root or Docker, and `check` writes nothing.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { scratchDir } from '../helpers/scratch.js'

const ROOT = join(import.meta.dirname, '..', '..')
const CLI = join(ROOT, 'dist', 'cli.js')

function cli(cwd: string, ...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('node', [CLI, ...args], { encoding: 'utf8', cwd })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

describe('awf-action check', () => {
  const dir = scratchDir('awf-check-')
  writeFileSync(
    join(dir, 'p.yml'),
    'allow-domains: ["@npm", a.example.com]\nfail-on-blocked: true\nmemory-limit: 1g\n'
  )

  test('prints the effective policy: presets expanded, the file’s entries and the flags’', () => {
    const r = cli(
      dir,
      'check',
      '--policy',
      'p.yml',
      '--allow-domains',
      'b.example.com',
      '--env',
      'TOKEN=secret-x'
    )
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('policy file: ')
    expect(r.stdout).toContain('  allow-domains: 2 from the file, from flags: b.example.com')
    expect(r.stdout).toContain('(preset @npm = registry.npmjs.org registry.yarnpkg.com)')
    expect(r.stdout).toMatch(/^ {2}b\.example\.com {2}http:80 https:443$/m)
    expect(r.stdout).toContain('fail-on-blocked: true')
    expect(r.stdout).toContain('memory-limit: 1024m')
    expect(r.stdout + r.stderr).not.toContain('secret-x')
    expect(readdirSync(dir)).toEqual(['p.yml'])
  })

  test('--json gives the same as data', () => {
    const r = cli(dir, 'check', '--policy', 'p.yml', '--json')
    const doc = JSON.parse(r.stdout) as {
      allowDomains: { domain: string }[]
      presets: { name: string }[]
      sources: { file: string; keys: { key: string }[] }
      failOnBlocked: boolean
    }
    expect(doc.allowDomains.map((d) => d.domain)).toEqual([
      'a.example.com',
      'registry.npmjs.org',
      'registry.yarnpkg.com'
    ])
    expect(doc.presets.map((p) => p.name)).toEqual(['npm'])
    expect(doc.sources.file).toMatch(/p\.yml$/)
    expect(doc.failOnBlocked).toBe(true)
  })

  test('a refused value exits 2, naming where it was written', () => {
    const r = cli(dir, 'check', '--allow-domains', 'node')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'flag --allow-domains: "node" is a single-label name. Did you mean the preset @npm?'
    )
  })
})

describe('help, version and I/O errors', () => {
  const dir = scratchDir('awf-cli-')

  test('each command has its own help', () => {
    const r = cli(dir, 'render', '--help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Usage: awf-action render \[flags\] --out DIR/)
    expect(cli(dir, 'help', 'check').stdout).toMatch(/^Usage: awf-action check/)
  })

  test('a misspelt flag gets a did-you-mean and the command’s help', () => {
    const r = cli(dir, 'check', '--alow-domains', 'a.com')
    expect(r.code).toBe(2)
    expect(r.stderr).toContain(
      'unknown flag "--alow-domains" for check: did you mean --allow-domains?'
    )
    expect(r.stderr).toContain('Usage: awf-action check')
  })

  test('a folder that cannot be written is refused naming the flag', () => {
    writeFileSync(join(dir, 'a-file'), '')
    const r = cli(
      dir,
      'render',
      '--allow-domains',
      'a.com',
      '--dns-servers',
      '198.18.0.53',
      '--out',
      'a-file/sub'
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/flag --out: "a-file\/sub" cannot be written \(ENOTDIR\)/)
  })

  test('version names this release and its images', () => {
    const r = cli(dir, 'version')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^awf-action \d+\.\d+\.\d+\nproxy image: awf-proxy:[0-9a-f]{12} .*\nagent image: awf-agent:[0-9a-f]{12} /
    )
  })

  test('npx runs the bin entry from a checkout', () => {
    const r = spawnSync('npx', ['--no-install', 'awf-action', 'help'], {
      cwd: ROOT,
      encoding: 'utf8'
    })
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^Usage:\n {2}awf-action run/)
  })
})
