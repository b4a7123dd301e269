/** The composition root: the real Docker, netfilter, process runner and live-system probes. */
import { existsSync, readFileSync } from 'node:fs'
import { runCanary } from './canary.js'
import { ENTRYPOINT_MOUNT, INIT_MOUNT } from './container-specs.js'
import { Docker } from './docker.js'
import { realExec } from './exec.js'
import { Handshake } from './handshake.js'
import { findInitBinary } from './images.js'
import { Netfilter } from './netfilter.js'
import { inspectProcessTree } from './process-check.js'
import { waitForProxy } from './readiness.js'
import { reaperScript } from './reaper.js'
import { scanWithFind } from './root-only.js'
import { observeRunner } from './runner-facts.js'
import type { SandboxDeps } from './types.js'

export function realDeps(): SandboxDeps {
  return {
    docker: new Docker(realExec),
    netfilter: new Netfilter(realExec.run),
    exec: realExec,
    probes: {
      waitForProxy,
      openHandshake: (dir) => Handshake.create(realExec.run, dir),
      inspectProcesses: inspectProcessTree,
      findInitBinary: () => findInitBinary(),
      observeRunner,
      interfaceExists: (name) => existsSync(`/sys/class/net/${name}`),
      isAgentProcess: (pid, asRoot) =>
        asRoot ? existsSync(`/proc/${pid}/root${ENTRYPOINT_MOUNT}`) : agentCommandLine(pid),
      canary: runCanary,
      scanRootOnly: scanWithFind(realExec.run)
    },
    reaper: reaperScript()
  }
}

/**
 * Without root, the agent's root folder cannot be entered, but its command line can be read:
 * the agent's PID 1 is our init running our entrypoint.
 */
function agentCommandLine(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').startsWith(
      [INIT_MOUNT, '--', '/bin/sh', ENTRYPOINT_MOUNT, ''].join('\0')
    )
  } catch {
    return false
  }
}
