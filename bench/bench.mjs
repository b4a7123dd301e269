// The benchmark: the firewall's cost against the same work without it, on this machine, with
// the lab as the internet (all traffic stays on the machine). `npm run bench` (root, after
// scripts/setup.sh). Prints a table and writes bench/out/latest.json. Targets are checked and
// reported here, never in tests. See docs/performance.md for the method.
import { execFileSync, spawn } from 'node:child_process'
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir, cpus, totalmem } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { freshStart, imageSizes } from './fresh.mjs'
import { reapersDone } from './reapers.mjs'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const CLI = join(ROOT, 'dist', 'cli.js')
const LAB = JSON.parse(readFileSync(join(ROOT, 'lab', 'hosts.json'), 'utf8'))
const RESOLVER = LAB.addresses.resolver
const quick = process.argv.includes('--quick')
const WARM_RUNS = quick ? 3 : 7
const FRESH_RUNS = quick ? 1 : 3
const REQUESTS = quick ? 50 : 200
const BULK_MB = quick ? 50 : 200
const SCALE_REQUESTS = quick ? 20 : 50
const skipCold = process.argv.includes('--no-cold')
/** `--only=throughput,latency` runs just those sections (for tuning); the table needs all. */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',')
const wanted = (section) => !only || only.includes(section)

const TARGETS = {
  warmOverheadMs: 1000,
  freshToCommandMs: 8000,
  proxyImageMB: 80,
  agentImageMB: 40,
  addedLatencyMs: 1,
  throughputMBs: 500,
  proxyPeakMB: 40,
  scaleLatencyRatio: 1.2
}

function sh(cmd, args, opts = {}) {
  return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...opts })
}

/** Runs a command to completion: output, exit code and wall time in ms. */
function timed(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const started = process.hrtime.bigint()
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => (stdout += d))
    child.stderr.on('data', (d) => (stderr += d))
    child.on('close', (code) =>
      resolve({
        code,
        stdout,
        stderr,
        ms: Number(process.hrtime.bigint() - started) / 1e6,
        endedNs: process.hrtime.bigint()
      })
    )
  })
}

const cli = (args, cwd) => timed('node', [CLI, ...args], { cwd })

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b)
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[i]
}
const median = (values) => percentile(values, 50)
const round = (v, d = 2) => Math.round(v * 10 ** d) / 10 ** d

/** Phase timings the CLI prints on stderr: `awf: <phase> (<ms> ms)`. */
function phases(stderr) {
  // Not a phase of its own: the walk for root-only files when the command runs as root (the
  // benchmark's case; a hosted runner's user is not root), part of the time before the proxy.
  const scan = /entries scanned in (\d+) ms\)$/m.exec(stderr)
  return Object.fromEntries([
    ...[...stderr.matchAll(/^awf: (.+) \((\d+) ms\)$/gm)].map((m) => [m[1], Number(m[2])]),
    ...(scan ? [['(root-only scan)', Number(scan[1])]] : [])
  ])
}

function ensure(ok, message) {
  if (!ok) {
    process.stderr.write(`bench: ${message}\n`)
    process.exit(1)
  }
}

const localImage = (kind) =>
  `awf-${kind}:${sh('bash', [join(ROOT, 'scripts', 'image-tag.sh'), join(ROOT, 'containers', kind), 'awf-base:bookworm']).trim()}`
const agentImage = () => localImage('agent')
/** The runner's /usr and /etc, as host mode shows them: our agent image has only the canary's tools. */
const RUNNER_TOOLS = ['-v', '/usr:/usr:ro', '-v', '/etc:/etc:ro']

const policyArgs = (domains = 'allowed.test') => [
  '--allow-domains',
  domains,
  '--dns-servers',
  RESOLVER
]

/** The unfirewalled control: the same image and tools on Docker's default bridge, lab resolver. */
function control(script, workspace) {
  return timed('docker', [
    'run',
    '--rm',
    '--dns',
    RESOLVER,
    ...RUNNER_TOOLS,
    '-v',
    `${workspace}:${workspace}`,
    '-w',
    workspace,
    '--entrypoint',
    'bash',
    agentImage(),
    '-c',
    script
  ])
}

// --- Warm overhead -------------------------------------------------------------------------

/** One run of `date`: wall time, time to the command's start, and the CLI's phase timings. */
async function toCommand(workspace, cliPath = CLI, extraArgs = []) {
  const startNs = process.hrtime.bigint()
  // `date` reports the moment the command starts (in the sandbox, same clock).
  const r = await timed(
    'node',
    [cliPath, 'run', ...extraArgs, ...policyArgs(), '--', 'date', '+%s%N'],
    {
      cwd: workspace
    }
  )
  ensure(r.code === 0, `run failed: ${r.stderr}`)
  const commandNs = BigInt(r.stdout.trim())
  const wallStartNs = BigInt(Date.now()) * 1000000n - (process.hrtime.bigint() - startNs)
  const toCommandMs = Number(commandNs - wallStartNs) / 1e6
  // Not timed: the next run starts on a machine at rest, as the next step of a job would.
  await reapersDone()
  return {
    totalMs: r.ms,
    toCommandMs,
    afterCommandMs: r.ms - toCommandMs,
    phases: phases(r.stderr),
    stderr: r.stderr
  }
}

/** Fresh runner: images pulled by digest from a loopback registry, none present before. */
async function fresh(workspace) {
  const local = { proxy: localImage('proxy'), agent: agentImage() }
  const sizesMB = imageSizes(local)
  const { runs } = await freshStart({
    root: ROOT,
    local,
    runs: FRESH_RUNS,
    toCommand: (cliPath) => toCommand(workspace, cliPath)
  })
  const names = Object.keys(runs[0].phases)
  return {
    runs: runs.length,
    toCommandMs: round(median(runs.map((r) => r.toCommandMs)), 0),
    totalMs: round(median(runs.map((r) => r.totalMs)), 0),
    phasesMs: Object.fromEntries(names.map((n) => [n, median(runs.map((r) => r.phases[n] ?? 0))])),
    imageSizesMB: sizesMB
  }
}

/**
 * A hosted runner's user is not root (uid 1001 there): the command runs as that user, and the
 * root-only scan (a root command's alone) does not happen.
 */
const RUNNER_USER = ['--user', '1001:1001']

const warmFigures = (runs) => ({
  totalMs: round(median(runs.map((r) => r.totalMs)), 0),
  toCommandMs: round(median(runs.map((r) => r.toCommandMs)), 0),
  afterCommandMs: round(median(runs.map((r) => r.afterCommandMs)), 0),
  phasesMs: Object.fromEntries(
    Object.keys(runs[0].phases).map((n) => [n, median(runs.map((r) => r.phases[n] ?? 0))])
  )
})

async function warmOverhead(workspace) {
  // Warm-up: images built, caches hot.
  ensure(
    (await cli(['run', ...policyArgs(), '--', 'true'], workspace)).code === 0,
    'warm-up run failed'
  )
  // Alternating, so both see the same machine: as root (this machine's user) and as a
  // hosted runner's user.
  const runs = []
  const asRunnerUser = []
  for (let i = 0; i < WARM_RUNS; i++) {
    runs.push(await toCommand(workspace))
    asRunnerUser.push(await toCommand(workspace, CLI, RUNNER_USER))
  }
  // The floor: the agent image running `true` (from the runner's /usr, as in host mode).
  const floor = []
  const image = agentImage()
  for (let i = 0; i < WARM_RUNS; i++)
    floor.push((await timed('docker', ['run', '--rm', ...RUNNER_TOOLS, image, 'true'])).ms)
  return {
    runs: WARM_RUNS,
    ...warmFigures(runs),
    floorMs: round(median(floor), 0),
    asRunnerUser: warmFigures(asRunnerUser)
  }
}

// --- Latency -------------------------------------------------------------------------------

const curlLoop = (url, n, extra = '') =>
  `for i in $(seq ${n}); do curl -s -o /dev/null ${extra} -w '%{time_total}\\n' '${url}' || echo fail; done`

function latencies(stdout) {
  const lines = stdout.split('\n').filter(Boolean)
  ensure(!lines.includes('fail'), `a request failed:\n${stdout.slice(0, 500)}`)
  return lines.map((l) => Number(l) * 1000).filter((v) => Number.isFinite(v))
}

function stats(values) {
  return {
    p50: round(percentile(values, 50), 3),
    p95: round(percentile(values, 95), 3),
    p99: round(percentile(values, 99), 3)
  }
}

async function latency(workspace, domains = 'allowed.test', n = REQUESTS) {
  const ca = join(workspace, 'ca.crt')
  const script = [
    curlLoop('http://allowed.test/latency', n),
    'echo ---',
    curlLoop('https://allowed.test/latency', n, `--cacert ${ca}`)
  ].join('\n')
  const fw = await cli(['run', ...policyArgs(domains), '--', 'bash', '-c', script], workspace)
  ensure(fw.code === 0, `firewalled latency run failed: ${fw.stderr}`)
  const [fwHttp, fwHttps] = fw.stdout.split('---\n').map(latencies)
  const direct = await control(script, workspace)
  ensure(direct.code === 0, `control latency run failed: ${direct.stderr}`)
  const [dHttp, dHttps] = direct.stdout.split('---\n').map(latencies)
  const side = (f, d) => ({
    firewall: stats(f),
    direct: stats(d),
    addedP50: round(median(f) - median(d), 3)
  })
  return {
    requests: n,
    http: side(fwHttp, dHttp),
    https: side(fwHttps, dHttps),
    phases: phases(fw.stderr)
  }
}

// --- Throughput and proxy memory -----------------------------------------------------------

/** Peak RSS (VmHWM) summed over the proxy container's processes, sampled while it runs. */
function watchProxyMemory() {
  let peakKb = 0
  let stopped = false
  const sample = () => {
    try {
      const names = sh('docker', [
        'ps',
        '--filter',
        'label=awf.run',
        '--filter',
        'name=-proxy',
        '--format',
        '{{.Names}}'
      ])
        .split('\n')
        .filter(Boolean)
      for (const name of names) {
        const pids = sh('docker', ['top', name, '-eo', 'pid'])
          .split('\n')
          .slice(1)
          .map((l) => l.trim())
          .filter(Boolean)
        let kb = 0
        for (const pid of pids) {
          const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
          if (m) kb += Number(m[1])
        }
        peakKb = Math.max(peakKb, kb)
      }
    } catch {
      // The container went away between two samples.
    }
  }
  const loop = async () => {
    while (!stopped) {
      sample()
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  const done = loop()
  return async () => {
    stopped = true
    await done
    return round(peakKb / 1024, 1)
  }
}

async function throughput(workspace) {
  const bytes = BULK_MB * 1024 * 1024
  const script = (scheme, ca) =>
    `curl -sS -o /dev/null ${ca} -w '%{speed_download} %{size_download}\\n' ${scheme}://allowed.test/bytes/${bytes}; sleep 1`
  const ca = `--cacert ${join(workspace, 'ca.crt')}`
  const out = {}
  let proxyPeakMB = 0
  for (const [scheme, extra] of [
    ['http', ''],
    ['https', ca]
  ]) {
    const stop = watchProxyMemory()
    const fw = await cli(
      ['run', ...policyArgs(), '--', 'bash', '-c', script(scheme, extra)],
      workspace
    )
    proxyPeakMB = Math.max(proxyPeakMB, await stop())
    ensure(fw.code === 0, `firewalled download failed: ${fw.stderr}`)
    const direct = await control(script(scheme, extra), workspace)
    ensure(direct.code === 0, `direct download failed: ${direct.stderr}`)
    const mbs = (s) => {
      const [speed, size] = s.trim().split(' ').map(Number)
      ensure(size === bytes, `download was ${size} bytes, expected ${bytes}`)
      return round(speed / 1024 / 1024, 0)
    }
    out[scheme] = { firewallMBs: mbs(fw.stdout), directMBs: mbs(direct.stdout) }
    out[scheme].ratio = round(out[scheme].firewallMBs / out[scheme].directMBs, 2)
  }
  return { sizeMB: BULK_MB, ...out, proxyPeakMB }
}

// --- Interception (issue 16) ---------------------------------------------------------------

/**
 * The same lab server (allowed.test's address, port 443) through a spliced tunnel
 * (allowed.test) and an intercepted one (sub.allowed.test, named by a credential header):
 * latency of sequential requests and a bulk download, in one firewalled run, so that the
 * difference is what decrypting and re-encrypting costs. `--only=interception`.
 */
async function interception(workspace) {
  const bytes = BULK_MB * 1024 * 1024
  const download = (host) =>
    `curl -sS -o /dev/null -w '%{speed_download} %{size_download}\\n' https://${host}/bytes/${bytes}`
  const script = [
    curlLoop('https://allowed.test/latency', REQUESTS),
    'echo ---',
    curlLoop('https://sub.allowed.test/latency', REQUESTS),
    'echo ---',
    download('allowed.test'),
    download('sub.allowed.test')
  ].join('\n')
  const stop = watchProxyMemory()
  const fw = await timed(
    'node',
    [
      CLI,
      'run',
      ...policyArgs(),
      '--ca-certificates',
      'ca.crt',
      '--credentials',
      'sub.allowed.test x-awf-bench=${AWF_BENCH_KEY}',
      '--',
      'bash',
      '-c',
      script
    ],
    { cwd: workspace, env: { ...process.env, AWF_BENCH_KEY: 'bench-key-not-a-secret' } }
  )
  const proxyPeakMB = await stop()
  ensure(fw.code === 0, `intercepted run failed: ${fw.stderr}`)
  const [spliced, intercepted, downloads] = fw.stdout.split('---\n')
  const [splicedMBs, interceptedMBs] = downloads
    .trim()
    .split('\n')
    .map((line) => {
      const [speed, size] = line.split(' ').map(Number)
      ensure(size === bytes, `download was ${size} bytes, expected ${bytes}`)
      return round(speed / 1024 / 1024, 0)
    })
  const a = latencies(spliced)
  const b = latencies(intercepted)
  return {
    requests: REQUESTS,
    spliced: { latency: stats(a), MBs: splicedMBs },
    intercepted: { latency: stats(b), MBs: interceptedMBs },
    addedP50: round(median(b) - median(a), 3),
    throughputRatio: round(interceptedMBs / splicedMBs, 2),
    proxyPeakMB,
    phases: phases(fw.stderr)
  }
}

// --- Cold start ----------------------------------------------------------------------------

async function coldStart(workspace) {
  // Only this checkout's images: other checkouts may share the Docker engine.
  const ours = sh('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'])
    .split('\n')
    .filter((i) => i === localImage('proxy') || i === localImage('agent'))
  if (ours.length > 0) sh('docker', ['rmi', '--force', ...ours])
  const startNs = process.hrtime.bigint()
  const r = await cli(['run', ...policyArgs(), '--', 'date', '+%s%N'], workspace)
  ensure(r.code === 0, `cold run failed: ${r.stderr}`)
  const wallStartNs = BigInt(Date.now()) * 1000000n - (process.hrtime.bigint() - startNs)
  return {
    toCommandMs: round(Number(BigInt(r.stdout.trim()) - wallStartNs) / 1e6, 0),
    phasesMs: phases(r.stderr)
  }
}

// --- Scale ---------------------------------------------------------------------------------

async function scale(workspace) {
  const out = []
  for (const n of [5, 500, 5000]) {
    const domains = [
      'allowed.test',
      ...Array.from({ length: n - 1 }, (_, i) => `d${i}.example${i % 7}.test`)
    ]
    const file = join(workspace, `policy-${n}.yml`)
    writeFileSync(file, `allow-domains:\n${domains.map((d) => `  - ${d}`).join('\n')}\n`)
    const renderDir = mkdtempSync(join(tmpdir(), 'awf-bench-render-'))
    const render = await cli(
      ['render', '--policy', file, '--dns-servers', RESOLVER, '--out', renderDir],
      workspace
    )
    rmSync(renderDir, { recursive: true, force: true })
    ensure(render.code === 0, `render failed: ${render.stderr}`)
    const script = curlLoop('http://allowed.test/scale', SCALE_REQUESTS)
    const fw = await cli(
      ['run', '--policy', file, '--dns-servers', RESOLVER, '--', 'bash', '-c', script],
      workspace
    )
    ensure(fw.code === 0, `scale run failed: ${fw.stderr}`)
    out.push({
      domains: n,
      renderMs: round(render.ms, 0),
      proxyStartMs: phases(fw.stderr)['Starting proxy'] ?? 0,
      armingMs: phases(fw.stderr)['Arming the sandbox'] ?? 0,
      httpP50Ms: round(median(latencies(fw.stdout)), 3)
    })
  }
  const base = out[0].httpP50Ms
  for (const row of out) row.latencyRatio = round(row.httpP50Ms / base, 2)
  return out
}

// --- Main ----------------------------------------------------------------------------------

function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  return rows.map((r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ')).join('\n')
}

async function main() {
  ensure(process.getuid?.() === 0, 'run as root (the firewall needs iptables)')
  ensure(
    sh('docker', ['version', '--format', '{{.Server.Version}}']).trim() !== '',
    'no Docker engine'
  )
  sh('bash', [join(ROOT, 'lab', 'lab.sh'), 'up'])
  sh('bash', [join(ROOT, 'lab', 'lab.sh'), 'check'])
  const workspace = mkdtempSync(join(tmpdir(), 'awf-bench-'))
  // Entered by the command as uid 1001 too (the warm runs as a hosted runner's user).
  chmodSync(workspace, 0o755)
  copyFileSync('/run/awf-lab/ca.crt', join(workspace, 'ca.crt'))
  const log = (s) => process.stderr.write(`bench: ${s}\n`)

  const result = {
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      cpu: cpus()[0]?.model,
      memoryGB: round(totalmem() / 2 ** 30, 1),
      node: process.version
    },
    quick
  }
  if (only) {
    for (const [name, run] of [
      ['warm', warmOverhead],
      ['fresh', fresh],
      ['latency', latency],
      ['throughput', throughput],
      ['interception', interception],
      ['scale', scale]
    ])
      if (wanted(name))
        process.stdout.write(`${name}: ${JSON.stringify(await run(workspace), null, 2)}\n`)
    rmSync(workspace, { recursive: true, force: true })
    return
  }
  log('warm overhead')
  result.warm = await warmOverhead(workspace)
  log('fresh runner (images pulled by digest from a loopback registry)')
  result.fresh = await fresh(workspace)
  log('request latency')
  result.latency = await latency(workspace)
  log('throughput and proxy memory')
  result.throughput = await throughput(workspace)
  log('scale with policy size')
  result.scale = await scale(workspace)
  if (!skipCold) {
    log('cold start (removes and rebuilds our images)')
    result.cold = await coldStart(workspace)
  }
  rmSync(workspace, { recursive: true, force: true })

  const w = result.warm
  const l = result.latency
  const t = result.throughput
  const s5000 = result.scale.at(-1)
  const verdict = (ok) => (ok ? 'met' : 'NOT met')
  result.targets = {
    warmOverhead: {
      target: `<= ${TARGETS.warmOverheadMs} ms over docker run`,
      value: w.totalMs - w.floorMs,
      met: w.totalMs - w.floorMs <= TARGETS.warmOverheadMs
    },
    warmOverheadRunnerUser: {
      target: `<= ${TARGETS.warmOverheadMs} ms over docker run`,
      value: w.asRunnerUser.totalMs - w.floorMs,
      met: w.asRunnerUser.totalMs - w.floorMs <= TARGETS.warmOverheadMs
    },
    freshToCommand: {
      target: `<= ${TARGETS.freshToCommandMs} ms`,
      value: result.fresh.toCommandMs,
      met: result.fresh.toCommandMs <= TARGETS.freshToCommandMs
    },
    proxyImage: {
      target: `<= ${TARGETS.proxyImageMB} MB`,
      value: result.fresh.imageSizesMB.proxy,
      met: result.fresh.imageSizesMB.proxy <= TARGETS.proxyImageMB
    },
    agentImage: {
      target: `<= ${TARGETS.agentImageMB} MB`,
      value: result.fresh.imageSizesMB.agent,
      met: result.fresh.imageSizesMB.agent <= TARGETS.agentImageMB
    },
    addedLatencyHttp: {
      target: `<= ${TARGETS.addedLatencyMs} ms`,
      value: l.http.addedP50,
      met: l.http.addedP50 <= TARGETS.addedLatencyMs
    },
    addedLatencyHttps: {
      target: `<= ${TARGETS.addedLatencyMs} ms`,
      value: l.https.addedP50,
      met: l.https.addedP50 <= TARGETS.addedLatencyMs
    },
    throughput: {
      target: `>= ${TARGETS.throughputMBs} MB/s`,
      value: t.http.firewallMBs,
      met: t.http.firewallMBs >= TARGETS.throughputMBs
    },
    proxyMemory: {
      target: `<= ${TARGETS.proxyPeakMB} MB`,
      value: t.proxyPeakMB,
      met: t.proxyPeakMB <= TARGETS.proxyPeakMB
    },
    scaleLatency: {
      target: `<= ${TARGETS.scaleLatencyRatio}x`,
      value: s5000.latencyRatio,
      met: s5000.latencyRatio <= TARGETS.scaleLatencyRatio
    }
  }

  const rows = [
    ['figure', 'firewall', 'without', 'difference', 'target'],
    [
      'warm run of `true` (wall)',
      `${w.totalMs} ms`,
      `${w.floorMs} ms (docker run)`,
      `${w.totalMs - w.floorMs} ms`,
      `${verdict(result.targets.warmOverhead.met)} (<= 1000 ms more)`
    ],
    ['  start -> command', `${w.toCommandMs} ms`, '', '', ''],
    ['  command -> end', `${w.afterCommandMs} ms`, '', '', ''],
    ...Object.entries(w.phasesMs).map(([p, ms]) => [`    ${p}`, `${ms} ms`, '', '', '']),
    [
      "warm run of `true` (wall), as uid 1001 (a hosted runner's user)",
      `${w.asRunnerUser.totalMs} ms`,
      `${w.floorMs} ms (docker run)`,
      `${w.asRunnerUser.totalMs - w.floorMs} ms`,
      `${verdict(result.targets.warmOverheadRunnerUser.met)} (<= 1000 ms more)`
    ],
    ['  start -> command', `${w.asRunnerUser.toCommandMs} ms`, '', '', ''],
    ['  command -> end', `${w.asRunnerUser.afterCommandMs} ms`, '', '', ''],
    [
      'fresh runner: start -> command (pull from loopback registry)',
      `${result.fresh.toCommandMs} ms`,
      '',
      '',
      `${verdict(result.targets.freshToCommand.met)} (<= 8000 ms)`
    ],
    ...Object.entries(result.fresh.phasesMs).map(([p, ms]) => [`    ${p}`, `${ms} ms`, '', '', '']),
    [
      'image size: proxy / agent',
      `${result.fresh.imageSizesMB.proxy} / ${result.fresh.imageSizesMB.agent} MB`,
      '',
      '',
      `${verdict(result.targets.proxyImage.met)} (<= 80) / ${verdict(result.targets.agentImage.met)} (<= 40)`
    ],
    [
      'HTTP latency p50/p95/p99',
      `${l.http.firewall.p50}/${l.http.firewall.p95}/${l.http.firewall.p99} ms`,
      `${l.http.direct.p50}/${l.http.direct.p95}/${l.http.direct.p99} ms`,
      `+${l.http.addedP50} ms`,
      `${verdict(result.targets.addedLatencyHttp.met)} (<= 1 ms)`
    ],
    [
      'HTTPS latency p50/p95/p99',
      `${l.https.firewall.p50}/${l.https.firewall.p95}/${l.https.firewall.p99} ms`,
      `${l.https.direct.p50}/${l.https.direct.p95}/${l.https.direct.p99} ms`,
      `+${l.https.addedP50} ms`,
      `${verdict(result.targets.addedLatencyHttps.met)} (<= 1 ms)`
    ],
    [
      `${t.sizeMB} MB download, HTTP`,
      `${t.http.firewallMBs} MB/s`,
      `${t.http.directMBs} MB/s`,
      `x${t.http.ratio}`,
      `${verdict(result.targets.throughput.met)} (>= 500 MB/s)`
    ],
    [
      `${t.sizeMB} MB download, HTTPS`,
      `${t.https.firewallMBs} MB/s`,
      `${t.https.directMBs} MB/s`,
      `x${t.https.ratio}`,
      ''
    ],
    [
      'proxy peak RSS (Squid + dnsmasq)',
      `${t.proxyPeakMB} MB`,
      '',
      '',
      `${verdict(result.targets.proxyMemory.met)} (<= 40 MB)`
    ],
    ...result.scale.map((r) => [
      `${r.domains} domains: render / proxy start / HTTP p50`,
      `${r.renderMs} / ${r.proxyStartMs} / ${r.httpP50Ms} ms`,
      '',
      `x${r.latencyRatio}`,
      r.domains === 5000 ? `${verdict(result.targets.scaleLatency.met)} (<= 1.2x)` : ''
    ]),
    ...(result.cold
      ? [['cold start -> command (images absent)', `${result.cold.toCommandMs} ms`, '', '', '']]
      : [])
  ]
  process.stdout.write(`${table(rows)}\n`)
  mkdirSync(join(ROOT, 'bench', 'out'), { recursive: true })
  writeFileSync(join(ROOT, 'bench', 'out', 'latest.json'), `${JSON.stringify(result, null, 2)}\n`)
  log(`results in ${join('bench', 'out', 'latest.json')}`)
}

await main()
