/**
 * `allow-host-ports`: ports of the runner itself (or of `services:` containers published on
 * it) that the command may reach as host.docker.internal. Nothing on the runner is reachable
 * otherwise. Ports that usually carry a database or a remote shell need a confirming `!`.
 */
import { problem, type PolicyProblem } from './problem.js'
import type { HostPort } from './types.js'

/** The name the command uses for the runner; resolved in the container's /etc/hosts. */
export const HOST_ALIAS = 'host.docker.internal'

/** Reaching these would hand the command the runner itself: never opened. */
const NEVER: Readonly<Record<number, string>> = {
  2375: 'the Docker API',
  2376: 'the Docker API over TLS',
  2377: 'Docker swarm management',
  10250: 'the kubelet API'
}

/** Usually a database or a remote shell: opened only when confirmed with `!`. */
export const SENSITIVE_HOST_PORTS: Readonly<Record<number, string>> = {
  22: 'SSH',
  23: 'telnet',
  1433: 'SQL Server',
  1521: 'Oracle',
  2379: 'etcd',
  3306: 'MySQL',
  3389: 'RDP',
  5432: 'PostgreSQL',
  5900: 'VNC',
  5984: 'CouchDB',
  5985: 'WinRM',
  5986: 'WinRM',
  6379: 'Redis',
  9042: 'Cassandra',
  9200: 'Elasticsearch',
  11211: 'memcached',
  27017: 'MongoDB'
}

export function parseHostPort(raw: string, where: string): HostPort | PolicyProblem {
  const m = /^(\d{1,5})(!?)$/.exec(raw)
  const port = m ? Number(m[1]) : NaN
  if (!m || !(port >= 1 && port <= 65535))
    return problem(
      where,
      raw,
      'is not a port',
      'Give a TCP port from 1 to 65535, such as 3000; add ! to confirm a database or shell port (5432!).'
    )
  const never = NEVER[port]
  if (never)
    return problem(
      where,
      raw,
      `is refused: it commonly serves ${never}, which would hand the command the whole runner`,
      'No confirmation opens it.'
    )
  const sensitive = SENSITIVE_HOST_PORTS[port]
  if (sensitive && m[2] !== '!')
    return problem(
      where,
      raw,
      `is usually ${sensitive}: opening it lets the command use that service on the runner`,
      `If that is intended, write it as ${port}! to confirm.`
    )
  return { port, sensitive: sensitive !== undefined }
}
