// A run that ended hands the removal of its networks and temporary files to a background
// reaper (src/sandbox/reaper.ts) that holds the run's lease until they are gone. Runs timed
// back to back would otherwise each start while the previous one's reaper still works.
import { closeSync, constants, openSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const LEASES = '/run/awf/leases'

/** Whether some process holds the lease FIFO open for reading (its owner or its reaper). */
function held(path) {
  try {
    closeSync(openSync(path, constants.O_WRONLY | constants.O_NONBLOCK))
    return true
  } catch {
    return false
  }
}

/** Waits (at most 15 s) until no lease on the machine is held. */
export async function reapersDone() {
  const deadline = Date.now() + 15000
  const busy = () => {
    try {
      return readdirSync(LEASES).some((n) => n.endsWith('.lease') && held(join(LEASES, n)))
    } catch {
      return false
    }
  }
  while (busy() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
}
