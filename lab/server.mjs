// The lab's servers, run inside the lab network namespace by lab.sh. Every request, query and
// packet is logged as one JSON line, so tests can search the logs for the nonce they sent.
import { appendFileSync, readFileSync } from 'node:fs'
import dgram from 'node:dgram'
import http from 'node:http'
import https from 'node:https'
import net from 'node:net'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const lab = JSON.parse(readFileSync(join(here, 'hosts.json'), 'utf8'))
const state = process.argv[2]
const logFile = join(state, 'lab.log')
const A = lab.addresses
const tls = {
  key: readFileSync(join(state, 'lab.key')),
  cert: readFileSync(join(state, 'lab.crt'))
}
const bytes = Buffer.alloc(1 << 20, 0x61)

function log(svc, host, peer, data, extra = {}) {
  appendFileSync(logFile, JSON.stringify({ t: Date.now(), svc, host, peer, data, ...extra }) + '\n')
}

// The shared-address host serves a name by Host header and, over TLS, by server name; the log
// says which of each it served, so a test can tell a fronted request from a plain one.
function served(host, req) {
  if (host !== 'shared') return {}
  const sni = req.socket.servername
  return {
    byHost: (req.headers.host ?? '').startsWith('shared-allowed')
      ? 'shared-allowed'
      : 'shared-blocked',
    ...(sni
      ? { bySni: sni.startsWith('shared-allowed') ? 'shared-allowed' : 'shared-blocked' }
      : {})
  }
}

function marker(host, req) {
  if (host === 'shared')
    return (req.headers.host ?? '').startsWith('shared-allowed')
      ? 'LAB-SHARED-ALLOWED'
      : 'LAB-SHARED-BLOCKED'
  return lab.markers[host]
}

function handler(host, svc) {
  return (req, res) => {
    log(svc, host, req.socket.remoteAddress, `${req.method} ${req.headers.host ?? ''} ${req.url}`, {
      ...(req.socket.servername ? { sni: req.socket.servername } : {}),
      ...served(host, req)
    })
    const big = /^\/bytes\/(\d+)$/.exec(req.url)
    if (big) {
      let left = Math.min(Number(big[1]), 4 * 2 ** 30)
      res.writeHead(200, {
        'content-length': String(left),
        'content-type': 'application/octet-stream'
      })
      const pump = () => {
        while (left > 0) {
          const n = Math.min(left, bytes.length)
          left -= n
          if (!res.write(n === bytes.length ? bytes : bytes.subarray(0, n)))
            return res.once('drain', pump)
        }
        res.end()
      }
      return pump()
    }
    res.writeHead(200, { 'content-type': 'text/plain' })
    res.end(`${marker(host, req)} ${req.url}\n`)
  }
}

for (const host of ['allowed', 'blocked', 'shared', 'internal', 'metadata']) {
  for (const port of [80, 8080])
    http.createServer(handler(host, `http:${port}`)).listen(port, A[host])
  if (['allowed', 'blocked', 'shared'].includes(host))
    for (const port of [443, 8443])
      https.createServer(tls, handler(host, `https:${port}`)).listen(port, A[host])
}

// TCP banner on 22 and UDP echo on 7 for the two main hosts.
for (const host of ['allowed', 'blocked']) {
  net
    .createServer((s) => {
      log('tcp:22', host, s.remoteAddress, '')
      s.end(`${lab.markers[host]} ssh-banner\n`)
    })
    .listen(22, A[host])
  const udp = dgram.createSocket('udp4')
  udp.on('message', (m, r) => {
    log('udp:7', host, r.address, m.toString('utf8'))
    udp.send(Buffer.from(`${lab.markers[host]} ${m}`), r.port, r.address)
  })
  udp.bind(7, A[host])
}

// The sink: lab.sh redirects every TCP and UDP port of the sink address to these two.
net
  .createServer((s) => {
    s.once('data', (d) => log('sink:tcp', 'sink', s.remoteAddress, d.toString('utf8')))
    s.on('error', () => {})
    s.end('LAB-SINK\n')
  })
  .listen(9999, A.sink)
const sinkUdp = dgram.createSocket('udp4')
sinkUdp.on('message', (m, r) => log('sink:udp', 'sink', r.address, m.toString('utf8')))
sinkUdp.bind(9998, A.sink)

// DNS: the resolver answers the lab zone (NXDOMAIN otherwise); the rogue answers anything.
function qname(msg) {
  const labels = []
  let i = 12
  while (msg[i] !== 0 && i < msg.length) {
    labels.push(msg.subarray(i + 1, i + 1 + msg[i]).toString('latin1'))
    i += msg[i] + 1
  }
  return { name: labels.join('.').toLowerCase(), end: i + 5 }
}

function answer(msg, addressFor) {
  const { name, end } = qname(msg)
  const qtype = msg.readUInt16BE(end - 4)
  const ip = addressFor(name)
  const header = Buffer.from(msg.subarray(0, 12))
  header[2] = 0x84 | (msg[2] & 1)
  header[3] = ip === undefined ? 3 : 0
  header.writeUInt16BE(1, 4)
  const withAnswer = ip !== undefined && qtype === 1
  header.writeUInt16BE(withAnswer ? 1 : 0, 6)
  header.writeUInt16BE(0, 8)
  header.writeUInt16BE(0, 10)
  const parts = [header, msg.subarray(12, end)]
  if (withAnswer)
    parts.push(Buffer.from([0xc0, 12, 0, 1, 0, 1, 0, 0, 0, 30, 0, 4, ...ip.split('.').map(Number)]))
  return { name, reply: Buffer.concat(parts) }
}

function dnsServer(host, addressFor) {
  const udp = dgram.createSocket('udp4')
  udp.on('message', (m, r) => {
    const { name, reply } = answer(m, addressFor)
    log('dns:udp', host, r.address, name)
    udp.send(reply, r.port, r.address)
  })
  udp.bind(53, A[host])
  net
    .createServer((s) => {
      s.on('error', () => {})
      s.once('data', (d) => {
        const { name, reply } = answer(d.subarray(2), addressFor)
        log('dns:tcp', host, s.remoteAddress, name)
        const len = Buffer.alloc(2)
        len.writeUInt16BE(reply.length)
        s.end(Buffer.concat([len, reply]))
      })
    })
    .listen(53, A[host])
}

dnsServer('resolver', (name) => {
  const host = lab.zone[name] ?? (name.endsWith('.allowed.test') ? 'allowed' : undefined)
  return host === undefined ? undefined : A[host]
})
dnsServer('rogue', () => A.sink)

log('lab', 'lab', '', 'up')
