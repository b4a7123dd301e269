/**
 * Every rendered file is also fed to the program that consumes it: squid -k parse,
 * dnsmasq --test, iptables-restore/ip6tables-restore --test (in a throwaway network
 * namespace, never the host's ruleset), libseccomp's resolver for every syscall name, and
 * Docker for the seccomp profile (a container runs under it).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  planProblems,
  planRules,
  renderAll,
  seccompSyscallNames,
  SYSTEM_CA_FILE,
  UPSTREAM_CA_FILE
} from '../../src/render/index.js'
import { contentProblems, stripCounters } from '../../src/render/rule-content.js'
import { ALLOWED_SOCKET_FAMILIES } from '../../src/render/seccomp.js'
import { imageTag, LOCAL_BASE_IMAGE } from '../../src/sandbox/images.js'
import { withLocalKeyMaterial } from '../helpers/proxy-tls.js'
import { describeWith } from '../helpers/require-tool.js'
import { writeSocketProbes } from '../security/socket-probes.js'
import { input, INTERCEPT_INPUT, manyDomains, POLICIES, UPSTREAM_INPUT } from './fixtures.js'
import { scratchDir } from '../helpers/scratch.js'

const dir = scratchDir('awf-consumers-')

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

    test('intercepting hosts: squid -k parse accepts the bumping rules and header rewrites', () => {
      // The config folder's ca-certificates file, as the sandbox writes it: here the system's.
      const text = renderAll(INTERCEPT_INPUT)['squid.conf'].replaceAll(
        UPSTREAM_CA_FILE,
        SYSTEM_CA_FILE
      )
      expect(squidParseProblems(write('intercept.squid.conf', text))).toEqual([])
    })

    describe.each(Object.entries(policies))('%s policy', (name, policy) => {
      const rendered = renderAll(input(policy))
      const plans = planRules(input(policy))

      test('iptables-save reads back every rule as planned (the watchdog compares content)', () => {
        const readBack = (tool: 'iptables' | 'ip6tables', files: string[]): string =>
          execFileSync(
            'unshare',
            [
              '-n',
              'bash',
              '-c',
              `${tool === 'iptables' ? 'iptables -N DOCKER-USER && ' : ''}for f in "$@"; do ${tool}-restore --noflush < "$f" || exit 1; done; ${tool}-save -c`,
              'read-back',
              ...files
            ],
            { encoding: 'utf8' }
          )
        const v4 = readBack('iptables', [
          write(`${name}.rb.h4`, rendered['host-rules.v4']),
          write(`${name}.rb.c4`, rendered['container-rules.v4'])
        ])
        const v6 = readBack('ip6tables', [
          write(`${name}.rb.h6`, rendered['host-rules.v6']),
          write(`${name}.rb.c6`, rendered['container-rules.v6'])
        ])
        for (const [text, family] of [[v4, 4] as const, [v6, 6] as const])
          for (const plan of [plans.host, plans.container]) {
            expect(contentProblems(text, plan, family, name)).toEqual([])
            expect(planProblems(stripCounters(text), plan, family, name)).toEqual([])
          }
      })

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

describeWith({ docker: true }, 'seccomp profile in Docker', () => {
  const image = imageTag('agent', join(import.meta.dirname, '..', '..'), LOCAL_BASE_IMAGE)

  /** Runs `script` in the agent image under the rendered profile, as the sandbox would. */
  function underProfile(script: string): { status: number | null; out: string } {
    const profile = write(
      'docker.seccomp.json',
      renderAll(input(POLICIES.typical!))['seccomp.json']
    )
    writeSocketProbes(dir, false)
    const r = spawnSync(
      'docker',
      [
        'run',
        '--rm',
        '--network',
        'none',
        '--cap-drop',
        'ALL',
        '--security-opt',
        'no-new-privileges',
        '--security-opt',
        `seccomp=${profile}`,
        '-v',
        `${dir}:/probe:ro`,
        '--entrypoint',
        'bash',
        image,
        '-c',
        script
      ],
      { encoding: 'utf8', timeout: 60000 }
    )
    return { status: r.status, out: `${r.stdout}${r.stderr}` }
  }

  test('Docker accepts the profile; only unix, inet, inet6 and netlink sockets open', () => {
    const r = underProfile(
      'grep "^Seccomp:" /proc/self/status; for f in 1 2 10 16 17 38 40; do python3 /probe/socket-probe.py $f; done'
    )
    expect(r.out).toMatch(/^Seccomp:\s+2$/m)
    for (const family of Object.values(ALLOWED_SOCKET_FAMILIES))
      expect(r.out).toMatch(new RegExp(`^${family}=OK$`, 'm'))
    for (const family of [17, 38, 40]) expect(r.out).toMatch(new RegExp(`^${family}=EPERM$`, 'm'))
    expect(r.status).toBe(0)
  })
})
