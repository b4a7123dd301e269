// The lab's API that wants a key (issue 16): HTTPS on api.allowed.test's address, port
// keyApi.port, lab certificate. It answers 200 only when the request carries the lab key
// (in x-api-key, or Authorization: Bearer), 401 otherwise, and logs which values arrived in
// both headers, so a test can prove that the key the command sent was replaced on the way.
// Run by lab.sh inside the lab namespace, as its own process (the main server keeps running).
import { appendFileSync, readFileSync } from 'node:fs'
import https from 'node:https'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const lab = JSON.parse(readFileSync(join(here, 'hosts.json'), 'utf8'))
const state = process.argv[2]
const key = readFileSync(join(state, 'api.key'), 'utf8').trim()
const tls = {
  key: readFileSync(join(state, 'lab.key')),
  cert: readFileSync(join(state, 'lab.crt'))
}

https
  .createServer(tls, (req, res) => {
    const apiKey = req.headers['x-api-key'] ?? null
    const authorization = req.headers.authorization ?? null
    const ok = apiKey === key || authorization === `Bearer ${key}`
    appendFileSync(
      join(state, 'lab.log'),
      JSON.stringify({
        t: Date.now(),
        svc: `key-api:${lab.keyApi.port}`,
        host: 'allowed',
        peer: req.socket.remoteAddress,
        data: `${req.method} ${req.headers.host ?? ''} ${req.url}`,
        apiKey,
        authorization,
        ok
      }) + '\n'
    )
    res.writeHead(ok ? 200 : 401, { 'content-type': 'text/plain' })
    res.end(`${ok ? 'LAB-KEY-OK' : 'LAB-KEY-REFUSED'} ${req.url}\n`)
  })
  .listen(lab.keyApi.port, lab.addresses.allowed)
