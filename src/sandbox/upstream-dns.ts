/**
 * The runner's own upstream resolvers, for when the policy names none. A loopback stub
 * (systemd-resolved's 127.0.0.53) cannot serve a container, so its upstream file is followed.
 */
import { readFileSync } from 'node:fs'
import { isLoopbackStub, nameserversFromResolvConf } from '../policy/index.js'

const RESOLV_CONF = '/etc/resolv.conf'
const SYSTEMD_UPSTREAM = '/run/systemd/resolve/resolv.conf'

function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

export function detectUpstreamDns(readFile: (path: string) => string | undefined = read): string[] {
  const tried: string[] = []
  for (const path of [RESOLV_CONF, SYSTEMD_UPSTREAM]) {
    const text = readFile(path)
    if (text === undefined) continue
    tried.push(path)
    const usable = nameserversFromResolvConf(text).filter((ip) => !isLoopbackStub(ip))
    if (usable.length > 0) return usable
  }
  throw new Error(
    `no upstream DNS server found (looked in ${tried.join(' and ') || RESOLV_CONF}; loopback stubs ` +
      'cannot be reached from a container). Set dns-servers to the resolvers the proxy should use.'
  )
}
