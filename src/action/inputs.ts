/** The action's inputs, read once, in one place. Names match action.yml exactly. */
import * as core from '@actions/core'

export interface Inputs {
  /** Script run with `bash -e -o pipefail -c` inside the sandbox. */
  readonly run: string
  readonly allowDomains: string
  readonly blockDomains: string
  /** Path to a YAML or JSON policy file, relative to the workspace. */
  readonly policy: string
  readonly dnsServers: string
  readonly allowNetworks: string
  /** `enforce` or `audit`. */
  readonly mode: string
  readonly baseImage: string
  readonly proxyImage: string
  readonly agentImage: string
  /** Fail the step when anything outside expected-blocks was blocked. */
  readonly failOnBlocked: boolean
  readonly expectedBlocks: string
  /** `NAME` or `NAME=value` lines; never logged (values may be secrets). */
  readonly env: string
  readonly allowHostPorts: string
  readonly agentTimeout: string
  readonly memoryLimit: string
  readonly pidsLimit: string
  readonly tty: boolean
  /** `on` (default) or `off`. */
  readonly hostFirewall: string
}

export function getInputs(): Inputs {
  const inputs: Inputs = {
    run: core.getInput('run', { required: true }),
    allowDomains: core.getInput('allow-domains'),
    blockDomains: core.getInput('block-domains'),
    policy: core.getInput('policy'),
    dnsServers: core.getInput('dns-servers'),
    allowNetworks: core.getInput('allow-networks'),
    mode: core.getInput('mode'),
    baseImage: core.getInput('base-image'),
    proxyImage: core.getInput('proxy-image'),
    agentImage: core.getInput('agent-image'),
    failOnBlocked: core.getBooleanInput('fail-on-blocked'),
    expectedBlocks: core.getInput('expected-blocks'),
    env: core.getInput('env'),
    allowHostPorts: core.getInput('allow-host-ports'),
    agentTimeout: core.getInput('agent-timeout'),
    memoryLimit: core.getInput('memory-limit'),
    pidsLimit: core.getInput('pids-limit'),
    tty: core.getBooleanInput('tty'),
    hostFirewall: core.getInput('host-firewall')
  }
  for (const [key, value] of Object.entries(inputs))
    if (key !== 'run' && key !== 'env') core.debug(`${key}: ${value}`)
  return inputs
}
