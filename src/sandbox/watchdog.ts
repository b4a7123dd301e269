/**
 * While the command runs: the proxy must keep running and every rule must stay in place. If
 * either fails (the proxy or its DNS forwarder died, someone flushed a chain), the command is
 * killed at once and the run fails with the reason: its traffic would already fail closed,
 * but a firewall that changed under a run is not the one that was checked.
 */
import { planProblems, type RunRulePlans } from '../render/index.js'
import type { Netfilter } from './netfilter.js'

export const WATCH_INTERVAL_MS = 2000

export interface WatchArgs {
  /** The plans the rules were rendered from (the same objects the self-check used). */
  readonly plans: RunRulePlans
  /** Host and agent-namespace rules to watch; absent with host-firewall off (no root). */
  readonly rules?: { readonly netfilter: Netfilter; readonly agentNet: Netfilter }
  readonly proxyRunning: () => Promise<boolean>
  /** Called once, with every problem found, when the firewall is no longer whole. */
  readonly onFailure: (problems: readonly string[]) => void
}

/** Starts watching; returns the function that stops it. */
export function watchFirewall(a: WatchArgs): () => void {
  const { host, container } = a.plans
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const check = async (): Promise<string[]> => {
    const r = a.rules
    const [running, h4, h6, c4, c6] = await Promise.all([
      a.proxyRunning(),
      r?.netfilter.save(4),
      r?.netfilter.save(6),
      r?.agentNet.save(4),
      r?.agentNet.save(6)
    ])
    return [
      ...(running ? [] : ['the proxy container stopped (Squid or its DNS forwarder died)']),
      ...(h4 === undefined ? [] : planProblems(h4, host, 4, 'host')),
      ...(h6 === undefined ? [] : planProblems(h6, host, 6, 'host')),
      ...(c4 === undefined ? [] : planProblems(c4, container, 4, 'agent')),
      ...(c6 === undefined ? [] : planProblems(c6, container, 6, 'agent'))
    ]
  }
  const tick = (): void => {
    timer = setTimeout(() => {
      check().then(
        (problems) => {
          if (stopped) return
          if (problems.length > 0) {
            stopped = true
            a.onFailure(problems)
          } else tick()
        },
        // The agent's namespace is gone: the command ended between two checks.
        () => undefined
      )
    }, WATCH_INTERVAL_MS)
  }
  tick()
  return () => {
    stopped = true
    clearTimeout(timer)
  }
}
