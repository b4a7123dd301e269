/** Probing the proxy until Squid and the DNS forwarder answer: bounded, never a fixed sleep. */
import dgram from 'node:dgram'
import net from 'node:net'

const PROBE_INTERVAL_MS = 20
/** How often a start-up that has not answered yet asks whether the proxy container still runs. */
const ALIVE_INTERVAL_MS = 200

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

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

/**
 * Whether the forwarder answers before `deadline`: one socket, a fresh query every probe
 * interval (a query sent before dnsmasq listened is simply lost, never refused, so waiting
 * long for its answer would only add to the start), any of them answered counts.
 */
function dnsAnswersBy(
  host: string,
  port: number,
  name: string,
  deadline: number,
  given: () => boolean
): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4')
    const sent = new Set<number>()
    let timer: NodeJS.Timeout | undefined
    const done = (ok: boolean): void => {
      if (timer === undefined) return
      clearInterval(timer)
      timer = undefined
      socket.close()
      resolve(ok)
    }
    const send = (): void => {
      if (Date.now() >= deadline || given()) return done(false)
      const id = Math.floor(Math.random() * 65535)
      sent.add(id)
      socket.send(dnsQuery(name, id), port, host, () => undefined)
    }
    socket.on('message', (msg) => {
      if (msg.length >= 2 && sent.has(msg.readUInt16BE(0))) done(true)
    })
    // Unreachable for now (the container's address not yet up): the next query tries again.
    socket.on('error', () => undefined)
    timer = setInterval(send, PROBE_INTERVAL_MS)
    send()
  })
}

/** Whether Squid accepts a connection before `deadline`, tried every probe interval. */
async function tcpAnswersBy(
  host: string,
  port: number,
  deadline: number,
  given: () => boolean
): Promise<boolean> {
  while (Date.now() < deadline && !given()) {
    if (await tcpAnswers(host, port)) return true
    await pause(PROBE_INTERVAL_MS)
  }
  return false
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
  let over = false
  const given = (): boolean => over
  // Each service is probed on its own: the one that is up first waits for nothing.
  const probes = Promise.all([
    tcpAnswersBy(endpoints.host, endpoints.squidPort, deadline, given),
    dnsAnswersBy(endpoints.host, endpoints.dnsPort, endpoints.probeName, deadline, given)
  ])
  const watch = async (): Promise<[boolean, boolean]> => {
    while (!over) {
      await pause(ALIVE_INTERVAL_MS)
      if (!over && !(await alive())) throw new Error('the proxy container exited during start-up')
    }
    return [false, false]
  }
  const [squid, dns] = await Promise.race([probes, watch()]).finally(() => {
    over = true
  })
  if (squid && dns) return
  const missing = [
    squid ? '' : `Squid (tcp/${endpoints.squidPort})`,
    dns ? '' : `the DNS forwarder (udp/${endpoints.dnsPort})`
  ]
  throw new Error(
    `the proxy did not become ready within ${timeoutMs / 1000} s: no answer from ${missing.filter(Boolean).join(' and ')}`
  )
}
