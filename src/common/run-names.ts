/**
 * Everything one run creates is named after its run id, so teardown and the sweep of crashed
 * runs find it by name or label. The names live here and nowhere else.
 */
import { randomBytes } from 'node:crypto'

const RUN_ID = /^[0-9a-f]{8}$/

export function newRunId(): string {
  return randomBytes(4).toString('hex')
}

export function isRunId(text: string): boolean {
  return RUN_ID.test(text)
}

/** Containers, networks and bridges of one run. */
export const runNames = (runId: string) =>
  ({
    proxy: `awf-${runId}-proxy`,
    agent: `awf-${runId}-agent`,
    canary: `awf-${runId}-canary`,
    helper: `awf-${runId}-netadmin`,
    /** Topology-only probes on a remote daemon (src/sandbox/topology-only.ts). */
    pathsProbe: `awf-${runId}-paths`,
    readyProbe: `awf-${runId}-ready`,
    inspector: `awf-${runId}-inspect`,
    internalNetwork: `awf-${runId}-int`,
    egressNetwork: `awf-${runId}-egr`,
    internalBridge: `awfi-${runId}`,
    egressBridge: `awfe-${runId}`,
    /** Prefix of the run's temporary folder (a random suffix follows). */
    workDirPrefix: `awf-${runId}-`,
    /** Default logs folder, in the temporary root. */
    logsDir: `awf-logs-${runId}`
  }) as const

/** Host chains of one run: filter FORWARD (via DOCKER-USER), INPUT, and the IPv6 chain. */
export function hostChainNames(runId: string): { forward: string; input: string; v6: string } {
  return { forward: `AWF-${runId}`, input: `AWF-${runId}-IN`, v6: `AWF-${runId}-6` }
}

/** LOG prefixes (at most 29 characters), which the report matches to attribute drops. */
export function logPrefixes(runId: string): {
  host: string
  runner: string
  ipv6: string
  agent: string
  hostPort: string
} {
  return {
    hostPort: `awf-${runId}-host-port: `,
    host: `awf-${runId}-host-drop: `,
    runner: `awf-${runId}-runner-drop: `,
    ipv6: `awf-${runId}-ipv6-drop: `,
    agent: `awf-${runId}-agent-drop: `
  }
}
