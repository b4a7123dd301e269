/**
 * Test-only: AWF_TEST_DISABLE_LAYER weakens one layer on purpose. By default the self-check
 * and the canary must notice and refuse to run the command (tests prove they do). With
 * AWF_TEST_RUN_DESPITE_CHECKS=1 as well, failed checks become warnings and the command runs,
 * so the attack suite can show which attacks each layer alone stops (the ablation matrix in
 * docs/threat-model.md). Nothing sets either outside the test suites; when set, the run says
 * so in a warning.
 */
import type { RenderedConfig, SandboxTopology } from '../render/types.js'
import type { ContainerSpec } from './docker-args.js'
import { warning } from './log.js'

export const ABLATABLE_LAYERS = [
  'host-rules',
  'container-rules',
  'squid-acl',
  'dns-filter',
  'capabilities',
  'seccomp'
] as const
export type AblatedLayer = (typeof ABLATABLE_LAYERS)[number]

export function ablatedLayer(env = process.env): AblatedLayer | undefined {
  const value = env.AWF_TEST_DISABLE_LAYER
  if (value === undefined || value === '') return undefined
  if (!(ABLATABLE_LAYERS as readonly string[]).includes(value))
    throw new Error(
      `AWF_TEST_DISABLE_LAYER: "${value}" is not a layer (${ABLATABLE_LAYERS.join(', ')})`
    )
  warning(`TEST ONLY: the ${value} layer is disabled (AWF_TEST_DISABLE_LAYER)`)
  return value as AblatedLayer
}

/** With a layer disabled, whether failed checks let the command run anyway (test-only). */
export function runDespiteChecks(layer: AblatedLayer | undefined, env = process.env): boolean {
  return layer !== undefined && env.AWF_TEST_RUN_DESPITE_CHECKS === '1'
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
