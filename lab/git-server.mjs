// Git's smart HTTP protocol for the allow-urls tests: `git http-backend` as a CGI behind an
// HTTPS server on the allowed lab host's address, port GIT_PORT (the lab's own certificate).
// Started by a test inside the lab network namespace, and killed by it:
//   ip netns exec awf-lab node git-server.mjs STATE PROJECT_ROOT LOG_FILE
// Every request is logged (method and path, one JSON line) so the test can see what arrived.
import { spawn } from 'node:child_process'
import { appendFileSync, readFileSync } from 'node:fs'
import https from 'node:https'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const GIT_PORT = 4443
const here = dirname(fileURLToPath(import.meta.url))
const lab = JSON.parse(readFileSync(join(here, 'hosts.json'), 'utf8'))
const [state, root, logFile] = process.argv.slice(2)
const tls = {
  key: readFileSync(join(state, 'lab.key')),
  cert: readFileSync(join(state, 'lab.crt'))
}

/** The CGI response's header block, then its body, written to `res`. */
function relay(child, res) {
  let head = Buffer.alloc(0)
  let started = false
  child.stdout.on('data', (chunk) => {
    if (started) return res.write(chunk)
    head = Buffer.concat([head, chunk])
    const crlf = head.indexOf('\r\n\r\n')
    const lf = head.indexOf('\n\n')
    const end = crlf >= 0 ? crlf : lf
    if (end < 0) return
    let status = 200
    for (const line of head.subarray(0, end).toString().split(/\r?\n/)) {
      const colon = line.indexOf(':')
      const [name, value] = [line.slice(0, colon).trim(), line.slice(colon + 1).trim()]
      if (name.toLowerCase() === 'status') status = Number.parseInt(value, 10)
      else if (name) res.setHeader(name, value)
    }
    res.writeHead(status)
    started = true
    res.write(head.subarray(end + (crlf >= 0 ? 4 : 2)))
  })
  child.stdout.on('end', () => res.end())
}

https
  .createServer(tls, (req, res) => {
    const url = new URL(req.url, 'https://lab.invalid')
    appendFileSync(logFile, JSON.stringify({ method: req.method, path: url.pathname }) + '\n')
    const child = spawn('git', ['http-backend'], {
      env: {
        PATH: process.env.PATH ?? '/usr/bin:/bin',
        GIT_PROJECT_ROOT: root,
        GIT_HTTP_EXPORT_ALL: '1',
        REQUEST_METHOD: req.method,
        PATH_INFO: decodeURIComponent(url.pathname),
        QUERY_STRING: url.search.slice(1),
        CONTENT_TYPE: req.headers['content-type'] ?? '',
        ...(req.headers['content-length'] ? { CONTENT_LENGTH: req.headers['content-length'] } : {}),
        HTTP_CONTENT_ENCODING: req.headers['content-encoding'] ?? '',
        HTTP_GIT_PROTOCOL: req.headers['git-protocol'] ?? '',
        REMOTE_ADDR: req.socket.remoteAddress ?? ''
      },
      stdio: ['pipe', 'pipe', 'ignore']
    })
    req.pipe(child.stdin)
    relay(child, res)
  })
  .listen(GIT_PORT, lab.addresses.allowed, () => console.log('ready'))
