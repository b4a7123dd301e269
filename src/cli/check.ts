/**
 * `awf-action check`: the effective policy and run settings, as data (for --json) and as
 * text: presets expanded, and which entries came from the policy file and which from flags.
 * Values of `env` are never shown, only names.
 */
import type { RunSettings } from '../run/settings.js'
import type { Access, DomainRule } from '../policy/types.js'
import { safeText } from '../common/errors.js'
import { urlRuleText } from '../policy/url-rules.js'
import { formatNet } from '../sandbox/subnets.js'

const access = (a: readonly Access[]): string[] => a.map((x) => `${x.protocol}:${x.port}`)
const domain = (r: DomainRule): string => `${r.includeApex ? '' : '*.'}${r.name}`

/** The settings beyond the policy and the limits: the command's HOME and git, the runner's side. */
function runSettings(settings: RunSettings): Record<string, unknown> {
  const upstream = settings.proxy.upstream
  return {
    homeConfig: settings.homeConfig,
    protectGit: settings.protectGit,
    gitIntegrity: settings.gitIntegrity,
    addressPool: settings.addressPool ? formatNet(settings.addressPool) : null,
    imageRegistry: settings.imageRegistry ?? null,
    // The login's variable by name only; its value is read when the proxy starts.
    upstreamProxy: upstream
      ? {
          address: `${upstream.host}:${upstream.port}`,
          loginVariable: upstream.loginVariable ?? null
        }
      : null,
    tlsWithoutSni: settings.proxy.noSniHosts.map(domain)
  }
}

export function effectiveSettings(settings: RunSettings): Record<string, unknown> {
  const { policy, limits, provenance } = settings
  return {
    mode: policy.mode,
    allowDomains: policy.allowDomains.map((r) => ({ domain: domain(r), access: access(r.access) })),
    blockDomains: policy.blockDomains.map(domain),
    allowUrls: policy.allowUrls.map(urlRuleText),
    presets: policy.presets,
    allowNetworks: policy.allowNetworks.map((n) => ({
      network: `${n.address}/${n.prefix}`,
      ...(n.confirmed ? { confirmed: n.confirmed } : {})
    })),
    dnsServers: policy.dnsServers,
    allowHostPorts: policy.allowHostPorts,
    failOnBlocked: settings.failOnBlocked,
    expectedBlocks: settings.expectedBlocks.map(domain),
    env: Object.keys(settings.agentEnv.vars).sort(),
    limits: {
      agentTimeoutMinutes: limits.timeoutMs / 60000 || null,
      memoryBytes: limits.memoryBytes,
      pidsLimit: limits.pidsLimit
    },
    hostFirewall: settings.hostFirewall,
    dockerDaemon: settings.remoteDaemon ? 'remote' : 'auto',
    ...runSettings(settings),
    sources: provenance,
    warnings: settings.warnings,
    notices: settings.notices
  }
}

function sourceLines(settings: RunSettings): string[] {
  const { file, lock, origin, keys } = settings.provenance
  const by = origin === 'input' ? 'inputs' : 'flags'
  if (file === undefined) return [`policy: from ${by} only`]
  return [
    `policy file: ${safeText(file)}${lock ? ` (locked: ${by} may only add blocks)` : ''}`,
    ...keys.map(
      (k) =>
        `  ${k.key}: ${k.fromFile.length} from the file${k.fromInput.length > 0 ? `, from ${by}: ${k.fromInput.map(safeText).join(' ')}` : ''}`
    )
  ]
}

function upstreamLine({ proxy: { upstream } }: RunSettings): string {
  if (!upstream) return '-'
  const login = upstream.loginVariable ? ` (login from $${upstream.loginVariable})` : ''
  return `http://${upstream.host}:${upstream.port}${login}`
}

export function renderCheck(settings: RunSettings): string {
  const e = effectiveSettings(settings)
  const { policy, limits } = settings
  const lines = [
    ...sourceLines(settings),
    `mode: ${policy.mode}`,
    'allow-domains:',
    ...policy.allowDomains.map((r) => `  ${domain(r)}  ${access(r.access).join(' ')}`),
    ...policy.presets.map((p) => `  (preset @${p.name} = ${p.domains.join(' ')})`),
    `block-domains: ${policy.blockDomains.map(domain).join(' ') || '-'}`,
    'allow-urls:' + (policy.allowUrls.length === 0 ? ' -' : ''),
    ...policy.allowUrls.map((r) => `  ${urlRuleText(r)}`),
    `allow-networks: ${policy.allowNetworks.map((n) => `${n.address}/${n.prefix}${n.confirmed ? '!' : ''}`).join(' ') || '-'}`,
    `dns-servers: ${policy.dnsServers.join(' ') || '(the machine’s own)'}`,
    `allow-host-ports: ${policy.allowHostPorts.map((p) => `${p.port}${p.sensitive ? '!' : ''}`).join(' ') || '-'}`,
    `fail-on-blocked: ${String(settings.failOnBlocked)}`,
    `expected-blocks: ${settings.expectedBlocks.map(domain).join(' ') || '-'}`,
    `env: ${(e.env as string[]).join(' ') || '-'}`,
    `agent-timeout: ${limits.timeoutMs > 0 ? `${limits.timeoutMs / 60000} min` : 'none'}`,
    `memory-limit: ${Math.round(limits.memoryBytes / 1024 / 1024)}m`,
    `pids-limit: ${limits.pidsLimit}`,
    `host-firewall: ${settings.hostFirewall ? 'on' : 'off'}`,
    `docker-daemon: ${settings.remoteDaemon ? 'remote (topology-only)' : 'auto'}`,
    `home-config: ${settings.homeConfig.map((p) => `~/${safeText(p)}`).join(' ') || '-'}`,
    `protect-git: ${String(settings.protectGit)}`,
    `git-integrity: ${settings.gitIntegrity}`,
    `address-pool: ${(e.addressPool as string | null) ?? '(the default)'}`,
    `image-registry: ${settings.imageRegistry ?? '-'}`,
    `upstream-proxy: ${upstreamLine(settings)}`,
    `tls-without-sni: ${(e.tlsWithoutSni as string[]).join(' ') || '-'}`
  ]
  return `${lines.join('\n')}\n`
}
