/** What the platform is, for runnerRefusal (src/agent/runner-support.ts): files and the environment only. */
import { accessSync, constants } from 'node:fs'
import { delimiter, join } from 'node:path'
import type { RunnerFacts } from '../agent/runner-support.js'

function onPath(name: string, path: string): boolean {
  return path
    .split(delimiter)
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, name), constants.X_OK)
        return true
      } catch {
        return false
      }
    })
}

/**
 * A `container:` job runs actions inside the job container, where the runner mounts its
 * externals at /__e (the Node that runs us) and the work folder at /__w.
 */
function inJobContainer(
  env: Readonly<Record<string, string | undefined>>,
  execPath: string
): boolean {
  return (
    env.GITHUB_ACTIONS === 'true' &&
    (execPath.startsWith('/__e/') || (env.GITHUB_WORKSPACE ?? '').startsWith('/__w/'))
  )
}

export function platformFacts(
  env: Readonly<Record<string, string | undefined>>,
  execPath: string,
  platform: string
): RunnerFacts {
  return {
    platform,
    inJobContainer: inJobContainer(env, execPath),
    dockerOnPath: onPath('docker', env.PATH ?? ''),
    // sudo's secure_path holds the sbin folders even where the user's PATH does not.
    iptablesFound: onPath(
      'iptables-restore',
      [env.PATH ?? '', '/usr/sbin', '/sbin'].join(delimiter)
    )
  }
}
