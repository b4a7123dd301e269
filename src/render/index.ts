import { renderDnsmasqConf } from './dnsmasq.js'
import { planContainerRules, planHostRules, renderRestore } from './rules.js'
import { renderSeccompProfile } from './seccomp.js'
import { renderSquidConf } from './squid.js'
import type { RenderedConfig, RenderInput } from './types.js'

export { renderDnsmasqConf } from './dnsmasq.js'
export * from './names.js'
export { DENIED_NETWORKS_V4, DENIED_NETWORKS_V6 } from './networks.js'
export * from './rules.js'
export { DENIED_SYSCALLS, renderSeccompProfile, seccompSyscallNames } from './seccomp.js'
export { groupByAccess, renderSquidConf, SQUID_LOG_FORMAT } from './squid.js'
export * from './types.js'

/** The rendered files as (file name, text) pairs. */
export function renderedFiles(config: RenderedConfig): [string, string][] {
  return Object.entries(config) as [string, string][]
}

/** Every file a run needs, keyed by file name. */
export function renderAll(input: RenderInput): RenderedConfig {
  const host = planHostRules(input)
  const container = planContainerRules(input)
  return {
    'squid.conf': renderSquidConf(input),
    'dnsmasq.conf': renderDnsmasqConf(input),
    'seccomp.json': renderSeccompProfile(),
    'host-rules.v4': renderRestore(host.v4),
    'host-rules.v6': renderRestore(host.v6),
    'container-rules.v4': renderRestore(container.v4),
    'container-rules.v6': renderRestore(container.v6)
  }
}
