/**
 * The proxy readiness wait against real sockets on loopback: each service counts from the
 * moment it answers (a DNS query sent before the forwarder listened is lost, not refused),
 * a proxy that dies fails the wait early, and a silent one fails it at the deadline, naming
 * what never answered.
 */
import dgram from 'node:dgram'
import net from 'node:net'
import { waitForProxy } from '../../src/sandbox/readiness.js'

const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** A port on loopback nobody listens on yet (TCP and UDP checked free together). */
async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((r) => server.close(() => r()))
  return port
}

/** Answers every query with its own id, from `delayMs` on. */
function dnsServer(port: number, delayMs: number): { ready: Promise<void>; close: () => void } {
  const socket = dgram.createSocket('udp4')
  socket.on('message', (msg, from) => socket.send(msg.subarray(0, 12), from.port, from.address))
  const ready = pause(delayMs).then(
    () => new Promise<void>((r) => socket.bind(port, '127.0.0.1', () => r()))
  )
  return { ready, close: () => socket.close() }
}

function tcpServer(port: number, delayMs: number): { ready: Promise<void>; close: () => void } {
  const server = net.createServer((s) => s.destroy())
  const ready = pause(delayMs).then(
    () => new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()))
  )
  return { ready, close: () => server.close() }
}

const endpoints = (squidPort: number, dnsPort: number) => ({
  host: '127.0.0.1',
  squidPort,
  dnsPort,
  probeName: 'ready.awf.invalid'
})

describe('waitForProxy', () => {
  it('resolves soon after the later service starts answering', async () => {
    const [squidPort, dnsPort] = [await freePort(), await freePort()]
    const squid = tcpServer(squidPort, 50)
    const dns = dnsServer(dnsPort, 350)
    try {
      const started = Date.now()
      await waitForProxy(endpoints(squidPort, dnsPort), 5000, () => Promise.resolve(true))
      const took = Date.now() - started
      // Queries sent before 350 ms are lost; the next one, at most one probe interval later, is
      // answered (waiting 300 ms for each lost answer, as before, ends at 640 ms or later).
      expect(took).toBeGreaterThanOrEqual(340)
      expect(took).toBeLessThan(600)
    } finally {
      await Promise.all([squid.ready, dns.ready])
      squid.close()
      dns.close()
    }
  })

  it('fails early when the proxy container has exited', async () => {
    const [squidPort, dnsPort] = [await freePort(), await freePort()]
    const started = Date.now()
    await expect(
      waitForProxy(endpoints(squidPort, dnsPort), 10000, () => Promise.resolve(false))
    ).rejects.toThrow('the proxy container exited during start-up')
    expect(Date.now() - started).toBeLessThan(2000)
  })

  it('names what never answered at the deadline', async () => {
    const [squidPort, dnsPort] = [await freePort(), await freePort()]
    const squid = tcpServer(squidPort, 0)
    await squid.ready
    try {
      await expect(
        waitForProxy(endpoints(squidPort, dnsPort), 500, () => Promise.resolve(true))
      ).rejects.toThrow(/within 0.5 s: no answer from the DNS forwarder \(udp\/\d+\)$/)
    } finally {
      squid.close()
    }
  })
})
