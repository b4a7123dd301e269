/**
 * Layer ablation, for the integration suite only: a typed option of the run request
 * (`SandboxRequest.ablation`) that the shipped entry points never set and nothing reads from
 * the environment; the suite reaches it through its own entry (src/testing/ablation-cli.ts),
 * built outside dist/. By default the self-check and the canary must notice the weakened layer
 * and refuse to run the command (tests prove they do); with `runDespiteChecks` the failures
 * become warnings, so the suite can show which attacks each layer alone stops (the ablation
 * matrix in docs/threat-model.md).
 */
import type { RenderedConfig, SandboxTopology } from '../render/types.js'
import type { ContainerSpec } from './docker-args.js'

export const ABLATABLE_LAYERS = [
  'host-rules',
  'container-rules',
  'squid-acl',
  'dns-filter',
  'capabilities',
  'seccomp'
] as const
export type AblatedLayer = (typeof ABLATABLE_LAYERS)[number]

/**
 * A layer weakened on purpose, and whether failed checks then only warn (so the attack suite
 * can show which attacks each layer alone stops).
 */
export interface Ablation {
  readonly layer: AblatedLayer
  readonly runDespiteChecks: boolean
}

/** Parses a layer name given to the test-only entry; refuses anything else. */
export function parseAblatedLayer(value: string): AblatedLayer {
  if (!(ABLATABLE_LAYERS as readonly string[]).includes(value))
    throw new Error(`"${value}" is not a layer (${ABLATABLE_LAYERS.join(', ')})`)
  return value as AblatedLayer
}

/** The rendered files with the layer weakened. */
export function ablate(
  rendered: RenderedConfig,
  topology: SandboxTopology,
  layer?: AblatedLayer
): RenderedConfig {
  switch (layer) {
    case 'dns-filter':
      // Every name forwarded upstream instead of refused.
      return {
        ...rendered,
        'dnsmasq.conf': rendered['dnsmasq.conf'].replace(
          /^address=\/#\/$/m,
          topology.upstreamDns.map((ip) => `server=${ip}`).join('\n')
        )
      }
    case 'container-rules':
      return { ...rendered, 'container-rules.v4': '', 'container-rules.v6': '' }
    case 'host-rules':
      return { ...rendered, 'host-rules.v4': '', 'host-rules.v6': '' }
    case 'squid-acl':
      // Any request from the agent network is allowed, before any domain, port or address check.
      return {
        ...rendered,
        'squid.conf': rendered['squid.conf'].replace(
          /^http_access deny !agent$/m,
          'http_access deny !agent\nhttp_access allow agent'
        )
      }
    default:
      return rendered
  }
}

/** The agent's container with the layer weakened: capabilities given back, or no seccomp. */
export function ablateAgent(spec: ContainerSpec, layer?: AblatedLayer): ContainerSpec {
  switch (layer) {
    case 'capabilities':
      return { ...spec, capAdd: ['NET_ADMIN', 'NET_RAW'] }
    case 'seccomp':
      return { ...spec, seccompProfile: 'unconfined' }
    default:
      return spec
  }
}
