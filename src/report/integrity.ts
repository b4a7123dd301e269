/**
 * What the report knows beyond the events it can list. A command can flood the rate-limited
 * drop log (or the kernel's ring buffer), or grow a log past what the collector reads; the
 * detail is then lost, but never the fact and the count: the drop rules' counters and the
 * unread part of a log are counted, and the report says how many blocks it cannot itemise.
 */
import type { Decision, Layer, NetEvent } from './events.js'

/** Packets the drop rules stopped, per layer, from their counters. */
export interface DropCount {
  readonly layer: Layer
  readonly packets: number
  /** false: read before the command ended (its namespace goes with it): at least this many. */
  readonly final: boolean
}

/** A log larger than the collector reads: its unread part, counted line by line. */
export interface UnreadLog {
  readonly file: string
  readonly layer: Layer
  readonly totalBytes: number
  readonly readBytes: number
  readonly allowed: number
  readonly blocked: number
}

export interface ReportIntegrity {
  /** From the drop rules' counters; empty without host rules (no root to read them). */
  readonly drops: readonly DropCount[]
  /** Drop log lines that were the sandbox's own probes (the canary's), per layer. */
  readonly ownDrops: Partial<Record<Layer, number>>
  readonly unread: readonly UnreadLog[]
}

export const NO_INTEGRITY_DATA: ReportIntegrity = { drops: [], ownDrops: {}, unread: [] }

/** Attempts counted but not itemised in the report. */
export interface UnlistedCount {
  readonly decision: Decision
  readonly layer: Layer
  readonly count: number
  /** The true number may be higher. */
  readonly atLeast: boolean
  readonly why: string
}

export function unlistedCounts(
  events: readonly NetEvent[],
  integrity: ReportIntegrity
): UnlistedCount[] {
  const out: UnlistedCount[] = []
  for (const d of integrity.drops) {
    const logged = events.filter((e) => e.layer === d.layer && e.decision === 'blocked').length
    const missing = d.packets - logged - (integrity.ownDrops[d.layer] ?? 0)
    if (missing > 0)
      out.push({
        decision: 'blocked',
        layer: d.layer,
        count: missing,
        atLeast: !d.final,
        why: `packets dropped by the ${d.layer} rules that the rate-limited drop log does not show`
      })
  }
  for (const u of integrity.unread) {
    const why = `in the part of ${u.file} past what the report reads (${u.readBytes} of ${u.totalBytes} bytes)`
    if (u.blocked > 0)
      out.push({ decision: 'blocked', layer: u.layer, count: u.blocked, atLeast: false, why })
    if (u.allowed > 0)
      out.push({ decision: 'allowed', layer: u.layer, count: u.allowed, atLeast: false, why })
  }
  return out
}

/** One line per count, for the summary and the CLI report. */
export function unlistedLine(u: UnlistedCount): string {
  return `${u.atLeast ? 'at least ' : ''}${u.count} ${u.decision} attempt(s) ${u.why}`
}
