/**
 * Every rendered file is also fed to the program that consumes it: squid -k parse,
 * dnsmasq --test, iptables-restore/ip6tables-restore --test (in a throwaway network
 * namespace, never the host's ruleset), and libseccomp's resolver for every syscall name.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { renderAll, seccompSyscallNames } from '../../src/render/index.js'
import { withLocalKeyMaterial } from '../helpers/proxy-tls.js'
import { describeWith } from '../helpers/require-tool.js'
import { input, manyDomains, POLICIES, UPSTREAM_INPUT } from './fixtures.js'

const dir = mkdtempSync(join(tmpdir(), 'awf-consumers-'))

function write(name: string, text: string): string {
  const file = join(dir, name)
  writeFileSync(file, text)
  return file
}

/** Squid's complaints about a config, minus the one our `via off` asks for on purpose. */
function squidParseProblems(file: string): string[] {
  writeFileSync(file, withLocalKeyMaterial(readFileSync(file, 'utf8')))
  const r = spawnSync('squid', ['-k', 'parse', '-f', file], {
    encoding: 'utf8',
    maxBuffer: 64 << 20 // it echoes every line
  })
  const lines = `${r.stdout}${r.stderr}`.split('\n')
  const bad = lines.filter(
    (l) => /FATAL|ERROR|WARNING|Bungled/i.test(l) && !/HTTP requires the use of Via/.test(l)
  )
  return r.status === 0 ? bad : [`exit ${r.status}`, ...bad]
}

function restoreTest(tool: string, file: string, needsDockerUser: boolean): string {
  const setup = needsDockerUser ? 'iptables -N DOCKER-USER && ' : ''
  const r = spawnSync(
    'unshare',
    ['-n', 'bash', '-c', `${setup}${tool} --test --noflush < "$0"`, file],
    { encoding: 'utf8' }
  )
  return r.status === 0 ? '' : `${tool} --test failed: ${r.stderr}`
}

const policies = { ...POLICIES, large: manyDomains(5000) }

describeWith(
  {
    root: true,
    tools: ['squid', 'openssl', 'dnsmasq', 'iptables-restore', 'ip6tables-restore', 'unshare']
  },
  'rendered files are accepted by their consumers',
  () => {
    test('behind a corporate proxy: squid -k parse and iptables-restore --test accept both', () => {
      const rendered = renderAll(UPSTREAM_INPUT)
      expect(squidParseProblems(write('upstream.squid.conf', rendered['squid.conf']))).toEqual([])
      expect(
        restoreTest('iptables-restore', write('upstream.h4', rendered['host-rules.v4']), true)
      ).toBe('')
    })

    describe.each(Object.entries(policies))('%s policy', (name, policy) => {
      const rendered = renderAll(input(policy))

      test('squid -k parse accepts squid.conf without warnings', () => {
        expect(squidParseProblems(write(`${name}.squid.conf`, rendered['squid.conf']))).toEqual([])
      })

      test('dnsmasq --test accepts dnsmasq.conf', () => {
        const out = execFileSync(
          'dnsmasq',
          ['--test', '-C', write(`${name}.dnsmasq.conf`, rendered['dnsmasq.conf'])],
          { encoding: 'utf8', stdio: 'pipe' }
        )
        expect(out).toBe('')
      })

      test('iptables-restore --test and ip6tables-restore --test accept both plans', () => {
        expect(
          restoreTest('iptables-restore', write(`${name}.h4`, rendered['host-rules.v4']), true)
        ).toBe('')
        expect(
          restoreTest('ip6tables-restore', write(`${name}.h6`, rendered['host-rules.v6']), false)
        ).toBe('')
        expect(
          restoreTest(
            'iptables-restore',
            write(`${name}.c4`, rendered['container-rules.v4']),
            false
          )
        ).toBe('')
        expect(
          restoreTest(
            'ip6tables-restore',
            write(`${name}.c6`, rendered['container-rules.v6']),
            false
          )
        ).toBe('')
      })
    })
  }
)

describeWith({ tools: ['scmp_sys_resolver'] }, 'seccomp profile names', () => {
  test('every syscall name resolves on x86_64 or aarch64 (libseccomp)', () => {
    const unknown = seccompSyscallNames().filter((name) =>
      ['x86_64', 'aarch64', 'x86', 'arm'].every((arch) => {
        const out = spawnSync('scmp_sys_resolver', ['-a', arch, name], {
          encoding: 'utf8'
        }).stdout.trim()
        return !/^\d+$/.test(out)
      })
    )
    expect(unknown).toEqual([])
  })
})
