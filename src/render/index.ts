import { renderDnsmasqConf } from './dnsmasq.js'
import { planContainerRules } from './container-rules.js'
import { planHostRules } from './host-rules.js'
import { renderRestore, type RulePlan } from './rules.js'
import { renderSeccompProfile } from './seccomp.js'
import { renderSquidConf } from './squid.js'
import type { RenderedConfig, RenderInput } from './types.js'

export { renderDnsmasqConf } from './dnsmasq.js'
export * from './names.js'
export { DENIED_NETWORKS_V4, DENIED_NETWORKS_V6 } from './networks.js'
export * from './rules.js'
export { CONTAINER_CHAINS, planContainerRules } from './container-rules.js'
export { planHostRules } from './host-rules.js'
export { planProblems } from './plan-check.js'
export * from './ruleset.js'
export { DENIED_SYSCALLS, renderSeccompProfile, seccompSyscallNames } from './seccomp.js'
export { renderSquidConf, SQUID_LOG_FORMAT } from './squid.js'
export * from './types.js'
export * from './squid-intercept.js'

/** The rendered files as (file name, text) pairs. */
export function renderedFiles(config: RenderedConfig): [string, string][] {
  return Object.entries(config) as [string, string][]
}

/** The run's two rule plans, built once: rendered, applied, self-checked and watched. */
export interface RunRulePlans {
  readonly host: RulePlan
  readonly container: RulePlan
}

export function planRules(input: RenderInput): RunRulePlans {
  return { host: planHostRules(input), container: planContainerRules(input) }
}

/** Every file a run needs, keyed by file name, from the policy and the run's rule plans. */
export function renderAll(
  input: RenderInput,
  { host, container }: RunRulePlans = planRules(input)
): RenderedConfig {
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
