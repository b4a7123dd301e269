/**
 * The sweep against real Docker and iptables: runs are staged the way a run leaves them
 * (lease, record, work folder with secrets, containers, networks, chains in two tables and
 * both families), their owners are real processes (one in its own PID namespace), and what
 * the sweep does is checked in Docker, iptables and the filesystem. No traffic is sent.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Docker } from '../../src/sandbox/docker.js'
import { LOCAL_BASE_IMAGE } from '../../src/sandbox/images.js'
import { realExec, runCommand, type CommandRunner } from '../../src/sandbox/exec.js'
import { currentBootId, leasePath, probeLease } from '../../src/sandbox/lease.js'
import { Netfilter } from '../../src/sandbox/netfilter.js'
import { SECRETS_DIR } from '../../src/sandbox/removal.js'
import { sweep, type SweepOutcome } from '../../src/sandbox/sweep.js'
import { createNetworks } from '../../src/sandbox/topology.js'
import { parseIpv4Net } from '../../src/sandbox/subnets.js'
import { describeWith } from '../helpers/require-tool.js'

const sh = (cmd: string, args: string[], input?: string): string =>
  execFileSync(cmd, args, { encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'] })

interface Staged {
  readonly id: string
  readonly lease: string
  readonly folder: string
  owner?: ChildProcess
}

/** Any image with coreutils will do for a container that sleeps: the base scripts/setup.sh makes. */
function sleeperImage(): string {
  sh('docker', ['image', 'inspect', LOCAL_BASE_IMAGE])
  return LOCAL_BASE_IMAGE
}

/** A process holding the lease, as a run's owner would; `pidns`: in a PID namespace of its own. */
async function holdLease(lease: string, pidns: boolean): Promise<ChildProcess> {
  const script = `exec 3<>${lease}; echo up; exec sleep 600`
  const child = pidns
    ? spawn('unshare', ['--pid', '--fork', '--kill-child', '--mount-proc', 'bash', '-c', script], {
        stdio: ['ignore', 'pipe', 'ignore']
      })
    : spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'ignore'] })
  await new Promise((resolve) => child.stdout.once('data', resolve))
  return child
}

async function killOwner(run: Staged): Promise<void> {
  if (!run.owner || run.owner.exitCode !== null || run.owner.signalCode !== null) return
  const exited = new Promise((resolve) => run.owner!.once('exit', resolve))
  run.owner.kill('SIGKILL')
  await exited
  // In another PID namespace the holder is unshare's child, killed by the kernel a moment after
  // unshare itself (--kill-child): the lease is free once that child is gone (bounded wait).
  for (let i = 0; i < 50 && probeLease(run.lease) === 'held'; i++)
    await new Promise((r) => setTimeout(r, 100))
}

/** Everything a run leaves that can outlive it, staged for real; `leaseLabel` overrides where its labels say the lease is. */
async function stageRun(
  leaseDir: string,
  tempRoot: string,
  image: string,
  opts: { owner: 'dead' | 'live' | 'live-pidns'; leaseLabel?: string }
): Promise<Staged> {
  const id = randomBytes(4).toString('hex')
  const lease = leasePath(leaseDir, id)
  sh('mkfifo', ['-m', '0622', lease])
  writeFileSync(
    join(leaseDir, `${id}.json`),
    JSON.stringify({ runId: id, tempRoot, bootId: currentBootId(), pid: 0, started: '' })
  )
  const folder = mkdtempSync(join(tempRoot, `awf-${id}-`))
  mkdirSync(join(folder, SECRETS_DIR))
  writeFileSync(join(folder, SECRETS_DIR, 'api-key'), 'sk-test-not-a-real-key\n')
  const labels = [
    ['awf.run', id],
    ['awf.lease', opts.leaseLabel ?? lease],
    ['awf.boot', currentBootId()]
  ].flatMap(([k, v]) => ['--label', `${k}=${v}`])
  sh('docker', [
    'network',
    'create',
    '--internal',
    '-o',
    `com.docker.network.bridge.name=awfi-${id}`,
    ...labels,
    `awf-${id}-int`
  ])
  sh('docker', [
    'run',
    '-d',
    '--name',
    `awf-${id}-agent`,
    '--network',
    `awf-${id}-int`,
    ...labels,
    '--entrypoint',
    'sleep',
    image,
    '600'
  ])
  sh('docker', ['create', '--name', `awf-${id}-canary`, ...labels, image, 'true'])
  sh(
    'iptables-restore',
    ['--noflush'],
    [
      '*filter',
      `:AWF-${id} - [0:0]`,
      `:AWF-${id}-IN - [0:0]`,
      `-I DOCKER-USER -i awfi-${id} -j AWF-${id}`,
      `-I INPUT -i awfi-${id} -j AWF-${id}-IN`,
      `-A AWF-${id} -j DROP`,
      'COMMIT',
      '*nat',
      `:AWF-${id}-NAT - [0:0]`,
      `-I PREROUTING -i awfi-${id} -j AWF-${id}-NAT`,
      'COMMIT',
      ''
    ].join('\n')
  )
  sh(
    'ip6tables-restore',
    ['--noflush'],
    ['*filter', `:AWF-${id}-6 - [0:0]`, `-I INPUT -i awfi-${id} -j AWF-${id}-6`, 'COMMIT', ''].join(
      '\n'
    )
  )
  const run: Staged = { id, lease, folder }
  if (opts.owner !== 'dead') run.owner = await holdLease(lease, opts.owner === 'live-pidns')
  return run
}

/** What of a run is still there, in the words the sweep reports with. */
function remains(run: Staged): string[] {
  const out: string[] = []
  out.push(
    ...sh('docker', ['ps', '-a', '--filter', `label=awf.run=${run.id}`, '--format', '{{.Names}}'])
      .split('\n')
      .filter(Boolean)
      .map((n) => `container ${n}`),
    ...sh('docker', [
      'network',
      'ls',
      '--filter',
      `label=awf.run=${run.id}`,
      '--format',
      '{{.Name}}'
    ])
      .split('\n')
      .filter(Boolean)
      .map((n) => `network ${n}`)
  )
  for (const tool of ['iptables-save', 'ip6tables-save'])
    out.push(
      ...sh(tool, [])
        .split('\n')
        .filter((l) => l.includes(`AWF-${run.id}`))
        .map((l) => `${tool}: ${l}`)
    )
  if (existsSync(run.folder)) out.push(`folder ${run.folder}`)
  for (const f of [run.lease, run.lease.replace(/\.lease$/, '.json')])
    if (existsSync(f)) out.push(`lease file ${f}`)
  return out
}

function quietly(cmd: string, args: string[]): void {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' })
  } catch {
    // Already gone.
  }
}

/** Creates a network on the first /24 of 172.31.252.0/22 nothing uses; returns its address. */
function takeFirstFreeBlock(name: string): string {
  for (const third of [252, 253, 254, 255]) {
    const address = `172.31.${third}.0`
    try {
      execFileSync('docker', ['network', 'create', '--subnet', `${address}/24`, name], {
        stdio: 'ignore'
      })
      return address
    } catch {
      continue
    }
  }
  throw new Error('no free /24 in 172.31.252.0/22 for the test')
}

/** A runner that stops answering after `n` commands: a sweep killed at that instant. */
function dyingAfter(n: number): CommandRunner {
  let calls = 0
  return (command, args, options) =>
    ++calls > n ? new Promise(() => undefined) : runCommand(command, args, options)
}

const depsWith = (run: CommandRunner) => ({
  docker: new Docker({ ...realExec, run }),
  netfilter: new Netfilter(run)
})

describeWith(
  { root: true, docker: true, tools: ['iptables-save', 'ip6tables-save', 'unshare', 'mkfifo'] },
  'the sweep (integration)',
  () => {
    let leaseDir: string
    let tempRoot: string
    let image: string
    const staged: Staged[] = []
    const options = () => ({ canUseNetfilter: true, leaseDir, tempRoots: [tempRoot] })
    const stage = async (opts: Parameters<typeof stageRun>[3]): Promise<Staged> => {
      const run = await stageRun(leaseDir, tempRoot, image, opts)
      staged.push(run)
      return run
    }

    beforeAll(() => {
      leaseDir = mkdtempSync(join(tmpdir(), 'awf-sweep-leases-'))
      tempRoot = mkdtempSync(join(tmpdir(), 'awf-sweep-temp-'))
      image = sleeperImage()
    })

    afterAll(async () => {
      for (const run of staged) await killOwner(run)
      // The foreign run's lease is in no folder the sweep sees: remove it like an operator would.
      for (const run of staged) {
        quietly('docker', ['rm', '-f', `awf-${run.id}-agent`, `awf-${run.id}-canary`])
        quietly('docker', ['network', 'rm', `awf-${run.id}-int`])
      }
      await sweep(depsWith(runCommand), { canUseNetfilter: true, leaseDir, tempRoots: [tempRoot] })
      rmSync(leaseDir, { recursive: true, force: true })
      rmSync(tempRoot, { recursive: true, force: true })
    })

    test('a dead run is removed whole, secrets first, one line per thing; live and foreign runs are untouched', async () => {
      const dead = await stage({ owner: 'dead' })
      const liveElsewhere = await stage({ owner: 'live-pidns' })
      const foreign = await stage({ owner: 'dead', leaseLabel: '/nonexistent/awf/x.lease' })
      expect(probeLease(liveElsewhere.lease)).toBe('held')
      const before = { live: remains(liveElsewhere), foreign: remains(foreign) }

      // The first command that removes anything must find the secrets already gone.
      let secretsAtFirstRemoval: boolean | undefined
      const watching: CommandRunner = (command, args, options) => {
        const removing =
          (command === 'docker' && (args[0] === 'rm' || args[1] === 'rm')) ||
          command.endsWith('-restore')
        if (removing && secretsAtFirstRemoval === undefined)
          secretsAtFirstRemoval = existsSync(join(dead.folder, SECRETS_DIR))
        return runCommand(command, args, options)
      }
      const outcome = await sweep(depsWith(watching), options())

      expect(outcome.problems).toEqual([])
      expect(outcome.runs).toContain(dead.id)
      expect(outcome.runs).not.toContain(liveElsewhere.id)
      expect(outcome.runs).not.toContain(foreign.id)
      expect(secretsAtFirstRemoval).toBe(false)
      expect(remains(dead)).toEqual([])
      expect(outcome.removed).toEqual(
        expect.arrayContaining([
          `removed folder ${dead.folder}`,
          `removed container awf-${dead.id}-agent`,
          `removed container awf-${dead.id}-canary`,
          `removed chain filter/AWF-${dead.id} (IPv4)`,
          `removed chain filter/AWF-${dead.id}-IN (IPv4)`,
          `removed chain nat/AWF-${dead.id}-NAT (IPv4)`,
          `removed chain filter/AWF-${dead.id}-6 (IPv6)`,
          `removed network awf-${dead.id}-int`,
          `removed lease ${dead.lease}`
        ])
      )
      expect(outcome.removed.filter((l) => l.includes(dead.id))).toHaveLength(9)
      expect(remains(liveElsewhere)).toEqual(before.live)
      expect(remains(foreign)).toEqual(before.foreign)
      expect(readFileSync(join(liveElsewhere.folder, SECRETS_DIR, 'api-key'), 'utf8')).toMatch(
        /sk-test/
      )

      // Its owner, in another PID namespace, dies: now the next sweep takes it.
      await killOwner(liveElsewhere)
      expect(probeLease(liveElsewhere.lease)).toBe('free')
      const next = await sweep(depsWith(runCommand), options())
      expect(next.runs).toContain(liveElsewhere.id)
      expect(remains(liveElsewhere)).toEqual([])
    })

    test('a sweep killed at any point leaves what the next sweep finishes', async () => {
      // One dead run takes about a dozen commands to sweep: stop after each number of them.
      for (const after of [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12]) {
        const dead = await stage({ owner: 'dead' })
        const first = sweep(depsWith(dyingAfter(after)), options())
        await Promise.race([first, new Promise((resolve) => setTimeout(resolve, 3000))])
        const next: SweepOutcome = await sweep(depsWith(runCommand), options())
        expect({ after, problems: next.problems }).toEqual({ after, problems: [] })
        expect({ after, remains: remains(dead) }).toEqual({ after, remains: [] })
      }
    })

    test('two sweeps at once remove the same runs without fighting or failing', async () => {
      const dead = await Promise.all([1, 2, 3].map(() => stage({ owner: 'dead' })))
      const [a, b] = await Promise.all([
        sweep(depsWith(runCommand), options()),
        sweep(depsWith(runCommand), options())
      ])
      expect(a.problems).toEqual([])
      expect(b.problems).toEqual([])
      for (const run of dead) expect(remains(run)).toEqual([])
      expect(readdirSync(leaseDir).filter((n) => dead.some((r) => n.startsWith(r.id)))).toEqual([])
    })

    /** Run `id`'s two networks from the test pool, the pick steered by `random`. */
    const createInTestPool = (id: string, random: () => number) =>
      createNetworks(new Docker(realExec), id, { 'awf.run': id }, [], {
        pool: parseIpv4Net('172.31.252.0/22')!,
        random
      })
    const removeNetworks = (id: string, other: string): void =>
      quietly('docker', ['network', 'rm', other, `awf-${id}-int`, `awf-${id}-egr`])

    test('a subnet a Docker network already holds is never used', async () => {
      const id = randomBytes(4).toString('hex')
      const taken = takeFirstFreeBlock(`awf-test-holder-${id}`)
      try {
        const created = await createInTestPool(id, () => 0)
        expect(created.topology.internalSubnet.address).not.toBe(taken)
        expect(created.topology.egressSubnet.address).not.toBe(taken)
      } finally {
        removeNetworks(id, `awf-test-holder-${id}`)
      }
    })

    test('a subnet taken between the look and the create is picked again', async () => {
      const id = randomBytes(4).toString('hex')
      let picks = 0
      let taken = ''
      try {
        // The first pick starts at the pool's first free block: another network takes it
        // between the look and the create.
        const created = await createInTestPool(id, () => {
          if (++picks === 1) taken = takeFirstFreeBlock(`awf-test-taker-${id}`)
          return 0
        })
        expect(picks).toBe(2)
        expect(taken).toMatch(/^172\.31\.25[2-5]\.0$/)
        expect(created.topology.internalSubnet.address).not.toBe(taken)
        expect(created.topology.egressSubnet.address).not.toBe(taken)
      } finally {
        removeNetworks(id, `awf-test-taker-${id}`)
      }
    })
  }
)
