/** The action's inputs, read once, in one place, keyed by their names in action.yml. */
import * as core from '@actions/core'
import type { RunInputs } from '../run/inputs.js'

export interface ActionInputs {
  /** Script run with `bash -e -o pipefail -c` inside the sandbox. */
  readonly run: string
  readonly values: RunInputs
}

/** Never logged: they may hold secrets. */
const UNLOGGED: readonly string[] = ['env', 'credentials']

export function getInputs(): ActionInputs {
  const values: RunInputs = {
    'allow-domains': core.getInput('allow-domains'),
    'block-domains': core.getInput('block-domains'),
    policy: core.getInput('policy'),
    'dns-servers': core.getInput('dns-servers'),
    'allow-networks': core.getInput('allow-networks'),
    mode: core.getInput('mode'),
    'base-image': core.getInput('base-image'),
    'proxy-image': core.getInput('proxy-image'),
    'image-registry': core.getInput('image-registry'),
    'agent-image': core.getInput('agent-image'),
    'home-config': core.getInput('home-config'),
    env: core.getInput('env'),
    'allow-host-ports': core.getInput('allow-host-ports'),
    'allow-urls': core.getInput('allow-urls'),
    'agent-timeout': core.getInput('agent-timeout'),
    'memory-limit': core.getInput('memory-limit'),
    'pids-limit': core.getInput('pids-limit'),
    'host-firewall': core.getInput('host-firewall'),
    'docker-daemon': core.getInput('docker-daemon'),
    tty: core.getBooleanInput('tty'),
    'fail-on-blocked': core.getBooleanInput('fail-on-blocked'),
    'expected-blocks': core.getInput('expected-blocks'),
    'protect-git': core.getInput('protect-git'),
    'git-integrity': core.getInput('git-integrity'),
    'address-pool': core.getInput('address-pool'),
    'report-detail': core.getInput('report-detail'),
    'upstream-proxy': core.getInput('upstream-proxy'),
    'upstream-proxy-auth': core.getInput('upstream-proxy-auth'),
    'tls-without-sni': core.getInput('tls-without-sni'),
    credentials: core.getInput('credentials'),
    'ca-certificates': core.getInput('ca-certificates')
  }
  for (const [key, value] of Object.entries(values))
    if (!UNLOGGED.includes(key)) core.debug(`${key}: ${String(value)}`)
  return { run: core.getInput('run', { required: true }), values }
}
