/**
 * The sandbox end to end: real Docker, Squid, dnsmasq and iptables, against the offline lab.
 * Every "blocked" assertion also checks the reason (a log line or an errno) and that the
 * same probe succeeds from an unfirewalled control container.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { imageTag, LOCAL_BASE_IMAGE } from '../../src/sandbox/images.js'
import { ablationCli, runCli, startCli } from '../helpers/cli.js'
import {
  ensureLab,
  kernelLog,
  LAB,
  LAB_CA,
  LAB_RESOLVER,
  labLog,
  leftovers,
  newNonce,
  ROOT,
  runControl,
  type Result
} from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'
import { noncePort, parseProbes, probeScript, type ProbeResult } from './probes.js'

const POLICY = ['--allow-domains', 'allowed.test', '--dns-servers', LAB_RESOLVER]

function logsDirOf(r: Result): string {
  const m = /logs in (\S+)/.exec(r.stderr)
  if (!m?.[1]) throw new Error(`no logs directory in:\n${r.stderr}`)
  return m[1]
}

describeWith(
  { root: true, docker: true, tools: ['iptables-save', 'dmesg'] },
  'sandbox (integration)',
  () => {
    let workspace: string
    let agentImage: string
    let attackerImage: string
    let run: Result
    let access: string
    let dns: string
    let control: Record<string, ProbeResult>
    let probes: Record<string, ProbeResult>
    const nonce = newNonce()

    beforeAll(async () => {
      ensureLab()
      workspace = mkdtempSync(join(tmpdir(), 'awf-itg-'))
      copyFileSync(LAB_CA, join(workspace, 'ca.crt'))
      // The image the sandbox builds (or reuses) for the agent, and the attacker's variant of it.
      const warm = await runCli(['run', ...POLICY, '--', 'true'], workspace)
      expect(warm.code).toBe(0)
      agentImage = imageTag('agent', ROOT, LOCAL_BASE_IMAGE)
      execFileSync('docker', ['image', 'inspect', agentImage], { stdio: 'ignore' })
      attackerImage = 'awf-attacker:itg'
      execFileSync(
        'docker',
        [
          'build',
          '-q',
          '--build-arg',
          `AGENT_IMAGE=${agentImage}`,
          '-t',
          attackerImage,
          join(ROOT, '__tests__', 'fixtures', 'attacker')
        ],
        { stdio: 'ignore' }
      )

      const script = probeScript(nonce, join(workspace, 'ca.crt'))
      run = await runCli(['run', ...POLICY, '--', 'bash', '-c', script], workspace)
      probes = parseProbes(run.stdout)
      const logs = logsDirOf(run)
      access = readFileSync(join(logs, 'access.log'), 'utf8')
      dns = readFileSync(join(logs, 'dns.log'), 'utf8')
      control = parseProbes(
        runControl(agentImage, probeScript(`${nonce}c`, join(workspace, 'ca.crt')), workspace)
          .stdout
      )
    })

    afterAll(() => rmSync(workspace, { recursive: true, force: true }))

    const p = (id: string): ProbeResult => {
      const r = probes[id]
      if (!r)
        throw new Error(`probe ${id} did not report; sandbox output:\n${run.stdout}\n${run.stderr}`)
      return r
    }
    const c = (id: string): ProbeResult => {
      const r = control[id]
      if (!r) throw new Error(`control probe ${id} did not report`)
      return r
    }

    test('the run succeeds and reports every probe', () => {
      expect(run.code).toBe(0)
      expect(Object.keys(probes).length).toBeGreaterThanOrEqual(19)
    })

    test('HTTPS and HTTP to an allowed name succeed', () => {
      expect(p('https_allowed').out).toContain(`LAB-ALLOWED /${nonce}-https`)
      expect(p('http_allowed').out).toContain(`LAB-ALLOWED /${nonce}-http`)
    })

    test('a blocked name gets Squid’s denial, is logged, and never reaches the lab', () => {
      expect(c('http_blocked').out).toBe('200')
      expect(p('http_blocked').out).toBe('403')
      expect(access).toMatch(new RegExp(`TCP_DENIED/403 GET blocked\\.test 80 .*${nonce}-blocked`))
      expect(c('https_blocked').out).toContain('LAB-BLOCKED')
      expect(p('https_blocked').code).not.toBe(0)
      expect(p('https_blocked').out).toMatch(/CONNECT tunnel failed, response 403/)
      expect(access).toMatch(/TCP_DENIED\/403 CONNECT blocked\.test 443/)
      expect(labLog()).not.toContain(`${nonce}-blocked`)
      expect(labLog()).not.toContain(`${nonce}-sblocked`)
    })

    test('an IP literal is refused by Squid', () => {
      expect(c('ip_literal').out).toBe('200')
      expect(p('ip_literal').out).toBe('403')
      expect(access).toMatch(
        new RegExp(
          `TCP_DENIED/403 GET ${LAB.addresses.allowed!.replace(/\./g, '\\.')} 80 .*${nonce}-ip`
        )
      )
    })

    test('an allowed name on a port that is not allowed is refused', () => {
      expect(c('other_port').out).toBe('200')
      expect(p('other_port').out).toBe('403')
      expect(access).toMatch(new RegExp(`TCP_DENIED/403 GET allowed\\.test 8080 .*${nonce}-port`))
    })

    test('a client ignoring the proxy variables fails closed', () => {
      // Port 80 is redirected to Squid, which refuses a request that is not a proxy request
      // (even with a forged Host header for an allowed name).
      expect(c('direct_80').out).toContain('LAB-BLOCKED')
      expect(p('direct_80').out).toContain('ERR_INVALID_URL')
      expect(access).toMatch(/error:invalid-request|NONE\/400/)
      // Any other port is reset by the container rules and logged with the agent prefix.
      expect(c('direct_tcp').out).toContain('LAB-SINK')
      expect(p('direct_tcp').code).toBe(7)
      expect(p('direct_tcp').out).toMatch(/Couldn't connect|Connection refused/)
      expect(kernelLog()).toMatch(
        new RegExp(
          `agent-drop: .*DST=${LAB.addresses.sink!.replace(/\./g, '\\.')} .*DPT=${noncePort(nonce)} `
        )
      )
      expect(labLog()).not.toContain(`${nonce}-direct`)
    })

    test('DNS for a name that is not allowed gets no answer, and nothing is forwarded', () => {
      expect(c('dns_blocked').code).toBe(2) // the lab has no such name either: the control proves the query works
      expect(p('dns_blocked').code).toBe(2)
      expect(dns).toMatch(new RegExp(`config ${nonce}\\.blocked\\.test is NXDOMAIN`))
      expect(labLog()).not.toContain(`${nonce}.blocked.test`)
    })

    test('DNS straight to a rogue resolver (UDP and TCP) gets nothing', () => {
      expect(c('dns_rogue_udp').code).toBe(0)
      expect(labLog()).toContain(`${nonce}c.test`)
      expect(p('dns_rogue_udp').out).toMatch(/Operation not permitted/)
      expect(c('dns_rogue_tcp').out).toContain('connected')
      expect(p('dns_rogue_tcp').out).toMatch(/Connection refused/)
      expect(labLog()).not.toContain(`"${nonce}.test"`)
    })

    test('Docker’s embedded resolver is not a way out', () => {
      expect(p('embedded_dns').out).toMatch(/Operation not permitted/)
    })

    test('UDP and ICMP to the sink never arrive', () => {
      expect(c('udp_sink').out).toContain('sent')
      expect(p('udp_sink').out).toMatch(/Operation not permitted/)
      expect(p('icmp_dgram').out).toMatch(/Permission denied|Operation not permitted/)
      expect(p('icmp_raw').out).toMatch(/Operation not permitted/)
      const lab = labLog()
      expect(lab).toContain(`"data":"${nonce}c"`)
      expect(lab).not.toContain(`"data":"${nonce}"`)
    })

    test('IPv6 is off', () => {
      expect(p('ipv6_off').out.trim()).toBe('1')
    })

    test('capabilities are empty, no-new-privileges and seccomp are on', () => {
      const status = p('capabilities').out
      for (const f of ['CapInh', 'CapPrm', 'CapEff', 'CapBnd', 'CapAmb'])
        expect(status).toMatch(new RegExp(`${f}:\\s+0{16}`))
      expect(status).toMatch(/NoNewPrivs:\s+1/)
      expect(status).toMatch(/Seccomp:\s+2/)
      expect(c('capabilities').out).toMatch(/CapBnd:\s+0*[1-9a-f]/)
    })

    test('seccomp refuses user namespaces', () => {
      expect(c('unshare_user').code).not.toBe(0) // Docker's default profile refuses too; the reason differs
      expect(p('unshare_user').out).toMatch(/Operation not permitted/)
    })

    test('no Docker socket and no docker CLI are visible', () => {
      expect(p('docker_socket').code).not.toBe(0)
      expect(p('docker_socket').out).toMatch(/No such file or directory/)
    })

    test('iptables -F inside fails with EPERM and changes nothing', async () => {
      const r = await runCli(
        [
          'run',
          ...POLICY,
          '--agent-image',
          attackerImage,
          '--',
          'bash',
          '-c',
          'iptables -F OUTPUT 2>&1; echo "rc=$?"; ip route replace default via 127.0.0.1 2>&1; echo "route=$?"; curl -s -o /dev/null -w "%{http_code}\\n" --max-time 5 http://blocked.test/'
        ],
        workspace
      )
      expect(r.stdout).toMatch(/Permission denied \(you must be root\)|Operation not permitted/)
      expect(r.stdout).toMatch(/rc=[1-9]/)
      expect(r.stdout).toMatch(/route=[1-9]/)
      expect(r.stdout).toMatch(/^403$/m)
    })

    test('the runner’s own services (a listener on the bridge gateway) are unreachable', async () => {
      const hits: string[] = []
      const server = net.createServer((s) => {
        hits.push(String(s.remoteAddress))
        s.end('LAB-RUNNER\n')
      })
      await new Promise<void>((r) => server.listen(0, '0.0.0.0', r))
      const port = (server.address() as net.AddressInfo).port
      try {
        const gw =
          'gw=$(printf %s "$HTTP_PROXY" | sed -E "s#http://([0-9]+\\.[0-9]+\\.[0-9]+)\\.2:.*#\\1.1#")'
        const r = await runCli(
          [
            'run',
            ...POLICY,
            '--',
            'bash',
            '-c',
            `${gw}; curl -sS --max-time 5 --noproxy "*" http://$gw:${port}/; echo "direct=$?"; curl -sS --max-time 5 -o /dev/null -w "%{http_code}\\n" http://$gw:${port}/`
          ],
          workspace
        )
        expect(r.stdout).toMatch(/direct=7/)
        expect(r.stdout).toMatch(/^403$/m)
        expect(hits).toEqual([])
      } finally {
        server.close()
      }
    })

    test('audit mode records what the command needs; the suggested policy lets it pass when enforced', async () => {
      const script = [
        'set -e',
        'for h in allowed.test api.allowed.test sub.allowed.test; do curl -sS --max-time 5 --cacert ca.crt https://$h/ >/dev/null; done',
        'curl -sS --max-time 5 http://blocked.test/ >/dev/null'
      ].join('\n')
      const audit = await runCli(
        ['run', '--mode', 'audit', '--dns-servers', LAB_RESOLVER, '--', 'bash', '-c', script],
        workspace
      )
      expect(audit.code).toBe(0)
      expect(audit.stderr).toMatch(/warning: audit mode/)
      const suggested = readFileSync(join(logsDirOf(audit), 'suggested-policy.yml'), 'utf8')
      expect(suggested).toBe('allow-domains:\n  - allowed.test\n  - blocked.test\n')
      // Everything that is not HTTP(S) to a public name stays enforced in audit mode.
      const probe = await runCli(
        [
          'run',
          '--mode',
          'audit',
          '--dns-servers',
          LAB_RESOLVER,
          '--',
          'bash',
          '-c',
          probeScript(`${nonce}a`, join(workspace, 'ca.crt'))
        ],
        workspace
      )
      const audited = parseProbes(probe.stdout)
      expect(audited.ip_literal?.out).toBe('403')
      expect(audited.direct_tcp?.code).toBe(7)
      expect(audited.dns_blocked?.code).toBe(2)
      expect(audited.udp_sink?.out).toMatch(/Operation not permitted/)

      writeFileSync(join(workspace, 'suggested.yml'), suggested)
      const enforced = await runCli(
        [
          'run',
          '--policy',
          'suggested.yml',
          '--dns-servers',
          LAB_RESOLVER,
          '--',
          'bash',
          '-c',
          script
        ],
        workspace
      )
      expect(enforced.code).toBe(0)
      expect(enforced.stderr).toMatch(/; [1-9]\d* allowed, 0 blocked/)
    })

    test.each([
      ['dns-filter', /enforcement canary failed.*\n.*DNS query for a name not allowed/],
      ['container-rules', /self-check[\s\S]*agent: chain AWF-OUT \(filter, IPv4\) is missing/]
    ])(
      'a deliberately broken layer (%s) stops the run before the command starts',
      async (layer, why) => {
        const { done } = startCli(
          ['run', ...POLICY, '--', 'bash', '-c', 'echo COMMAND-RAN'],
          workspace,
          { AWF_TEST_DISABLE_LAYER: layer },
          { cli: ablationCli() }
        )
        const r = await done
        expect(r.code).toBe(125)
        expect(r.stderr).toMatch(why)
        expect(r.stdout + r.stderr).not.toContain('COMMAND-RAN')
        expect(leftovers()).toEqual([])
      }
    )

    test.each([
      [0, 'exit 0'],
      [1, 'exit 1'],
      [42, 'exit 42'],
      [143, 'kill -TERM $$'],
      [137, 'kill -KILL $$']
    ])('exit status %i propagates (%s)', async (code, script) => {
      const r = await runCli(['run', ...POLICY, '--', 'bash', '-c', script], workspace)
      expect(r.code).toBe(code)
    })

    test('nothing of a run remains after a normal run', () => {
      expect(leftovers()).toEqual([])
      const tempDirs = execFileSync(
        'find',
        [
          tmpdir(),
          '-maxdepth',
          '1',
          '-regextype',
          'posix-extended',
          '-regex',
          '.*/awf-[0-9a-f]{8}-.*'
        ],
        { encoding: 'utf8' }
      )
      expect(tempDirs.trim()).toBe('')
    })

    test('nothing remains after a failed start', async () => {
      // A "proxy" that exits at once (the agent image, with no handshake to answer it).
      const r = await runCli(
        ['run', ...POLICY, '--proxy-image', agentImage, '--', 'true'],
        workspace
      )
      expect(r.code).toBe(125)
      expect(r.stderr).toMatch(/proxy/)
      expect(leftovers()).toEqual([])
    })

    test('nothing remains after SIGTERM mid-run, and the exit status says so', async () => {
      const { child, done } = startCli(
        ['run', ...POLICY, '--', 'bash', '-c', 'echo started; sleep 60'],
        workspace
      )
      await new Promise<void>((resolve) =>
        child.stdout!.on('data', (d: Buffer) => d.toString().includes('started') && resolve())
      )
      child.kill('SIGTERM')
      const r = await done
      expect(r.code).toBe(143)
      expect(leftovers()).toEqual([])
    })

    test('two concurrent runs cannot reach each other', async () => {
      const a = startCli(
        ['run', ...POLICY, '--', 'bash', '-c', 'echo "proxy=$HTTP_PROXY"; sleep 30'],
        workspace
      )
      const proxyA = await new Promise<string>((resolve) =>
        a.child.stdout!.on('data', (d: Buffer) => {
          const m = /proxy=(http:\/\/\S+)/.exec(d.toString())
          if (m?.[1]) resolve(m[1])
        })
      )
      const b = await runCli(
        [
          'run',
          ...POLICY,
          '--',
          'bash',
          '-c',
          `curl -sS --max-time 5 -x ${proxyA} http://allowed.test/; echo "cross=$?"; curl -sS --max-time 5 http://allowed.test/own`
        ],
        workspace
      )
      a.child.kill('SIGTERM')
      await a.done
      expect(b.stdout).toMatch(/cross=[1-9]/)
      expect(b.stdout).toContain('LAB-ALLOWED /own')
      expect(leftovers()).toEqual([])
    })
  }
)
