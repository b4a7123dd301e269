/** `host-firewall`: whether the run installs host iptables rules (needs root or sudo). */
import { InputError, problem } from '../common/errors.js'

/**
 * `docker-daemon`: `auto` finds a daemon elsewhere by itself (DOCKER_HOST, the run's bridges);
 * `remote` runs topology-only whatever it finds (a sidecar reached through a unix socket).
 */
export function parseDockerDaemon(value: string | undefined, where: string): boolean {
  const v = value?.trim() ?? ''
  if (v === '' || v === 'auto') return false
  if (v === 'remote') return true
  throw new InputError([
    problem(
      where,
      v,
      'is not a docker-daemon setting',
      'Use auto (the default: a daemon elsewhere is found by itself) or remote (always topology-only, for a Docker-in-Docker sidecar reached through a unix socket; see docs/self-hosted.md).'
    )
  ])
}

export function parseHostFirewall(value: string | undefined, where: string): boolean {
  const v = value?.trim() ?? ''
  if (v === '' || v === 'on') return true
  if (v === 'off') return false
  throw new InputError([
    problem(
      where,
      v,
      'is not a host-firewall setting',
      'Use on (the default: host iptables rules too) or off (no root needed; see docs/threat-model.md for what that gives up).'
    )
  ])
}
