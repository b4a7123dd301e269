/**
 * Reads what every layer logged during a run and turns it into events (src/report/), written
 * to events.jsonl in the logs directory. Runs after the command, never on the start-up path.
 * A log is read up to MAX_LOG_BYTES (a command can grow Squid's or the forwarder's log without
 * bound); past that, its lines are still read, in chunks, and counted without detail, so the
 * report says what it could not itemise instead of dropping it.
 */
import { closeSync, constants, lstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { join } from 'node:path'
import { CANARY_NAME, CANARY_PORT, TLS_CANARY_TUNNEL } from '../render/names.js'
import {
  countDnsmasqLines,
  countSquidLines,
  mergeEvents,
  parseDnsmasqLog,
  parseKernelLog,
  parseSquidLog,
  type EventScope,
  type Layer,
  type NetEvent,
  type ReportIntegrity,
  type TailCount,
  type UnreadLog
} from '../report/index.js'
import { warning } from './log.js'
import { replaceFile } from './safe-files.js'
import type { Netfilter } from './netfilter.js'
import type { RunOutcome } from './types.js'

/** What the report itemises of one log; the rest is counted. */
export const MAX_LOG_BYTES = 64 * 1024 * 1024
const CHUNK_BYTES = 8 * 1024 * 1024

export interface CollectedEvents {
  readonly events: NetEvent[]
  readonly integrity: ReportIntegrity
}

interface BoundedLog {
  /** The first MAX_LOG_BYTES (up to the last whole line). */
  readonly head: string
  readonly totalBytes: number
  readonly headBytes: number
  /** Calls `count` with each further chunk of whole lines; returns the summed counts. */
  readonly countRest: (count: (text: string) => TailCount) => TailCount
}

/** The proxy's user can write the logs folder: a link planted there is never followed. */
function readBounded(path: string, maxBytes: number): BoundedLog {
  const stat = lstatSync(path)
  if (!stat.isFile()) throw new Error('not a regular file')
  const totalBytes = stat.size
  const read = (from: number, length: number): Buffer => {
    const fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW)
    try {
      const buf = Buffer.alloc(length)
      return buf.subarray(0, readSync(fd, buf, 0, length, from))
    } finally {
      closeSync(fd)
    }
  }
  const first = read(0, Math.min(totalBytes, maxBytes))
  const headBytes = totalBytes > maxBytes ? first.lastIndexOf(0x0a) + 1 : first.length
  return {
    head: first.subarray(0, headBytes).toString('utf8'),
    totalBytes,
    headBytes,
    countRest: (count) => {
      const tally = { allowed: 0, blocked: 0 }
      let carry = Buffer.alloc(0)
      for (let at = headBytes; at < totalBytes; at += CHUNK_BYTES) {
        const chunk = Buffer.concat([carry, read(at, Math.min(CHUNK_BYTES, totalBytes - at))])
        const last = at + CHUNK_BYTES >= totalBytes
        const end = last ? chunk.length : chunk.lastIndexOf(0x0a) + 1
        // A "line" longer than a chunk is no log line: dropped, so memory stays bounded.
        carry = end === 0 && chunk.length >= CHUNK_BYTES ? Buffer.alloc(0) : chunk.subarray(end)
        const c = count(chunk.subarray(0, end).toString('utf8'))
        tally.allowed += c.allowed
        tally.blocked += c.blocked
      }
      return tally
    }
  }
}

/** One layer's log: its events, and the count of what lay past the bound. */
function collectLog(
  logsDir: string,
  file: string,
  layer: Layer,
  parse: (text: string) => NetEvent[],
  count: (text: string) => TailCount,
  maxBytes: number
): { events: NetEvent[]; unread?: UnreadLog } {
  const path = join(logsDir, file)
  try {
    const log = readBounded(path, maxBytes)
    const events = parse(log.head)
    if (log.headBytes >= log.totalBytes) return { events }
    const rest = log.countRest(count)
    warning(
      `${file} holds ${log.totalBytes} bytes, more than the report reads (${maxBytes}): ${rest.allowed + rest.blocked} more attempts are counted, not itemised`
    )
    return {
      events,
      unread: { file, layer, totalBytes: log.totalBytes, readBytes: log.headBytes, ...rest }
    }
  } catch (e) {
    warning(
      `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}; the report lacks its events`
    )
    return { events: [] }
  }
}

function bootTimeMs(): number {
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0])
  return Date.now() - uptime * 1000
}

/** Kernel drop lines that were the canary's own probe (left out of the events), per layer. */
function ownDrops(
  kernel: string,
  scope: EventScope,
  kept: readonly NetEvent[]
): ReportIntegrity['ownDrops'] {
  const all = parseKernelLog(kernel, { ...scope, internalEndpoints: [] })
  const out: Partial<Record<Layer, number>> = {}
  for (const e of all) out[e.layer] = (out[e.layer] ?? 0) + 1
  for (const e of kept) out[e.layer] = (out[e.layer] ?? 0) - 1
  return out
}

export async function collectEvents(
  netfilter: Netfilter,
  run: Pick<
    RunOutcome,
    | 'logsDir'
    | 'runId'
    | 'agentIp'
    | 'proxyIp'
    | 'hostFirewall'
    | 'commandStartMs'
    | 'drops'
    | 'upstreamProxy'
  >,
  maxBytes = MAX_LOG_BYTES
): Promise<CollectedEvents> {
  const scope: EventScope = {
    agentIp: run.agentIp,
    runId: run.runId,
    bootTimeMs: bootTimeMs(),
    // The readiness probe asks from the host's address, which is never counted.
    internalNames: [CANARY_NAME, TLS_CANARY_TUNNEL],
    commandStartMs: run.commandStartMs,
    internalEndpoints: [`${run.proxyIp}:${CANARY_PORT}`],
    upstreamProxy: run.upstreamProxy
  }
  const kernel = await (run.hostFirewall ? netfilter.kernelLog() : Promise.resolve('')).catch(
    (e: unknown) => {
      warning(
        `cannot read the kernel log (${e instanceof Error ? e.message : String(e)}); dropped packets are only counted`
      )
      return ''
    }
  )
  const squid = collectLog(
    run.logsDir,
    'access.log',
    'proxy',
    (t) => parseSquidLog(t, scope),
    (t) => countSquidLines(t, scope),
    maxBytes
  )
  const dns = collectLog(
    run.logsDir,
    'dns.log',
    'dns',
    (t) => parseDnsmasqLog(t, scope),
    (t) => countDnsmasqLines(t, scope),
    maxBytes
  )
  const dropped = parseKernelLog(kernel, scope)
  const events = mergeEvents(squid.events, dns.events, dropped)
  replaceFile(
    join(run.logsDir, 'events.jsonl'),
    events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '')
  )
  return {
    events,
    integrity: {
      drops: run.drops,
      ownDrops: ownDrops(kernel, scope, dropped),
      unread: [squid.unread, dns.unread].filter((u) => u !== undefined)
    }
  }
}
