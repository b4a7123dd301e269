/**
 * The part of a log past what the collector reads is still counted, line by line, with as
 * little state as possible: every allowed and blocked attempt of the agent, without detail.
 */
import { parseSquidLog, type EventScope } from './events.js'

export interface TailCount {
  readonly allowed: number
  readonly blocked: number
}

/** Squid's lines stand alone: the same parser, kept only as counts. */
export function countSquidLines(text: string, scope: EventScope): TailCount {
  const events = parseSquidLog(text, scope)
  const blocked = events.filter((e) => e.decision === 'blocked').length
  return { allowed: events.length - blocked, blocked }
}

/**
 * dnsmasq logs a query and its answer on separate lines: a query is refused when its answer is
 * `config <name> is NXDOMAIN`, not a block when `NODATA` (AAAA for an allowed name), allowed
 * otherwise. Counted by kind, so a chunk boundary between a query and its answer loses nothing.
 */
export function countDnsmasqLines(text: string, scope: EventScope): TailCount {
  let queries = 0
  let refused = 0
  let nodata = 0
  for (const line of text.split('\n')) {
    const m = /^\d+\.\d+ dnsmasq\[\d+\]: \d+ ([\d.]+)\/\d+ (.*)$/.exec(line)
    if (!m || m[1] !== scope.agentIp) continue
    const rest = m[2] ?? ''
    if (/^query\[\w+\] \S+ from /.test(rest)) queries++
    else if (/^config \S+ is NXDOMAIN/.test(rest)) refused++
    else if (/^config \S+ is NODATA/.test(rest)) nodata++
  }
  return { allowed: Math.max(0, queries - refused - nodata), blocked: refused }
}
