/**
 * The attack suite (docs/threat-model.md): every case in attacks.ts runs inside the firewall
 * and in an unfirewalled control container, and is scored by the lab's rules (../shared
 * LAB.md): positive control, no leak of the nonce, blocked for the right reason, an allowed
 * canary request in the same run, explicit N/A. One JSON line per case goes to
 * out/security/results.jsonl, and a matrix per category is printed.
 */
import { execFile, execFileSync, type ChildProcess } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { DENIED_SYSCALLS } from '../../src/render/seccomp.js'
import { ABLATABLE_LAYERS } from '../../src/sandbox/ablation.js'
import { imageTag, LOCAL_BASE_IMAGE } from '../../src/sandbox/images.js'
import { ablationCli, startCli } from '../helpers/cli.js'
import {
  ensureLab,
  kernelLog,
  LAB_CA,
  LAB_RESOLVER,
  labLog,
  leftovers,
  newNonce,
  ROOT,
  runControl,
  serveOnRunner,
  startResponderContainer
} from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'
import {
  attackCases,
  IA32_SOCKET_CASES,
  RUNNER_PORT,
  SUITE_ALLOW,
  type AttackCase,
  type Evidence
} from './attacks.js'
import { writeSocketProbes } from './socket-probes.js'
import { parseProbes, noncePort, type ProbeResult } from '../sandbox/probes.js'

type Verdict = 'PASS' | 'LEAK' | 'INVALID' | 'WRONG-REASON' | 'UNREPORTED' | 'N/A' | 'GAP'

/** The verdicts that fail the suite. */
const FAILING: readonly Verdict[] = ['LEAK', 'INVALID', 'WRONG-REASON', 'UNREPORTED']
const failed = (r: CaseResult): boolean => FAILING.includes(r.verdict)

interface CaseResult {
  readonly case: string
  readonly category: string
  readonly threat: string
  readonly control: 'reached' | 'unreached' | 'not applicable'
  readonly verdict: Verdict
  readonly reason: string
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Syscall numbers on this machine's architecture; a name it does not have is N/A. */
function seccompTable(): { available: { name: string; nr: number }[]; missing: string[] } {
  const available: { name: string; nr: number }[] = []
  const missing: string[] = []
  for (const name of DENIED_SYSCALLS) {
    const nr = Number(execFileSync('scmp_sys_resolver', [name], { encoding: 'utf8' }).trim())
    if (Number.isInteger(nr) && nr >= 0) available.push({ name, nr })
    else missing.push(name)
  }
  return { available, missing }
}

const probe = (c: AttackCase): string =>
  `out=$( ( timeout 10 bash -c ${JSON.stringify(c.script)} ) 2>&1 ); echo "PROBE ${c.id} $? $(printf %s "$out" | base64 -w0)"`

/**
 * The script for the agent (`sync` given: the agent's cases, then it waits until the proxy's
 * cases have run, so that the sandbox stays up for them) or for the control (every case).
 */
function script(
  cases: readonly AttackCase[],
  nonce: string,
  ca: string,
  siblingIp: string,
  sync?: string
): string {
  return [
    `export N=${nonce} CA=${ca} NPORT=${noncePort(nonce)} RUNNERPORT=${RUNNER_PORT} SIBLING=${siblingIp}`,
    `export GW=$(hostname -I | awk '{print $1}' | sed 's/\\.[0-9]*$/.1/')`,
    'PROXY=${http_proxy#http://}; export PROXY=${PROXY%:*}',
    `out=$( ( curl -sS --max-time 5 --cacert "$CA" https://allowed.test/$N-canary ) 2>&1 ); echo "PROBE canary $? $(printf %s "$out" | base64 -w0)"`,
    ...cases.filter((c) => sync === undefined || c.from !== 'proxy').map(probe),
    ...(sync === undefined
      ? []
      : [
          `touch ${sync}/armed`,
          `for i in $(seq 600); do [ -e ${sync}/proxy.done ] && break; sleep 0.1; done`
        ])
  ].join('\n')
}

/**
 * The proxy's cases, run in parallel in the proxy's network namespace as Squid's user. `GW` is the
 * default gateway from /proc/net/route (the image has no `ip`): the runner's address on the
 * egress network.
 */
function proxyScript(cases: readonly AttackCase[], nonce: string): string {
  return [
    `export N=${nonce} NPORT=${noncePort(nonce)}`,
    `h=$(awk '$2=="00000000"{print $3; exit}' /proc/net/route)`,
    'export GW=$(printf "%d.%d.%d.%d" 0x${h:6:2} 0x${h:4:2} 0x${h:2:2} 0x${h:0:2})',
    ...cases.filter((c) => c.from === 'proxy').map((c) => `{ ${probe(c)}; } &`),
    'wait'
  ].join('\n')
}

/** Squid's user in the proxy image (Debian's `proxy`). */
const SQUID_UID = 13

/**
 * Once the agent signals that the sandbox is armed, runs the proxy's cases in the network
 * namespace of the run's proxy container (the only one carrying a run label whose name ends in
 * -proxy) as Squid's user, then releases the agent. Returns their probe output.
 */
async function attackFromProxy(
  cases: readonly AttackCase[],
  nonce: string,
  sync: string,
  finished: () => boolean
): Promise<string> {
  const deadline = Date.now() + 120000
  while (!existsSync(join(sync, 'armed'))) {
    if (finished() || Date.now() > deadline) return ''
    await new Promise((r) => setTimeout(r, 100))
  }
  try {
    const names = execFileSync(
      'docker',
      ['ps', '--filter', 'label=awf.run', '--format', '{{.Names}}'],
      {
        encoding: 'utf8'
      }
    )
    const proxy = names.split('\n').find((n) => n.endsWith('-proxy'))
    if (!proxy) throw new Error(`no proxy container among: ${names}`)
    // The proxy image holds only Squid, dnsmasq and their libraries: the compromised proxy's
    // code runs in the proxy's network namespace as Squid's user, with the runner's tools.
    const { stdout } = await promisify(execFile)('docker', [
      'run',
      '--rm',
      '--network',
      `container:${proxy}`,
      '--user',
      `${SQUID_UID}:${SQUID_UID}`,
      '--cap-drop',
      'ALL',
      '--security-opt',
      'no-new-privileges',
      '-v',
      '/usr:/usr:ro',
      '-v',
      '/etc:/etc:ro',
      '--entrypoint',
      '/bin/bash',
      imageTag('agent', ROOT, LOCAL_BASE_IMAGE),
      '-c',
      proxyScript(cases, nonce)
    ])
    return stdout
  } finally {
    writeFileSync(join(sync, 'proxy.done'), '')
  }
}

interface Observed {
  /** The firewalled run's nonce, its probe results and the layers' logs for it. */
  readonly nonce: string
  readonly fw: Record<string, ProbeResult>
  readonly evidence: Record<Evidence, string>
  /** The control's probe results (its nonce is the base nonce + `c`). */
  readonly controlNonce: string
  readonly ctl: Record<string, ProbeResult>
  readonly lab: string
  /** The run's report: events.jsonl, one event a line. */
  readonly events: readonly { layer: string; decision: string; target: string; port?: number }[]
  /** The kernel log was readable, so container-rule drops are in the report. */
  readonly kernelEvents: boolean
}

/** The needle as a whole token: `-p1` must not match `-p10`. */
const labSaw = (lab: string, needle: string): boolean =>
  new RegExp(`${escapeRe(needle)}(?![0-9A-Za-z])`).test(lab)

function controlReached(c: AttackCase, o: Observed): CaseResult['control'] {
  if (c.control === 'local') return 'not applicable'
  if ('lab' in c.control)
    return labSaw(o.lab, `${o.controlNonce}${c.control.lab}`) ? 'reached' : 'unreached'
  return c.control.output.test(o.ctl[c.id]?.out ?? '') ? 'reached' : 'unreached'
}

/** One case scored by the lab's rules. */
function scoreCase(c: AttackCase, o: Observed): CaseResult {
  const base = { case: c.id, category: c.category, threat: c.threat }
  const got = o.fw[c.id]
  const control = controlReached(c, o)
  if (!got) return { ...base, control, verdict: 'INVALID', reason: 'the attack did not report' }
  if (control === 'unreached')
    return {
      ...base,
      control,
      verdict: 'INVALID',
      reason: 'the control could not reach the target'
    }
  const leaked = c.leak !== undefined && labSaw(o.lab, `${o.nonce}${c.leak}`)
  if (c.gap) {
    const through =
      leaked ||
      (c.control !== 'local' &&
        'lab' in c.control &&
        labSaw(o.lab, `${o.nonce}${c.control.lab}`)) ||
      (c.control !== 'local' && 'output' in c.control && c.control.output.test(got.out))
    return { ...base, control, verdict: through ? 'GAP' : 'PASS', reason: c.gap }
  }
  if (leaked)
    return { ...base, control, verdict: 'LEAK', reason: `the lab saw ${o.nonce}${c.leak}` }
  const missing = c.denied.filter((d) => {
    const re = new RegExp(
      d.match.replace(/\$NPORT/g, String(noncePort(o.nonce))).replace(/\$N/g, escapeRe(o.nonce)),
      'm'
    )
    return !re.test(d.in === 'output' ? got.out.trim() : o.evidence[d.in])
  })
  if (missing.length > 0)
    return {
      ...base,
      control,
      verdict: 'WRONG-REASON',
      reason: `no ${missing.map((d) => `${d.in} /${d.match}/`).join(', ')}; output: ${JSON.stringify(got.out.slice(0, 200))}`
    }
  const want = c.reported
  const fromKernel = ['agent', 'host', 'runner'].includes(want?.layer ?? '')
  if (want && (!fromKernel || o.kernelEvents)) {
    const target = want.target?.replace(/\$N/g, o.nonce)
    const found = o.events.some(
      (e) =>
        e.decision === 'blocked' &&
        e.layer === want.layer &&
        (target === undefined || e.target === target) &&
        (want.port === undefined || e.port === want.port)
    )
    if (!found)
      return {
        ...base,
        control,
        verdict: 'UNREPORTED',
        reason: `no blocked ${want.layer} event for ${target ?? 'the runner'}${want.port ? `:${want.port}` : ''} in events.jsonl`
      }
  }
  return {
    ...base,
    control,
    verdict: 'PASS',
    reason: [
      ...c.denied.map((d) => `${d.in} /${d.match}/`),
      ...(want ? [`reported (${want.layer})`] : [])
    ].join(', ')
  }
}

/** One firewalled run of every case: probe results and this run's evidence in each layer's log. */
async function firewalledRun(
  cases: readonly AttackCase[],
  nonce: string,
  workspace: string,
  siblingIp: string,
  env: Readonly<Record<string, string>> = {},
  extraArgs: readonly string[] = []
): Promise<{
  code: number
  stderr: string
  fw: Record<string, ProbeResult>
  evidence: Record<Evidence, string>
  events: Observed['events']
}> {
  const sync = join(workspace, `sync-${nonce}`)
  mkdirSync(sync, { mode: 0o777 })
  let finished = false
  const cli = startCli(
    [
      'run',
      ...extraArgs,
      '--allow-domains',
      SUITE_ALLOW.join(','),
      '--dns-servers',
      LAB_RESOLVER,
      '--',
      'bash',
      '-c',
      script(cases, nonce, join(workspace, 'ca.crt'), siblingIp, sync)
    ],
    workspace,
    env,
    env.AWF_TEST_DISABLE_LAYER ? { cli: ablationCli() } : {}
  )
  const [r, fromProxy] = await Promise.all([
    cli.done.finally(() => (finished = true)),
    attackFromProxy(cases, nonce, sync, () => finished)
  ])
  const logs = /logs in (\S+)/.exec(r.stderr)?.[1]
  const runId = /run ([0-9a-f]{8}) exited/.exec(r.stderr)?.[1]
  if (!logs || !runId) throw new Error(`no logs directory or run id:\n${r.stderr}`)
  return {
    code: r.code,
    stderr: r.stderr,
    fw: { ...parseProbes(r.stdout), ...parseProbes(fromProxy) },
    events: readFileSync(join(logs, 'events.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as Observed['events'][number]),
    evidence: {
      output: '',
      access: readFileSync(join(logs, 'access.log'), 'utf8'),
      dns: readFileSync(join(logs, 'dns.log'), 'utf8'),
      // This run's lines only, by the run id in every prefix.
      kernel: kernelLog()
        .split('\n')
        .filter((l) => l.includes(`awf-${runId}-`))
        .join('\n')
    }
  }
}

describeWith(
  { root: true, docker: true, tools: ['iptables-save', 'dmesg', 'scmp_sys_resolver'] },
  'attack suite (integration)',
  () => {
    const nonce = newNonce()
    const results: CaseResult[] = []
    let workspace: string
    let runner: ChildProcess
    let sibling: string
    let cases: AttackCase[]
    let missingSyscalls: string[]
    let fw: Record<string, ProbeResult>
    let ctl: Record<string, ProbeResult>
    let observed: Observed
    let runCode: number
    let siblingIp: string

    beforeAll(async () => {
      ensureLab()
      workspace = mkdtempSync(join(tmpdir(), 'awf-attack-'))
      copyFileSync(LAB_CA, join(workspace, 'ca.crt'))
      const table = seccompTable()
      missingSyscalls = table.missing
      // ia32 programs run only on x86_64 kernels; elsewhere those cases are N/A.
      const ia32 = process.arch === 'x64'
      writeSocketProbes(workspace, ia32)
      cases = attackCases(table.available, { ia32 })
      // The runner itself, listening on every address, and a sibling container.
      runner = serveOnRunner(RUNNER_PORT, 'RUNNER-LISTENER')
      const image = imageTag('agent', ROOT, LOCAL_BASE_IMAGE)
      sibling = `awf-sibling-${nonce}`
      siblingIp = startResponderContainer({ name: sibling, image, body: 'SIBLING' })
      const run = await firewalledRun(cases, nonce, workspace, siblingIp)
      runCode = run.code
      fw = run.fw
      const control = runControl(
        image,
        script(cases, `${nonce}c`, join(workspace, 'ca.crt'), siblingIp),
        workspace
      )
      ctl = parseProbes(control.stdout)
      observed = {
        nonce,
        fw: run.fw,
        evidence: run.evidence,
        controlNonce: `${nonce}c`,
        ctl,
        lab: labLog(),
        events: run.events,
        kernelEvents: true
      }

      for (const c of cases) results.push(scoreCase(c, observed))
      for (const name of missingSyscalls)
        results.push({
          case: `priv-seccomp-${name}`,
          category: 'privilege',
          threat: 'T1',
          control: 'not applicable',
          verdict: 'N/A',
          reason: `${name} does not exist on this architecture`
        })
      if (!cases.some((c) => c.id === IA32_SOCKET_CASES[0]))
        for (const id of IA32_SOCKET_CASES)
          results.push({
            case: id,
            category: 'privilege',
            threat: 'T1',
            control: 'not applicable',
            verdict: 'N/A',
            reason: `32-bit x86 programs do not run on ${process.arch}`
          })
      mkdirSync(join(ROOT, 'out', 'security'), { recursive: true })
      writeFileSync(
        join(ROOT, 'out', 'security', 'results.jsonl'),
        results.map((x) => JSON.stringify(x)).join('\n') + '\n'
      )
      process.stdout.write(matrix(results))
    })

    afterAll(() => {
      runner?.kill()
      if (sibling) execFileSync('docker', ['rm', '-f', sibling], { stdio: 'ignore' })
      rmSync(workspace, { recursive: true, force: true })
    })

    test('the run itself and its canary: the allowed request succeeds', () => {
      expect(runCode).toBe(0)
      expect(fw.canary?.out).toContain(`LAB-ALLOWED /${nonce}-canary`)
      expect(ctl.canary?.out).toContain('LAB-ALLOWED')
    })

    test('at least 40 cases, every category represented', () => {
      expect(results.length).toBeGreaterThanOrEqual(40)
      expect(new Set(results.map((r) => r.category))).toEqual(
        new Set([
          'proxy',
          'dns',
          'packet',
          'host',
          'privilege',
          'environment',
          'integrity',
          'known-gap'
        ])
      )
    })

    test('no case leaks, none is invalid, every block has the right reason', () => {
      expect(results.filter(failed)).toEqual([])
    })

    test('the documented gaps are still what the threat model says', () => {
      expect(results.filter((r) => r.category === 'known-gap').map((r) => r.verdict)).toEqual([
        'GAP',
        'GAP',
        'GAP',
        'GAP'
      ])
    })

    test('nothing is left behind', () => {
      expect(leftovers()).toEqual([])
    })

    describe('host-firewall off: the suite without host iptables rules', () => {
      let off: CaseResult[]
      let stderr: string

      beforeAll(async () => {
        const n = `${nonce}off`
        const run = await firewalledRun(cases, n, workspace, siblingIp, {}, [
          '--host-firewall',
          'off'
        ])
        stderr = run.stderr
        const o: Observed = {
          ...observed,
          nonce: n,
          fw: run.fw,
          evidence: run.evidence,
          lab: labLog(),
          events: run.events,
          // Without host firewall rules the kernel log is not read (it needs root).
          kernelEvents: false
        }
        off = cases.map((c) => scoreCase(c, o))
        writeFileSync(
          join(ROOT, 'out', 'security', 'results-host-firewall-off.jsonl'),
          off.map((x) => JSON.stringify(x)).join('\n') + '\n'
        )
        process.stdout.write(`\nhost-firewall off${matrix(off)}`)
      })

      test('no host rules are installed, and the summary says so', () => {
        expect(stderr).toContain('host-firewall off: no host iptables rules for this run')
        expect(stderr).not.toContain('Applying host firewall rules')
        expect(stderr).toContain('host-firewall off: no host iptables rules; enforced by')
      })

      // Only the host rules confine the proxy container; the threat model lists what that
      // mode gives up, case by case.
      test('only the compromised-proxy cases get through, and the threat model lists each', () => {
        const through = off.filter(failed)
        const proxyCases = cases.filter((c) => c.from === 'proxy' && !c.gap).map((c) => c.id)
        expect(through.map((r) => r.case).sort()).toEqual([...proxyCases].sort())
        expect(through.filter((r) => r.verdict === 'INVALID')).toEqual([])
        const offSection = readFileSync(join(ROOT, 'docs', 'threat-model.md'), 'utf8').split(
          '## Without root'
        )[1]
        for (const id of proxyCases) expect(offSection).toContain(`\`${id}\``)
      })
    })

    describe('layer ablation: the suite with one layer disabled at a time', () => {
      /** layer -> the cases that are no longer blocked for the right reason. */
      const red: Record<string, string[]> = {}

      beforeAll(async () => {
        for (const [i, layer] of ABLATABLE_LAYERS.entries()) {
          const n = `${nonce}x${i}`
          const run = await firewalledRun(cases, n, workspace, siblingIp, {
            AWF_TEST_DISABLE_LAYER: layer,
            AWF_TEST_RUN_DESPITE_CHECKS: '1'
          })
          const o: Observed = {
            ...observed,
            nonce: n,
            fw: run.fw,
            evidence: run.evidence,
            lab: labLog(),
            events: run.events
          }
          red[layer] = cases
            .filter((c) => !c.gap)
            .map((c) => scoreCase(c, o))
            .filter((r) => r.verdict !== 'PASS')
            .map((r) => `${r.case} (${r.verdict})`)
        }
        const single = Object.fromEntries(
          cases.map((c) => [
            c.id,
            ABLATABLE_LAYERS.filter((l) => red[l]!.some((x) => x.startsWith(`${c.id} `)))
          ])
        )
        writeFileSync(
          join(ROOT, 'out', 'security', 'ablation.json'),
          `${JSON.stringify({ red, layersPerCase: single }, null, 2)}\n`
        )
        process.stdout.write(
          `\nablation matrix (cases red with the layer disabled)\n${ABLATABLE_LAYERS.map(
            (l) => `${l.padEnd(16)} ${String(red[l]!.length).padStart(3)}  ${red[l]!.join(', ')}`
          ).join('\n')}\n`
        )
      })

      test.each(ABLATABLE_LAYERS)('disabling %s turns at least one case red', (layer) => {
        expect(red[layer]!.length).toBeGreaterThan(0)
      })

      test('nothing is left behind by the ablation runs', () => {
        expect(leftovers()).toEqual([])
      })
    })
  }
)

function matrix(results: readonly CaseResult[]): string {
  const cats = [...new Set(results.map((r) => r.category))]
  const verdicts: Verdict[] = ['PASS', 'N/A', 'GAP', ...FAILING]
  const rows = [
    ['category', ...verdicts],
    ...cats.map((c) => [
      c,
      ...verdicts.map((v) =>
        String(results.filter((r) => r.category === c && r.verdict === v).length)
      )
    ]),
    ['total', ...verdicts.map((v) => String(results.filter((r) => r.verdict === v).length))]
  ]
  const w = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)))
  const text = rows.map((r) => r.map((x, i) => x.padEnd(w[i]!)).join('  ')).join('\n')
  const failing = results.filter(failed).map((r) => `${r.verdict} ${r.case}: ${r.reason}`)
  return `\nattack suite matrix\n${text}\n${failing.join('\n')}\n`
}
