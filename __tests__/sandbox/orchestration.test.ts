/**
 * The run's sequence with a fake runner (no root, no Docker): the order of the phases, each
 * resource declared before it is created, teardown of everything created when any phase
 * fails, and the exit status in each way a command can end.
 */
import { existsSync, mkdtempSync } from 'node:fs'
import { join } from 'node:path'
import { ExitCode } from '../../src/common/exit-codes.js'
import { buildPolicy } from '../../src/policy/index.js'
import { commandExitCode } from '../../src/sandbox/command.js'
import { probeLease } from '../../src/sandbox/lease.js'
import { parseJob } from '../../src/sandbox/reaper.js'
import { runSandboxed } from '../../src/sandbox/run.js'
import { setLogger } from '../../src/sandbox/log.js'
import type { RunOutcome, SandboxRequest } from '../../src/sandbox/types.js'
import { FakeSandbox, type FakeOptions, type RecordedCommand } from './fake-sandbox.js'
import { scratchDir } from '../helpers/scratch.js'

const RUN_ID = '0a1b2c3d'

function request(overrides: Partial<SandboxRequest> = {}): SandboxRequest {
  const tempRoot = scratchDir('awf-orchestration-')
  return {
    policy: buildPolicy({ 'allow-domains': 'allowed.test', 'dns-servers': '198.18.0.53' }, 'flag')
      .policy,
    command: ['true'],
    workspace: tempRoot,
    tempRoot,
    logsDir: join(tempRoot, 'logs'),
    agent: {
      uid: 1001,
      gid: 1001,
      env: {},
      runner: { runnerHome: '/home/runner', commandFiles: [] },
      limits: { timeoutMs: 0, memoryBytes: 1 << 30, pidsLimit: 100, tty: false }
    },
    hostFirewall: true,
    protectGit: true,
    images: {},
    stdio: 'ignore',
    leaseDir: mkdtempSync(join(tempRoot, 'leases-')),
    ...overrides
  }
}

async function start(
  options: FakeOptions = {},
  overrides: Partial<SandboxRequest> = {}
): Promise<{ fake: FakeSandbox; phases: string[]; result: RunOutcome | Error }> {
  const fake = new FakeSandbox(options)
  const phases: string[] = []
  const result = await runSandboxed(
    fake.deps(),
    request(overrides),
    {
      phase: (title, step) => {
        phases.push(title)
        fake.commands.push({ argv: ['#phase', title], declared: fake.declared })
        return step()
      },
      onResources: fake.onResources
    },
    RUN_ID
  ).catch((e: unknown) => e as Error)
  return { fake, phases, result }
}

const nameOf = (c: RecordedCommand): string | undefined => {
  const i = c.argv.indexOf('--name')
  return i > 0 ? c.argv[i + 1] : undefined
}
const networksCreated = (fake: FakeSandbox): string[] =>
  fake.ran('docker', 'network', 'create').map((c) => c.argv[c.argv.length - 1]!)
const containersCreated = (fake: FakeSandbox): string[] =>
  fake.commands
    .filter((c) => c.argv[0] === 'docker' && (c.argv[1] === 'create' || c.argv[1] === 'run'))
    .map(nameOf)
    .filter((n): n is string => n !== undefined)

beforeAll(() =>
  setLogger({ debug: () => undefined, info: () => undefined, warning: () => undefined })
)

describe('the run as a sequence of phases', () => {
  test('phases run in order, and the outcome carries the command status', async () => {
    const { phases, result } = await start({ commandStatus: 7 })
    expect(phases).toEqual([
      'Checking Docker',
      'Preparing images and networks',
      'Applying host firewall rules',
      'Starting proxy',
      'Arming the sandbox',
      'Removing the sandbox'
    ])
    expect(result).toMatchObject({ runId: RUN_ID, exitCode: 7, timedOut: false, mode: 'host' })
  })

  test('host-firewall off: no host rule is applied, the helper installs the agent rules', async () => {
    const { fake, phases, result } = await start({}, { hostFirewall: false })
    expect(phases).not.toContain('Applying host firewall rules')
    expect(fake.ran('iptables-restore')).toEqual([])
    expect(containersCreated(fake)).toContain(`awf-${RUN_ID}-netadmin`)
    expect(result).toMatchObject({ exitCode: 0, hostFirewall: false })
  })

  test('every resource is declared (saved as state) before it is created', async () => {
    const { fake } = await start()
    for (const c of fake.ran('docker', 'network', 'create'))
      expect(c.declared?.networks).toContain(c.argv[c.argv.length - 1])
    for (const c of fake.commands.filter((x) => x.argv[1] === 'create' || x.argv[1] === 'run'))
      if (nameOf(c)) expect(c.declared?.containers).toContain(nameOf(c))
    const hostRestore = fake.ran('iptables-restore', '--noflush')[0]
    expect(hostRestore?.declared?.hostRules).toBe(true)
    expect(fake.snapshots[0]?.lease).toMatch(/\/0a1b2c3d\.lease$/)
    expect(fake.snapshots.find((s) => s.workDir)?.workDir).toBeDefined()
  })

  test('the lease is held from before the first resource until the last is gone', async () => {
    const { fake, result } = await start()
    const lease = fake.snapshots[0]!.lease!
    expect(fake.snapshots[0]).toMatchObject({ containers: [], networks: [], hostRules: false })
    expect(fake.snapshots[0]?.workDir).toBeUndefined()
    expect((result as RunOutcome).exitCode).toBe(0)
    expect(existsSync(lease)).toBe(false)
    expect(fake.declared?.lease).toBeUndefined()
    for (const c of fake.ran('docker', 'network', 'create'))
      expect(c.argv.join(' ')).toContain(`--label awf.lease=${lease}`)
  })

  test('a teardown that leaves something keeps the lease, unheld, for the next sweep', async () => {
    const { fake } = await start({ failOn: /^docker network rm/ })
    const lease = fake.snapshots[0]!.lease!
    expect(probeLease(lease)).toBe('free')
    expect(fake.declared?.lease).toBe(lease)
  })

  test.each<[string, FakeOptions]>([
    ['the engine check', { failOn: /^docker version/ }],
    ['creating the internal network', { failOn: /^docker network create .*-int$/ }],
    ['creating the egress network', { failOn: /^docker network create .*-egr$/ }],
    ['applying the host rules', { failOn: /^ip6tables-restore --noflush$/ }],
    ['creating the proxy', { failOn: /^docker create / }],
    ['starting the proxy', { failOn: /^docker start / }],
    ['waiting for the proxy', { failProbe: 'waitForProxy' }],
    ['the agent handshake', { failProbe: 'handshake' }],
    ['installing the agent rules', { failOn: /^nsenter .* iptables-restore/ }],
    ['the canary', { failProbe: 'canary' }]
  ])('a failure in %s removes exactly what was created', async (_what, options) => {
    const { fake, phases, result } = await start(options)
    expect(result).toBeInstanceOf(Error)
    expect(phases[phases.length - 1]).toBe('Removing the sandbox')
    const teardownAt = fake.commands.findIndex((c) => c.argv[1] === 'Removing the sandbox')
    const after = fake.commands.slice(teardownAt)
    const removedContainers = after.filter((c) => c.argv[1] === 'rm').flatMap((c) => c.argv)
    const removedNetworks = after
      .filter((c) => c.argv[1] === 'network' && c.argv[2] === 'rm')
      .flatMap((c) => c.argv)
    for (const n of networksCreated(fake)) expect(removedNetworks).toContain(n)
    for (const n of containersCreated(fake)) expect(removedContainers).toContain(n)
    const appliedHostRules = fake
      .ran('iptables-restore', '--noflush')
      .some((c) => fake.commands.indexOf(c) < teardownAt)
    if (appliedHostRules) expect(after.some((c) => c.argv[0] === 'iptables-save')).toBe(true)
    const workDir = fake.snapshots.find((s) => s.workDir)?.workDir
    expect(workDir && existsSync(workDir)).toBe(false)
    expect(fake.declared).toMatchObject({ containers: [], networks: [], hostRules: false })
    expect(fake.declared?.workDir).toBeUndefined()
  })

  test('a proxy that cannot be created: an agent already started is aborted before teardown', async () => {
    const { fake, result } = await start({ failOn: /^docker create / })
    expect(result).toBeInstanceOf(Error)
    const at = (match: (c: RecordedCommand) => boolean): number => fake.commands.findIndex(match)
    const agentRun = at((c) => c.argv[1] === 'run' && nameOf(c) === `awf-${RUN_ID}-agent`)
    const aborted = at((c) => c.argv[0] === '#abort')
    const teardown = at((c) => c.argv[1] === 'Removing the sandbox')
    // Planning may finish before the proxy fails (no root-only scan here): then the agent
    // has started, and is told to abort, and its run has ended, before anything is removed.
    if (agentRun >= 0) expect([agentRun < aborted, aborted < teardown]).toEqual([true, true])
    else expect(aborted).toBe(-1)
  })

  test('after a command that ended, the inert rest goes to the reaper, which takes the lease', async () => {
    const { fake, result } = await start({ reaper: true, commandStatus: 3 })
    expect((result as RunOutcome).exitCode).toBe(3)
    const teardownAt = fake.commands.findIndex((c) => c.argv[1] === 'Removing the sandbox')
    const after = fake.commands.slice(teardownAt)
    // Everything that runs or enforces is gone before the run returns...
    const removedContainers = after.filter((c) => c.argv[1] === 'rm').flatMap((c) => c.argv)
    for (const n of containersCreated(fake)) expect(removedContainers).toContain(n)
    expect(after.some((c) => c.argv[0] === 'iptables-save')).toBe(true)
    const workDir = fake.snapshots.find((s) => s.workDir)?.workDir
    expect(workDir && existsSync(join(workDir, 'secrets'))).toBe(false)
    // ...the networks, the work folder and the lease are the reaper's.
    expect(fake.ran('docker', 'network', 'rm')).toEqual([])
    const detached = fake.commands.filter((c) => c.argv[0] === '#detach')
    expect(detached).toHaveLength(1)
    expect(detached[0]!.argv[1]).toBe('/fake/dist/reap.js')
    const job = parseJob(detached[0]!.argv[2]!)
    expect(job?.resources.networks).toEqual(networksCreated(fake))
    expect(job?.resources.workDir).toBe(workDir)
    expect(job?.resources.containers).toEqual([])
    const lease = fake.snapshots[0]!.lease!
    expect(fake.detachedFds).toHaveLength(1)
    expect(job?.resources.lease).toBe(lease)
    // The run let go of its own descriptor and left the files: the reaper (here a fake that
    // holds nothing) removes them, or the next sweep finds a free lease.
    expect(probeLease(lease)).toBe('free')
    expect(fake.declared?.networks).toEqual(networksCreated(fake))
  })

  test('with a reaper, a run that failed before its command still removes everything itself', async () => {
    const { fake, result } = await start({ reaper: true, failProbe: 'canary' })
    expect(result).toBeInstanceOf(Error)
    expect(fake.commands.some((c) => c.argv[0] === '#detach')).toBe(false)
    expect(fake.ran('docker', 'network', 'rm').length).toBe(1)
    expect(existsSync(fake.snapshots[0]!.lease!)).toBe(false)
  })

  test('with a reaper, a failure to remove a container keeps the whole teardown in-process', async () => {
    const { fake } = await start({ reaper: true, failOn: /^docker rm / })
    expect(fake.commands.some((c) => c.argv[0] === '#detach')).toBe(false)
    expect(fake.ran('docker', 'network', 'rm').length).toBe(1)
  })

  test('a failure before the command tells the agent to abort: the command never runs', async () => {
    const { fake, result } = await start({ failProbe: 'canary', commandStatus: 0 })
    expect(result).toBeInstanceOf(Error)
    expect((result as Error).message).toMatch(/enforcement canary failed/)
    expect(fake.ran('docker', 'rm').length).toBeGreaterThan(0)
  })
})

describe('a Docker daemon that is not on this runner: topology-only', () => {
  const remote = (base = request()): Partial<SandboxRequest> => ({
    agent: { ...base.agent, runner: { ...base.agent.runner, dockerHost: 'tcp://dind:2375' } }
  })
  const argvOf = (fake: FakeSandbox, suffix: string): string[] =>
    fake.commands.find((c) => c.argv[0] === 'docker' && c.argv.some((a) => a.endsWith(suffix)))
      ?.argv as string[]

  test('DOCKER_HOST over TCP: no host rule, no PID entered, probes on the daemon', async () => {
    const { fake, result } = await start({}, remote())
    expect(result).toMatchObject({ exitCode: 0, hostFirewall: false, mode: 'image' })
    const { topologyOnly } = result as RunOutcome
    expect(topologyOnly?.why).toMatch(/DOCKER_HOST .*tcp:\/\/dind:2375/)
    expect(topologyOnly?.notChecked.join('\n')).toMatch(/host rules: none applied/)
    expect(fake.ran('iptables-restore')).toEqual([])
    expect(fake.ran('nsenter')).toEqual([])
    expect(fake.ran('docker', 'inspect').some((c) => c.argv.join(' ').includes('Pid'))).toBe(false)
    const agent = argvOf(fake, '-agent')
    expect(agent).toContain('--init')
    // Only the run's folder and the workspace are mounted: nothing of the runner's /usr.
    expect(agent.join(' ')).not.toMatch(/source=\/usr/)
    expect(agent.join(' ')).not.toMatch(/target=\/awf\/init/)
    for (const probe of ['-paths', '-ready', '-inspect', '-netadmin'])
      expect(argvOf(fake, probe)).toBeDefined()
    expect(argvOf(fake, '-inspect')).toEqual(
      expect.arrayContaining(['--pid', `container:awf-${RUN_ID}-agent`])
    )
  })

  test("bridges that are not in our network namespace (a sidecar's socket) mean topology-only too", async () => {
    const { fake, result } = await start({ remoteDaemon: true })
    expect((result as RunOutcome).topologyOnly?.why).toMatch(
      /awfi-[0-9a-f]{8} is not in this machine's network/
    )
    expect(fake.ran('iptables-restore')).toEqual([])
  })

  test('docker-daemon remote: topology-only though the daemon looks local', async () => {
    const { fake, result } = await start({}, { remoteDaemon: true })
    expect((result as RunOutcome).topologyOnly?.why).toBe('docker-daemon is remote')
    expect(fake.ran('iptables-restore')).toEqual([])
    expect(fake.ran('nsenter')).toEqual([])
  })

  test('a daemon that does not see the shared folders is refused before the agent starts', async () => {
    const { fake, result } = await start({ nothingShared: true }, remote())
    expect((result as Error).message).toMatch(
      /does not see the run's folder .*the logs folder .*the workspace .* as this runner does/
    )
    expect(argvOf(fake, '-agent')).toBeUndefined()
    const removed = fake.ran('docker', 'network', 'rm').flatMap((c) => c.argv)
    for (const n of networksCreated(fake)) expect(removed).toContain(n)
  })

  test('allow-host-ports cannot work there and is refused with the reason', async () => {
    const base = request()
    const policy = buildPolicy(
      { 'allow-domains': 'allowed.test', 'dns-servers': '198.18.0.53', 'allow-host-ports': '8080' },
      'flag'
    ).policy
    const { result } = await start({}, { ...remote(base), policy })
    expect((result as Error).message).toMatch(/allow-host-ports cannot work in topology-only mode/)
  })

  test("a daemon sharing our network but not our PIDs is still refused: nothing enters the reported PID's namespace", async () => {
    const { fake, result } = await start({ foreignPid: true })
    expect((result as Error).message).toMatch(
      /reports the agent as PID \d+, which is not the agent/
    )
    expect(fake.ran('nsenter')).toEqual([])
    expect(fake.ran('docker', 'rm').length).toBeGreaterThan(0)
  })

  test('the same with host-firewall off: refused before go, the helper never runs', async () => {
    const { fake, result } = await start({ foreignPid: true }, { hostFirewall: false })
    expect((result as Error).message).toMatch(/processes are not \(a sidecar in the same pod\)/)
    expect(fake.ran('docker', 'run').some((c) => c.argv.join(' ').includes('-netadmin'))).toBe(
      false
    )
  })
})

describe('exit status', () => {
  test.each([
    [{ status: 0, timedOut: false }, 0],
    [{ status: 42, timedOut: false }, 42],
    [{ status: 137, timedOut: true }, ExitCode.timeout],
    [{ status: 137, timedOut: false, firewallFailure: 'proxy died' }, ExitCode.sandbox],
    [{ status: 137, timedOut: true, firewallFailure: 'proxy died' }, ExitCode.sandbox]
  ])('%j exits %i', (end, code) => {
    expect(commandExitCode(end)).toBe(code)
  })

  test('agent-timeout kills the agent and the run exits 124', async () => {
    const { fake, result } = await start(
      { hangs: true },
      {
        agent: {
          ...request().agent,
          limits: { timeoutMs: 50, memoryBytes: 1 << 30, pidsLimit: 100, tty: false }
        }
      }
    )
    expect(result).toMatchObject({ exitCode: ExitCode.timeout, timedOut: true })
    expect(fake.ran('docker', 'rm').some((c) => c.argv.includes(`awf-${RUN_ID}-agent`))).toBe(true)
  })

  test('a proxy that dies under the command kills it, and the run exits 125', async () => {
    const { result } = await start({ hangs: true, proxyDies: true })
    expect(result).toMatchObject({ exitCode: ExitCode.sandbox })
    expect((result as RunOutcome).firewallFailure).toMatch(/proxy container stopped/)
  })
})
