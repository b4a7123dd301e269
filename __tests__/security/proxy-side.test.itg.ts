/**
 * Issue 14, items 3 and 6, end to end: a command running as root does not read the runner's
 * root-only files (scored against a control container that does), and the proxy container
 * runs with forwarding off, limits, and a logs folder that is not world-writable.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PROXY_LIMITS } from '../../src/sandbox/container-specs.js'
import { startCli } from '../helpers/cli.js'
import { ensureLab, LAB_RESOLVER, leftovers, newNonce } from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const POLICY = ['--allow-domains', 'allowed.test', '--dns-servers', LAB_RESOLVER]

function agentImage(): string {
  const images = execFileSync('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'], {
    encoding: 'utf8'
  })
  const image = images.split('\n').find((i) => i.startsWith('awf-agent:'))
  if (!image) throw new Error('no awf-agent image: run scripts/setup.sh')
  return image
}

describeWith(
  { root: true, docker: true, tools: ['iptables-save'] },
  'proxy side and root runners (integration)',
  () => {
    let workspace: string
    beforeAll(() => {
      ensureLab()
      workspace = mkdtempSync(join(tmpdir(), 'awf-proxy-side-'))
    })
    afterAll(() => rmSync(workspace, { recursive: true, force: true }))

    test('root-runner-etc-secrets: root-only files under /etc are hidden from a root command; the control reads them', async () => {
      const nonce = newNonce()
      const secret = `/etc/awf-itg-secret-${nonce}`
      writeFileSync(secret, `ROOTONLY-${nonce}\n`, { mode: 0o600 })
      try {
        const read = `echo "$(<${secret})"; echo "$(</etc/shadow)"; echo "id=$(id -u)"`
        // Positive control: root without capabilities, /etc shown read-only as host mode does.
        const control = spawnSync(
          'docker',
          [
            'run',
            '--rm',
            '--cap-drop',
            'ALL',
            '--user',
            '0:0',
            '--mount',
            'type=bind,source=/etc,target=/etc,readonly',
            '--entrypoint',
            'bash',
            agentImage(),
            '-c',
            read
          ],
          { encoding: 'utf8', timeout: 60000 }
        )
        expect(control.stdout).toContain(`ROOTONLY-${nonce}`)
        expect(control.stdout).toMatch(/^root:/m)

        const r = await startCli(['run', ...POLICY, '--', 'bash', '-c', read], workspace).done
        expect(r.code).toBe(0)
        expect(r.stdout).toContain('id=0')
        expect(r.stdout).not.toContain(`ROOTONLY-${nonce}`)
        expect(r.stdout).not.toMatch(/^root:/m)
        // Reported: the scan's size and time are in the log.
        expect(r.stderr).toMatch(
          /the command runs as root: \d+ root-only system paths hidden \(\d+ entries scanned in \d+ ms\)/
        )
        process.stderr.write(`${/the command runs as root: [^\n]*/.exec(r.stderr)?.[0]}\n`)
      } finally {
        rmSync(secret, { force: true })
      }
    }, 120000)

    test('proxy-side limits: no forwarding, memory, pids and open files limited, logs not world-writable', async () => {
      const run = startCli(['run', ...POLICY, '--', 'bash', '-c', 'sleep 6'], workspace)
      let proxy = ''
      for (let i = 0; i < 60 && !proxy; i++) {
        await new Promise((resolve) => setTimeout(resolve, 500))
        const ps = execFileSync(
          'docker',
          ['ps', '--filter', 'label=awf.run', '--format', '{{.Names}}'],
          { encoding: 'utf8' }
        )
        proxy = ps.split('\n').find((n) => n.endsWith('-proxy')) ?? ''
      }
      expect(proxy).not.toBe('')
      const inspect = JSON.parse(
        execFileSync('docker', ['inspect', proxy], { encoding: 'utf8' })
      )[0].HostConfig
      expect(inspect.PidsLimit).toBe(PROXY_LIMITS.pids)
      expect(inspect.Memory).toBe(PROXY_LIMITS.memoryBytes)
      expect(inspect.Ulimits).toEqual([
        { Name: 'nofile', Soft: PROXY_LIMITS.openFiles, Hard: PROXY_LIMITS.openFiles }
      ])
      const sysctl = (path: string) =>
        execFileSync('docker', ['exec', proxy, 'cat', `/proc/sys/net/${path}`], {
          encoding: 'utf8'
        }).trim()
      expect(sysctl('ipv4/ip_forward')).toBe('0')
      expect(sysctl('ipv6/conf/all/forwarding')).toBe('0')
      const r = await run.done
      expect(r.code).toBe(0)
      const logs = /logs in (\S+)/.exec(r.stderr)![1]!
      expect(statSync(logs).mode & 0o777).toBe(0o771)
      // The daemons still wrote their logs (the canary confirmed refusals in both).
      expect(statSync(join(logs, 'access.log')).size).toBeGreaterThan(0)
      expect(statSync(join(logs, 'dns.log')).size).toBeGreaterThan(0)
      expect(leftovers()).toEqual([])
    }, 120000)
  }
)
