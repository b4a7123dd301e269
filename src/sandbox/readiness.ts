/** Probing the proxy until Squid and the DNS forwarder answer: bounded, never a fixed sleep. */
import dgram from 'node:dgram'
import net from 'node:net'

const PROBE_INTERVAL_MS = 20

function tcpAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    const done = (ok: boolean): void => {
      socket.destroy()
      resolve(ok)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}

/** A minimal DNS query (A record, recursion desired) for `name`. */
export function dnsQuery(name: string, id: number): Buffer {
  const labels = name
    .split('.')
    .map((l) => Buffer.concat([Buffer.from([l.length]), Buffer.from(l)]))
  const header = Buffer.from([id >> 8, id & 255, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0])
  return Buffer.concat([header, ...labels, Buffer.from([0, 0, 1, 0, 1])])
}

function dnsAnswers(host: string, port: number, name: string): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4')
    const id = Math.floor(Math.random() * 65535)
    const timer = setTimeout(() => done(false), 300)
    const done = (ok: boolean): void => {
      clearTimeout(timer)
      socket.close()
      resolve(ok)
    }
    socket.on('message', (msg) => done(msg.readUInt16BE(0) === id))
    socket.on('error', () => done(false))
    socket.send(dnsQuery(name, id), port, host)
  })
}

export interface ProxyEndpoints {
  readonly host: string
  readonly squidPort: number
  readonly dnsPort: number
  readonly probeName: string
}

/**
 * Resolves once both services answer. `alive` is asked between probes so that a proxy that
 * died (a bad config, say) fails the run at once instead of after the timeout.
 */
export async function waitForProxy(
  endpoints: ProxyEndpoints,
  timeoutMs: number,
  alive: () => Promise<boolean>
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let squid = false
  let dns = false
  for (let attempt = 0; Date.now() < deadline; attempt++) {
    ;[squid, dns] = await Promise.all([
      squid || tcpAnswers(endpoints.host, endpoints.squidPort),
      dns || dnsAnswers(endpoints.host, endpoints.dnsPort, endpoints.probeName)
    ])
    if (squid && dns) return
    if (attempt % 10 === 9 && !(await alive()))
      throw new Error('the proxy container exited during start-up')
    await new Promise((r) => setTimeout(r, PROBE_INTERVAL_MS))
  }
  const missing = [
    squid ? '' : `Squid (tcp/${endpoints.squidPort})`,
    dns ? '' : `the DNS forwarder (udp/${endpoints.dnsPort})`
  ]
  throw new Error(
    `the proxy did not become ready within ${timeoutMs / 1000} s: no answer from ${missing.filter(Boolean).join(' and ')}`
  )
}
