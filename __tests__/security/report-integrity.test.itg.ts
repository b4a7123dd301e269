/**
 * The report under attack (docs/threat-model.md, T7): it must never say less than what was
 * blocked. A command that floods the rate-limited drop log to hide what follows still has
 * every dropped packet counted (from the rule counters), and a command that uses the
 * canary's own endpoint after it starts is reported like any other. Scored by the lab's
 * rules: the positive control is the drop log itself losing lines (what the report would have
 * said without the counters); nothing reaches the lab; the drops are the container rules'.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../helpers/cli.js'
import {
  ensureLab,
  kernelLog,
  LAB,
  LAB_RESOLVER,
  labLog,
  leftovers,
  newNonce,
  type Result
} from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const SINK = LAB.addresses.sink!
const PACKETS = 400

interface Run {
  readonly result: Result
  readonly runId: string
  readonly events: { layer: string; decision: string; target: string; port?: number }[]
}

async function firewalled(script: string, dir: string): Promise<Run> {
  const result = await runCli(
    [
      'run',
      '--allow-domains',
      'allowed.test',
      '--dns-servers',
      LAB_RESOLVER,
      '--',
      'bash',
      '-c',
      script
    ],
    dir
  )
  const logs = /logs in (\S+)/.exec(result.stderr)?.[1]
  const runId = /run ([0-9a-f]{8}) exited/.exec(result.stderr)?.[1]
  if (!logs || !runId) throw new Error(`no logs directory or run id:\n${result.stderr}`)
  const events = readFileSync(join(logs, 'events.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Run['events'][number])
  return { result, runId, events }
}

describeWith(
  { root: true, docker: true, tools: ['dmesg'] },
  'the report under attack (integration)',
  () => {
    let dir: string
    beforeAll(() => {
      ensureLab()
      dir = mkdtempSync(join(tmpdir(), 'awf-integrity-'))
    })
    afterAll(() => rmSync(dir, { recursive: true, force: true }))

    test('a flood past the drop log’s rate limit: every packet is still counted', async () => {
      const nonce = newNonce()
      // 400 UDP datagrams at once (each refused, EPERM), then long enough for a watchdog check.
      const flood = `python3 -c 'import socket
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
sent = 0
for i in range(${PACKETS}):
    try: s.sendto(b"${nonce}-flood", ("${SINK}", 5353))
    except OSError: sent += 1
print("refused", sent)'; sleep 3`
      const run = await firewalled(flood, dir)
      if (run.result.code !== 0) throw new Error(run.result.stderr.slice(-2000))
      expect(run.result.stdout).toContain(`refused ${PACKETS}`)
      // Positive control: the drop log itself lost lines (the rate limit held).
      const logged = kernelLog()
        .split('\n')
        .filter((l) => l.includes(`awf-${run.runId}-agent-drop:`) && l.includes('DPT=5353')).length
      expect(logged).toBeLessThan(PACKETS)
      // No leak, and the drops are the container rules'.
      expect(labLog()).not.toContain(`${nonce}-flood`)
      const itemised = run.events.filter((e) => e.layer === 'agent' && e.port === 5353).length
      expect(itemised).toBe(logged)
      // Reported: the rest is counted from the rule counters.
      const counted =
        /counted, not itemised: (?:at least )?(\d+) blocked attempt\(s\) packets dropped by the agent rules/.exec(
          run.result.stderr
        )
      expect(Number(counted?.[1])).toBeGreaterThanOrEqual(PACKETS - itemised)
      expect(leftovers()).toEqual([])
    })

    test('the canary’s endpoint used by the command is reported; the canary’s own probe is not', async () => {
      const script =
        'PROXY=${http_proxy#http://}; PROXY=${PROXY%:*}; (exec 3<>/dev/tcp/$PROXY/9) 2>/dev/null; echo "direct=$?"'
      const run = await firewalled(script, dir)
      expect(run.result.stdout).toMatch(/direct=[1-9]/)
      const toCanaryPort = run.events.filter((e) => e.layer === 'agent' && e.port === 9)
      expect(toCanaryPort).toHaveLength(1)
      expect(toCanaryPort[0]!.decision).toBe('blocked')
      expect(leftovers()).toEqual([])
    })
  }
)
