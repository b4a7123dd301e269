/**
 * Runs killed at every phase and at random instants (SIGKILL, as an out-of-memory killer or a
 * cancelled runner would). After each kill: the sandbox left running refuses what the policy
 * refuses (probed from inside it, lab hosts only), the next run succeeds and nothing of the
 * dead run remains; for the action, the post step alone removes everything.
 *
 * AWF_KILL_TRIALS sets the number of random instants (bench/kill-soak.sh runs many more).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { actionInputEnv } from '../helpers/action.js'
import { CLI, runCli } from '../helpers/cli.js'
import {
  ensureLab,
  LAB,
  LAB_CA,
  LAB_RESOLVER,
  labLog,
  newNonce,
  ROOT,
  waitForReapers
} from '../helpers/lab.js'
import { describeWith } from '../helpers/require-tool.js'

const POLICY = ['--allow-domains', 'allowed.test', '--dns-servers', LAB_RESOLVER]
const LEASES = '/run/awf/leases'
const RANDOM_TRIALS = Number(process.env.AWF_KILL_TRIALS ?? 30)
const RUNNING = 'armed-and-running'
const ENDING = 'command-ending'

const sh = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

function leaseIds(): Set<string> {
  try {
    return new Set(
      readdirSync(LEASES)
        .map((n) => /^([0-9a-f]{8})\.lease$/.exec(n)?.[1])
        .filter((x): x is string => x !== undefined)
    )
  } catch {
    return new Set()
  }
}

/** What of run `id` is left anywhere the sweep must look (the logs folder is kept by design). */
function remains(id: string, tempRoot: string): string[] {
  waitForReapers()
  const out: string[] = []
  const lines = (text: string): string[] => text.split('\n').filter(Boolean)
  const label = `label=awf.run=${id}`
  out.push(
    ...lines(sh('docker', ['ps', '-a', '--filter', label, '--format', '{{.Names}}'])).map(
      (n) => `container ${n}`
    ),
    ...lines(sh('docker', ['network', 'ls', '--filter', label, '--format', '{{.Name}}'])).map(
      (n) => `network ${n}`
    )
  )
  for (const tool of ['iptables-save', 'ip6tables-save'])
    out.push(...lines(sh(tool, [])).filter((l) => l.includes(`AWF-${id}`)))
  for (const [dir, prefix] of [
    [tempRoot, `awf-${id}-`],
    [LEASES, `${id}.`]
  ] as const)
    if (existsSync(dir))
      out.push(
        ...readdirSync(dir)
          .filter((n) => n.startsWith(prefix))
          .map((n) => join(dir, n))
      )
  return out
}

/**
 * The dead run's commands that were already under way (a `docker network create`, an
 * `iptables-restore`) finish on their own: wait for them, leaving only the agent's attached
 * `docker run`, which lives as long as its container.
 */
function waitForInFlight(pgid: number): void {
  const deadline = Date.now() + 15000
  while (Date.now() < deadline) {
    let ps = ''
    try {
      ps = sh('pgrep', ['-a', '-g', String(pgid)])
    } catch {
      return // no process left in the group
    }
    const busy = ps.split('\n').filter((l) => l && !/--name awf-[0-9a-f]{8}-agent/.test(l))
    if (busy.length === 0) return
    execFileSync('sleep', ['0.1'])
  }
  throw new Error('the killed run’s commands did not finish within 15 s')
}

interface Killed {
  readonly id?: string
  readonly output: string
  readonly pgid: number
}

/** Starts `argv` in its own process group and SIGKILLs its first process at `when`. */
async function killAt(
  start: () => ChildProcess,
  when: { pattern: RegExp; delayMs?: number } | { afterMs: number }
): Promise<Killed> {
  const before = leaseIds()
  const child = start()
  let output = ''
  let fired = false
  const kill = (): void => {
    if (!fired) {
      fired = true
      child.kill('SIGKILL')
    }
  }
  const watch = (d: Buffer): void => {
    output += d.toString()
    if ('pattern' in when && !fired && when.pattern.test(output))
      setTimeout(kill, when.delayMs ?? 0)
  }
  child.stdout!.on('data', watch)
  child.stderr!.on('data', watch)
  if ('afterMs' in when) setTimeout(kill, when.afterMs)
  // Not `close`: the orphaned agent's `docker run` keeps our pipes open, so we let go of them.
  await new Promise((resolve) => child.once('exit', resolve))
  child.stdout!.destroy()
  child.stderr!.destroy()
  waitForInFlight(child.pid!)
  const id = [...leaseIds()].find((x) => !before.has(x))
  return { id, output, pgid: child.pid! }
}

/**
 * From inside a sandbox left running: what the policy refuses must still be refused. An agent
 * that was not told `go` exits on its own when its owner dies; undefined if it went meanwhile.
 */
function probeOrphan(id: string): { output: string; nonce: string } | undefined {
  const nonce = newNonce()
  const a = LAB.addresses
  // Each probe is bounded: a dropped packet must not hold the probe for TCP's minutes.
  const script = [
    `timeout 4 curl -s --max-time 3 http://blocked.test/${nonce}-proxied; echo " proxied=$?"`,
    `timeout 4 curl -s --max-time 3 --noproxy '*' http://${a.blocked}/${nonce}-direct; echo " direct=$?"`,
    `timeout 4 bash -c 'exec 3<>/dev/tcp/${a.sink}/22 && echo ${nonce}-tcp >&3' 2>/dev/null; echo " tcp=$?"`,
    `timeout 4 bash -c 'echo ${nonce}-udp > /dev/udp/${a.sink}/9' 2>/dev/null; echo " udp=$?"`,
    `timeout 4 getent hosts ${nonce}.blocked.test; echo " dns=$?"`
  ].join('\n')
  // A container killed mid-start can refuse one exec while it settles: asked twice at most.
  for (let attempt = 1; ; attempt++) {
    try {
      const output = execFileSync('docker', ['exec', `awf-${id}-agent`, 'bash', '-c', script], {
        encoding: 'utf8',
        timeout: 30000,
        stdio: ['ignore', 'pipe', 'pipe']
      })
      return { output, nonce }
    } catch (e) {
      if (!agentRunning(id)) return undefined
      if (attempt >= 2) throw e
      execFileSync('sleep', ['1'])
    }
  }
}

function agentRunning(id: string): boolean {
  try {
    return (
      sh('docker', ['inspect', '-f', '{{.State.Running}}', `awf-${id}-agent`]).trim() === 'true'
    )
  } catch {
    return false
  }
}

/** A reproducible sequence of instants (ms), so a failing trial can be run again. */
function instants(seed: number, count: number, maxMs: number): number[] {
  let x = seed
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) % 2 ** 31
    return Math.floor((x / 2 ** 31) * maxMs)
  })
}

/** The action's main or post step as the runner starts it, with its state file. */
function actionStep(
  entry: 'main' | 'post',
  dir: string,
  inputs: Record<string, string>,
  state: Record<string, string> = {}
): ChildProcess {
  const stateFile = join(dir, `${entry}.state`)
  writeFileSync(stateFile, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    GITHUB_STATE: stateFile,
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    ...state,
    ...actionInputEnv(inputs)
  }
  return spawn('node', [join(ROOT, 'dist', `${entry}.js`)], {
    env,
    cwd: dir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe']
  })
}

/** The runner hands the main step's saved state to the post step as STATE_<name>. */
function savedState(dir: string): Record<string, string> {
  const text = readFileSync(join(dir, 'main.state'), 'utf8')
  const env: Record<string, string> = {}
  for (const m of text.matchAll(/^(.+?)<<(ghadelimiter_[^\n]+)\n([\s\S]*?)\n\2$/gm))
    env[`STATE_${m[1]}`] = m[3]!
  return env
}

describeWith(
  { root: true, docker: true, tools: ['iptables-save', 'ip6tables-save', 'pgrep'] },
  'killed at any instant (integration)',
  () => {
    let workspace: string
    const startCli = (script: string) => () =>
      spawn('node', [CLI, 'run', ...POLICY, '--', 'bash', '-c', script], {
        cwd: workspace,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe']
      })

    beforeAll(() => {
      ensureLab()
      workspace = mkdtempSync(join(tmpdir(), 'awf-kill-'))
      copyFileSync(LAB_CA, join(workspace, 'ca.crt'))
      // Positive control for the orphan probes: the lab logs what reaches it.
      const nonce = newNonce()
      sh('curl', ['-s', '--max-time', '3', `http://${LAB.addresses.blocked}/${nonce}-control`])
      expect(labLog()).toContain(`${nonce}-control`)
    })
    afterAll(async () => {
      // A failed trial leaves its dead run: one more run sweeps it, so the suite leaves nothing.
      await runCli(['run', ...POLICY, '--', 'true'], workspace)
      rmSync(workspace, { recursive: true, force: true })
    })

    /** After a kill: the orphan (if any) holds, the next run succeeds and sweeps the dead one. */
    async function checkAfterKill(killed: Killed, expectOrphan: boolean): Promise<void> {
      const { id } = killed
      if (!id) return // killed before it took its lease: it had made nothing
      if (expectOrphan) expect(agentRunning(id)).toBe(true)
      const probe = agentRunning(id) ? probeOrphan(id) : undefined
      if (probe) {
        expect(probe.output).not.toContain('LAB-BLOCKED')
        expect(probe.output).toMatch(/tcp=[1-9]/)
        expect(probe.output).toMatch(/dns=[1-9]/)
        expect(labLog()).not.toContain(probe.nonce)
      }
      const next = await runCli(['run', ...POLICY, '--', 'true'], workspace)
      expect({ id, code: next.code, stderr: next.code === 0 ? '' : next.stderr }).toEqual({
        id,
        code: 0,
        stderr: ''
      })
      expect({ id, remains: remains(id, tmpdir()) }).toEqual({ id, remains: [] })
    }

    const LONG = `echo ${RUNNING}; sleep 20`
    const SHORT = `echo ${RUNNING}; echo ${ENDING}; sleep 0.1`
    const PHASES: [string, { pattern: RegExp; delayMs?: number }, boolean, string][] = [
      ['after the lease and the engine check', { pattern: /awf: Checking Docker/ }, false, LONG],
      ['after networks', { pattern: /awf: Preparing images and networks/ }, false, LONG],
      ['after host rules', { pattern: /awf: Applying host firewall rules/ }, false, LONG],
      ['after the proxy starts', { pattern: /awf: Starting proxy/ }, false, LONG],
      ['during arming', { pattern: /awf: Starting proxy/, delayMs: 250 }, false, LONG],
      ['during the command', { pattern: new RegExp(RUNNING) }, true, LONG],
      // The command ends 0.1 s after ENDING; the CLI's teardown then takes about 0.2 s more.
      ['during teardown', { pattern: new RegExp(ENDING), delayMs: 200 }, false, SHORT]
    ]

    test.each(PHASES)('the CLI killed %s', async (_name, when, orphan, script) => {
      const killed = await killAt(startCli(script), when)
      expect(killed.id).toBeDefined()
      await checkAfterKill(killed, orphan)
    })

    test(`the CLI killed at ${RANDOM_TRIALS} random instants`, async () => {
      const seed = Number(process.env.AWF_KILL_SEED ?? 20)
      for (const [i, afterMs] of instants(seed, RANDOM_TRIALS, 4500).entries()) {
        process.stderr.write(`kill trial ${i} (seed ${seed}): SIGKILL after ${afterMs} ms\n`)
        const killed = await killAt(startCli(`echo ${RUNNING}; sleep 1; echo ${ENDING}`), {
          afterMs
        })
        await checkAfterKill(killed, false)
      }
    })

    type When = { pattern: RegExp; delayMs?: number } | { afterMs: number }
    const ACTION_KILLS: [string, When, string][] = [
      ['after networks', { pattern: /::group::Applying host firewall rules/ }, LONG],
      ['after host rules', { pattern: /::group::Starting proxy/ }, LONG],
      ['after the proxy starts', { pattern: /::group::Arming the sandbox/ }, LONG],
      ['during the command', { pattern: new RegExp(RUNNING) }, LONG],
      ['during teardown', { pattern: /::group::Removing the sandbox/, delayMs: 100 }, SHORT],
      ...instants(7, 4, 4000).map((afterMs): [string, When, string] => [
        `after ${afterMs} ms`,
        { afterMs },
        LONG
      ])
    ]

    test.each(ACTION_KILLS)(
      'the action’s main step killed %s: the post step alone removes everything',
      async (_name, when, script) => {
        const dir = mkdtempSync(join(tmpdir(), 'awf-kill-action-'))
        try {
          const inputs = {
            'allow-domains': 'allowed.test',
            'dns-servers': LAB_RESOLVER,
            run: script
          }
          const killed = await killAt(() => actionStep('main', dir, inputs), when)
          const state = savedState(dir)
          const saved = state['STATE_sandbox-resources']
          if (!saved) return // killed before the run had anything to remember
          const id = (JSON.parse(saved) as { runId: string }).runId
          const post = actionStep('post', dir, {}, state)
          const postCode = await new Promise<number | null>((resolve) =>
            post.once('exit', (code) => resolve(code))
          )
          expect({ postCode, output: killed.output.length > 0 }).toEqual({
            postCode: 0,
            output: true
          })
          expect({ id, remains: remains(id, dir) }).toEqual({ id, remains: [] })
        } finally {
          rmSync(dir, { recursive: true, force: true })
        }
      }
    )
  }
)
