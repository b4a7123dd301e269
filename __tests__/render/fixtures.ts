/** Representative policies and a topology for renderer tests. */
import { buildPolicy, PRESETS } from '../../src/policy/index.js'
import type { Policy } from '../../src/policy/types.js'
import type { RenderInput, SandboxTopology } from '../../src/render/types.js'

export const TOPOLOGY: SandboxTopology = {
  runId: '1a2b3c4d',
  internalSubnet: { address: '172.29.4.0', prefix: 24 },
  internalBridge: 'awfi-1a2b3c4d',
  proxyIp: '172.29.4.2',
  egressSubnet: { address: '172.29.5.0', prefix: 24 },
  egressBridge: 'awfe-1a2b3c4d',
  proxyEgressIp: '172.29.5.2',
  internalGateway: '172.29.4.1',
  upstreamDns: ['198.18.0.53', '1.1.1.1']
}

export const POLICIES: Record<string, Policy> = {
  typical: buildPolicy(
    {
      'allow-domains':
        'github.com\nraw.githubusercontent.com\n*.wild.test\nhttp://plain.test\nhttps://api.test:8443\nregistry.npmjs.org',
      'block-domains': 'gist.github.com\n*.evil.wild.test',
      'allow-networks': '10.203.0.0/24'
    },
    'input'
  ).policy,
  empty: buildPolicy({}, 'input').policy,
  /** Every preset: each must render files their consumers accept. */
  presets: buildPolicy(
    {
      'allow-domains': Object.keys(PRESETS)
        .map((name) => `@${name}`)
        .join('\n')
    },
    'input'
  ).policy,
  audit: buildPolicy(
    { 'allow-domains': 'github.com', 'block-domains': 'evil.test', mode: 'audit' },
    'input'
  ).policy,
  /** URL rules: plain HTTP and HTTPS, one host also under a domain entry, every path character. */
  urls: buildPolicy(
    {
      'allow-domains': 'github.com\nallowed.test',
      'allow-urls': [
        'GET,HEAD https://github.com/my-org/*',
        'GET https://github.com/my-org/*/info/refs',
        'POST https://github.com/my-org/*/git-upload-pack',
        'GET http://allowed.test/public/*',
        "PUT https://api.test:8443/a.b/(c)+$d/*/e;f=g,h!i'j&k~l:m@n%2Fo",
        'https://registry.test/*'
      ].join('\n')
    },
    'input'
  ).policy,
  ports: buildPolicy(
    {
      'allow-domains': 'a.test:8080\nhttps://a.test\nb.test:8080\n*.c.test:9000',
      'allow-host-ports': '3000\n5432!'
    },
    'input'
  ).policy
}

export const input = (policy: Policy): RenderInput => ({ policy, topology: TOPOLOGY })

/** The typical policy behind a corporate proxy that wants a login, with one no-SNI opt-in. */
export const UPSTREAM_INPUT: RenderInput = {
  ...input(POLICIES.typical!),
  noSniHosts: POLICIES.typical!.allowDomains.filter((r) => r.name === 'api.test'),
  upstreamProxy: { address: '10.203.0.30', port: 8080, login: true }
}

/** A policy of `n` distinct registrable domains. */
export function manyDomains(n: number): Policy {
  const list = Array.from({ length: n }, (_, i) => `d${i}.example${i % 7}.test`).join('\n')
  return buildPolicy({ 'allow-domains': list }, 'input').policy
}

/** The typical policy with two intercepted hosts, one of them given an API key header. */
export const INTERCEPT_INPUT: RenderInput = {
  ...input(POLICIES.typical!),
  interception: {
    hosts: ['github.com', 'api.test'],
    credentials: [{ host: 'api.test', header: 'x-api-key' }],
    upstreamCa: true
  }
}
