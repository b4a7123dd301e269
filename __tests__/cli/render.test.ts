/** `awf-action render` through the bundled CLI: files a person can read, or exit 2 and nothing. */
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { scratchDir } from '../helpers/scratch.js'

const CLI = join(import.meta.dirname, '..', '..', 'dist', 'cli.js')

function cli(...args: string[]): { code: number; stdout: string; stderr: string } {
  const r = spawnSync('node', [CLI, ...args], { encoding: 'utf8' })
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr }
}

describe('awf-action render', () => {
  test('writes every rendered file and prints their paths', () => {
    const out = join(scratchDir('awf-render-'), 'd')
    const r = cli(
      'render',
      '--allow-domains',
      'github.com',
      '--dns-servers',
      '198.18.0.53',
      '--out',
      out
    )
    expect(r.code).toBe(0)
    const files = readdirSync(out).sort()
    expect(files).toEqual([
      'container-rules.v4',
      'container-rules.v6',
      'dnsmasq.conf',
      'host-rules.v4',
      'host-rules.v6',
      'seccomp.json',
      'squid.conf'
    ])
    expect(r.stdout.trim().split('\n').sort()).toEqual(files.map((f) => join(out, f)))
    expect(readFileSync(join(out, 'squid.conf'), 'utf8')).toContain(
      'acl allow_0 dstdomain -n .github.com'
    )
  })

  test('invalid input: exit 2, every error on stderr naming the flag, nothing written', () => {
    const out = join(scratchDir('awf-render-'), 'd')
    const r = cli(
      'render',
      '--allow-domains',
      'com,a.com/x',
      '--dns-servers',
      '127.0.0.1',
      '--out',
      out
    )
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/flag --allow-domains: "com"/)
    expect(r.stderr).toMatch(/flag --allow-domains: "a\.com\/x" contains a path/)
    expect(r.stderr).toMatch(/flag --dns-servers: "127\.0\.0\.1" is a loopback address/)
    expect(existsSync(out)).toBe(false)
  })

  test('a policy file that does not exist is named in the error', () => {
    const r = cli('render', '--policy', 'no-such.yml', '--out', 'x')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/flag --policy: cannot read the policy file "no-such\.yml" \(ENOENT\)/)
  })

  test('usage errors exit 2 with the usage text', () => {
    const r = cli('render', '--allow-domain', 'x')
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/unknown flag "--allow-domain"/)
    expect(r.stderr).toMatch(/Usage:/)
  })
})
