/**
 * Faults under a live run: the proxy or its DNS forwarder dies, rules are removed from the
 * host or from the agent's namespace, and two sandboxes run side by side. Each must fail
 * closed, end the run with a clear message, and leave nothing behind.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startCli } from '../helpers/cli.js'
import { ensureLab, LAB_CA, LAB_RESOLVER, leftovers, type Result } from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const POLICY = ['--allow-domains', 'allowed.test', '--dns-servers', LAB_RESOLVER]

const sh = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, { encoding: 'utf8' }).trim()

/** Waits (bounded) until `ready` holds, polling every 100 ms. */
async function until(ready: () => boolean, what: string, timeoutMs = 60000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The run id of the one live sandbox. */
function liveRunId(): string {
  const names = sh('docker', ['ps', '--filter', 'label=awf.run', '--format', '{{.Names}}'])
  const m = /awf-([0-9a-f]{8})-proxy/.exec(names)
  if (!m) throw new Error(`no live sandbox: ${names}`)
  return m[1]!
}

/** A run whose command requests allowed.test every 0.3 s, printing each status, for 30 s. */
function startLongRun(workspace: string): {
  done: Promise<Result>
  output: () => string
} {
  const { child, done } = startCli(
    [
      'run',
      ...POLICY,
      '--',
      'bash',
      '-c',
      'for i in $(seq 100); do echo "status=$(curl -s -o /dev/null -w "%{http_code}" --max-time 2 http://allowed.test/fault)"; sleep 0.3; done'
    ],
    workspace
  )
  let out = ''
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()))
  return { done, output: () => out }
}

describeWith(
  { root: true, docker: true, tools: ['iptables-save', 'nsenter'] },
  'faults under a live run (integration)',
  () => {
    let workspace: string

    beforeAll(() => {
      ensureLab()
      workspace = mkdtempSync(join(tmpdir(), 'awf-faults-'))
      copyFileSync(LAB_CA, join(workspace, 'ca.crt'))
    })

    afterAll(() => rmSync(workspace, { recursive: true, force: true }))

    async function faultAndWait(
      inject: (runId: string) => void
    ): Promise<{ r: Result; statuses: string[]; ms: number }> {
      const run = startLongRun(workspace)
      await until(() => run.output().includes('status=200'), 'the first allowed request')
      const injected = Date.now()
      inject(liveRunId())
      const r = await run.done
      return {
        r,
        statuses: [...run.output().matchAll(/status=(\d+)/g)].map((m) => m[1]!),
        ms: Date.now() - injected
      }
    }

    test('the proxy dies: traffic fails closed, the run ends with 125 and says why', async () => {
      const { r, ms } = await faultAndWait((id) => sh('docker', ['kill', `awf-${id}-proxy`]))
      expect(r.code).toBe(125)
      expect(r.stderr).toContain('the firewall failed during the run, so the command was killed')
      expect(r.stderr).toContain('the proxy container stopped')
      expect(ms).toBeLessThan(15000)
      expect(leftovers()).toEqual([])
    })

    test('the DNS forwarder dies: the proxy container goes with it, and so does the run', async () => {
      const { r } = await faultAndWait((id) => {
        const pid = sh('docker', ['top', `awf-${id}-proxy`, '-eo', 'pid,comm'])
          .split('\n')
          .find((l) => /dnsmasq/.test(l))
          ?.trim()
          .split(/\s+/)[0]
        if (!pid) throw new Error('no dnsmasq in the proxy container')
        sh('kill', ['-9', pid])
      })
      expect(r.code).toBe(125)
      expect(r.stderr).toContain('the proxy container stopped')
      expect(leftovers()).toEqual([])
    })

    test('a host rule removed under the run is detected and the command killed', async () => {
      const { r } = await faultAndWait((id) =>
        sh('iptables', ['-D', 'DOCKER-USER', '-i', `awfi-${id}`, '-j', `AWF-${id}`])
      )
      expect(r.code).toBe(125)
      expect(r.stderr).toMatch(
        /jump "-A DOCKER-USER -i awfi-[0-9a-f]{8} -j AWF-[0-9a-f]{8}" is missing/
      )
      expect(leftovers()).toEqual([])
    })

    test("the agent's own rules flushed from outside are detected too", async () => {
      const { r, statuses } = await faultAndWait((id) => {
        const pid = sh('docker', ['inspect', '-f', '{{.State.Pid}}', `awf-${id}-agent`])
        sh('nsenter', ['-t', pid, '-n', 'iptables', '-F', 'AWF-OUT'])
      })
      expect(r.code).toBe(125)
      expect(r.stderr).toMatch(/agent: chain AWF-OUT holds 0 rules/)
      expect(statuses[0]).toBe('200')
      expect(leftovers()).toEqual([])
    })

    test('an agent rule replaced in place (the count unchanged) is detected too', async () => {
      const { r, statuses } = await faultAndWait((id) => {
        const pid = sh('docker', ['inspect', '-f', '{{.State.Pid}}', `awf-${id}-agent`])
        const rules = sh('nsenter', ['-t', pid, '-n', 'iptables', '-S', 'AWF-OUT']).split('\n')
        // The rule that resets direct TCP, turned into an ACCEPT at the same position.
        const at = rules.filter((l) => l.startsWith('-A ')).findIndex((l) => l.includes('REJECT'))
        sh('nsenter', [
          '-t',
          pid,
          '-n',
          'iptables',
          '-R',
          'AWF-OUT',
          String(at + 1),
          '-p',
          'tcp',
          '-j',
          'ACCEPT'
        ])
      })
      expect(r.code).toBe(125)
      expect(r.stderr).toMatch(/agent: rule \d+ of AWF-OUT is not the planned one/)
      expect(statuses[0]).toBe('200')
      expect(leftovers()).toEqual([])
    })

    test('two sandboxes side by side cannot reach each other', async () => {
      const other = startCli(['run', ...POLICY, '--', 'sleep', '20'], workspace)
      let id = ''
      await until(() => {
        try {
          id = liveRunId()
          return sh('docker', ['inspect', '-f', '{{.State.Running}}', `awf-${id}-agent`]) === 'true'
        } catch {
          return false
        }
      }, 'the other sandbox')
      const ip = (name: string): string =>
        sh('docker', [
          'inspect',
          '-f',
          '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}',
          name
        ]).split(' ')[0]!
      const otherProxy = ip(`awf-${id}-proxy`)
      const otherAgent = ip(`awf-${id}-agent`)
      const r = await startCli(
        [
          'run',
          ...POLICY,
          '--',
          'bash',
          '-c',
          [
            `curl -s -o /dev/null -w "%{http_code}" --max-time 3 -x http://${otherProxy}:3128 http://allowed.test/; echo " proxy=$?"`,
            `curl -s --max-time 3 --noproxy "*" http://${otherAgent}:8000/; echo "agent=$?"`,
            `curl -s --max-time 3 --noproxy "*" http://${otherProxy}:3128/; echo "direct=$?"`
          ].join('\n')
        ],
        workspace
      ).done
      expect(r.code).toBe(0)
      expect(r.stdout).toMatch(/proxy=[1-9]/)
      expect(r.stdout).toMatch(/agent=[1-9]/)
      expect(r.stdout).toMatch(/direct=[1-9]/)
      expect((await other.done).code).toBe(0)
      expect(leftovers()).toEqual([])
    })
  }
)
