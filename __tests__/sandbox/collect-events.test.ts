/**
 * The collector reads a log up to its bound and counts the rest: a command that grows a log
 * past what the report reads gets its attempts counted, never silently dropped.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildReport } from '../../src/report/index.js'
import { collectEvents } from '../../src/sandbox/collect-events.js'
import type { Netfilter } from '../../src/sandbox/netfilter.js'

const line = (i: number, denied: boolean): string =>
  denied
    ? `1795490636.${String(i).padStart(3, '0')} 172.31.218.3 TCP_DENIED/403 GET b${i}.blocked.test 80 - 3584 ERR_ACCESS_DENIED http://b${i}.blocked.test/`
    : `1795490636.${String(i).padStart(3, '0')} 172.31.218.3 TCP_MISS/200 GET allowed.test 80 198.18.0.10 392 - http://allowed.test/`

describe('collectEvents', () => {
  let dir: string
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'awf-collect-'))))
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const run = {
    runId: 'c4d76862',
    agentIp: '172.31.218.3',
    proxyIp: '172.31.218.2',
    hostFirewall: false,
    commandStartMs: 0,
    drops: []
  }

  test('past the bound, lines are counted, not itemised, and the report keeps the count', async () => {
    const lines = Array.from({ length: 300 }, (_, i) => line(i, i % 3 === 0))
    writeFileSync(join(dir, 'access.log'), `${lines.join('\n')}\n`)
    writeFileSync(join(dir, 'dns.log'), '')
    const bound = lines.slice(0, 100).join('\n').length + 1
    const { events, integrity } = await collectEvents(
      {} as Netfilter,
      { ...run, logsDir: dir },
      bound
    )
    expect(events).toHaveLength(100)
    expect(integrity.unread).toEqual([
      {
        file: 'access.log',
        layer: 'proxy',
        totalBytes: readFileSync(join(dir, 'access.log')).length,
        readBytes: bound,
        allowed: 134,
        blocked: 66
      }
    ])
    const report = buildReport(events, [], 'domains', integrity)
    expect(report.totals).toEqual({ allowed: 200, blocked: 100 })
    expect(
      readFileSync(join(dir, 'events.jsonl'), 'utf8').split('\n').filter(Boolean)
    ).toHaveLength(100)
  })

  test('within the bound nothing is unread; a missing log is a warning, not a crash', async () => {
    writeFileSync(join(dir, 'access.log'), `${line(1, true)}\n`)
    const { events, integrity } = await collectEvents({} as Netfilter, { ...run, logsDir: dir })
    expect(events).toHaveLength(1)
    expect(integrity.unread).toEqual([])
  })
})
