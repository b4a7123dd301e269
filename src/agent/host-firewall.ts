/** `host-firewall`: whether the run installs host iptables rules (needs root or sudo). */
import { InputError, problem } from '../common/errors.js'

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
