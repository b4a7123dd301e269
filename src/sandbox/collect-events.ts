/**
 * Reads what every layer logged during a run and turns it into events (src/report/), written
 * to events.jsonl in the logs directory. Runs after the command, never on the start-up path.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { CANARY_NAME, CANARY_PORT, TLS_CANARY_TUNNEL } from '../render/names.js'
import {
  mergeEvents,
  parseDnsmasqLog,
  parseKernelLog,
  parseSquidLog,
  type EventScope,
  type NetEvent
} from '../report/events.js'
import { warning } from './log.js'
import type { Netfilter } from './netfilter.js'

function readLog(path: string): string {
  try {
    return readFileSync(path, 'utf8')
  } catch (e) {
    warning(
      `cannot read ${path}: ${e instanceof Error ? e.message : String(e)}; the report lacks its events`
    )
    return ''
  }
}

function bootTimeMs(): number {
  const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0])
  return Date.now() - uptime * 1000
}

export async function collectEvents(
  netfilter: Netfilter,
  run: {
    logsDir: string
    runId: string
    agentIp: string
    proxyIp: string
    /** false with host-firewall off: the kernel log needs root. */
    hostFirewall: boolean
    commandStartMs: number
  }
): Promise<NetEvent[]> {
  const scope: EventScope = {
    agentIp: run.agentIp,
    runId: run.runId,
    bootTimeMs: bootTimeMs(),
    // The readiness probe asks from the host's address, which is never counted.
    internalNames: [CANARY_NAME, TLS_CANARY_TUNNEL],
    commandStartMs: run.commandStartMs,
    internalEndpoints: [`${run.proxyIp}:${CANARY_PORT}`]
  }
  const kernel = await (run.hostFirewall ? netfilter.kernelLog() : Promise.resolve('')).catch(
    (e: unknown) => {
      warning(
        `cannot read the kernel log (${e instanceof Error ? e.message : String(e)}); dropped packets are not reported`
      )
      return ''
    }
  )
  const events = mergeEvents(
    parseSquidLog(readLog(join(run.logsDir, 'access.log')), scope),
    parseDnsmasqLog(readLog(join(run.logsDir, 'dns.log')), scope),
    parseKernelLog(kernel, scope)
  )
  writeFileSync(
    join(run.logsDir, 'events.jsonl'),
    events.map((e) => JSON.stringify(e)).join('\n') + (events.length ? '\n' : '')
  )
  return events
}
