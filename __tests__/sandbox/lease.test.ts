import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCommand } from '../../src/sandbox/exec.js'
import {
  BOOT_LABEL,
  currentBootId,
  Lease,
  LEASE_LABEL,
  leasePath,
  leasesIn,
  probeLease,
  readRecord,
  removeLeaseFiles
} from '../../src/sandbox/lease.js'
import { judgeOwner, type JudgeContext } from '../../src/sandbox/sweep.js'

describe('lease', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'awf-lease-test-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const ids =
    (...list: string[]) =>
    () =>
      list.shift() ?? 'ffffffff'

  test('held while the owner lives, free once it lets go, absent once removed', async () => {
    const lease = await Lease.take(runCommand, dir, ids('00000000', '1a2b3c4d'), '/tmp/x')
    expect(lease.runId).toBe('1a2b3c4d')
    expect(probeLease(lease.path)).toBe('held')
    expect(readRecord(lease.path)).toMatchObject({
      runId: '1a2b3c4d',
      tempRoot: '/tmp/x',
      bootId: currentBootId()
    })
    expect(leasesIn(dir)).toEqual(['1a2b3c4d'])
    lease.release(false)
    expect(probeLease(lease.path)).toBe('free')
    removeLeaseFiles(lease.path)
    expect(probeLease(lease.path)).toBe('absent')
    expect(leasesIn(dir)).toEqual([])
  })

  test('a run id any run has, live or dead, is never taken again', async () => {
    const first = await Lease.take(runCommand, dir, ids('s1', 'aaaaaaaa'), '/tmp')
    first.release(false)
    const second = await Lease.take(runCommand, dir, ids('s2', 'aaaaaaaa', 'bbbbbbbb'), '/tmp')
    expect(second.runId).toBe('bbbbbbbb')
    expect(readRecord(first.path)?.runId).toBe('aaaaaaaa')
    second.release(true)
    expect(existsSync(second.path)).toBe(false)
    expect(readdir(dir)).toEqual(['aaaaaaaa.json', 'aaaaaaaa.lease'])
  })

  test('an owner killed with SIGKILL frees its lease at once, whatever process holds it', async () => {
    const path = leasePath(dir, 'cccccccc')
    execFileSync('mkfifo', [path])
    // Another process, as another runner's would be: it holds the FIFO open for reading.
    const owner = spawn('bash', ['-c', `exec 3<>${path}; echo up; sleep 60`], {
      stdio: ['ignore', 'pipe', 'ignore']
    })
    await new Promise((resolve) => owner.stdout.once('data', resolve))
    expect(probeLease(path)).toBe('held')
    owner.kill('SIGKILL')
    await new Promise((resolve) => owner.once('exit', resolve))
    expect(probeLease(path)).toBe('free')
  })

  test('only a FIFO is a lease: a regular file or a symlink never reads as held', () => {
    writeFileSync(join(dir, 'dddddddd.lease'), '')
    expect(probeLease(join(dir, 'dddddddd.lease'))).toBe('unknown')
    execFileSync('mkfifo', [join(dir, 'target')])
    execFileSync('ln', ['-s', join(dir, 'target'), join(dir, 'eeeeeeee.lease')])
    expect(probeLease(join(dir, 'eeeeeeee.lease'))).toBe('unknown')
    expect(readFileSync(join(dir, 'dddddddd.lease'), 'utf8')).toBe('')
  })
})

function readdir(dir: string): string[] {
  return execFileSync('ls', ['-A', dir], { encoding: 'utf8' }).split('\n').filter(Boolean).sort()
}

describe('judging a run’s owner', () => {
  const states: Record<string, ReturnType<JudgeContext['probe']>> = {
    '/run/awf/leases/aaaaaaaa.lease': 'held',
    '/run/awf/leases/bbbbbbbb.lease': 'free',
    '/other/leases/cccccccc.lease': 'held'
  }
  const ctx: JudgeContext = {
    leaseDir: '/run/awf/leases',
    bootId: 'boot-1',
    probe: (path) => states[path] ?? 'absent',
    legacyAlive: (token) => token === '42.1000'
  }
  const labels = (lease: string, boot = 'boot-1') => ({
    'awf.run': 'x',
    [LEASE_LABEL]: lease,
    [BOOT_LABEL]: boot
  })

  test.each([
    ['a held lease', 'aaaaaaaa', labels('/run/awf/leases/aaaaaaaa.lease'), 'live'],
    ['a free lease (the owner died)', 'bbbbbbbb', labels('/run/awf/leases/bbbbbbbb.lease'), 'dead'],
    ['no lease in our own folder', 'dddddddd', labels('/run/awf/leases/dddddddd.lease'), 'dead'],
    [
      'a lease in a folder we do not see (another runner container)',
      'eeeeeeee',
      labels('/elsewhere/eeeeeeee.lease'),
      'foreign'
    ],
    [
      'a lease held in another visible folder',
      'cccccccc',
      labels('/other/leases/cccccccc.lease'),
      'live'
    ],
    [
      'a lease from an earlier boot, even if a file of that name is held',
      'aaaaaaaa',
      labels('/run/awf/leases/aaaaaaaa.lease', 'boot-0'),
      'dead'
    ],
    ['a run from before leases, owner alive', 'ffffffff', { 'awf.owner': '42.1000' }, 'live'],
    ['a run from before leases, owner gone', 'ffffffff', { 'awf.owner': '42.999' }, 'dead'],
    ['chains alone, lease held in our folder', 'aaaaaaaa', undefined, 'live'],
    ['chains alone, no lease', '12345678', undefined, 'dead']
  ])('%s: %s is %s', (_what, runId, l, expected) => {
    expect(judgeOwner(runId, l, ctx)).toBe(expected)
  })
})
