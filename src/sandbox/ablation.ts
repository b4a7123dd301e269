/**
 * Test-only: AWF_TEST_DISABLE_LAYER weakens one layer on purpose, so that tests can prove the
 * self-check and the canary notice a broken layer and refuse to run the command. Nothing sets
 * it outside the test suites; when set, the run says so in a warning.
 */
import type { RenderedConfig, SandboxTopology } from '../render/types.js'
import { warning } from './log.js'

export type AblatedLayer = 'dns-filter' | 'container-rules'

export function ablatedLayer(env = process.env): AblatedLayer | undefined {
  const value = env.AWF_TEST_DISABLE_LAYER
  if (value === undefined || value === '') return undefined
  if (value !== 'dns-filter' && value !== 'container-rules')
    throw new Error(
      `AWF_TEST_DISABLE_LAYER: "${value}" is not a layer (dns-filter, container-rules)`
    )
  warning(`TEST ONLY: the ${value} layer is disabled (AWF_TEST_DISABLE_LAYER)`)
  return value
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
    default:
      return rendered
  }
}
