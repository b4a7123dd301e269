/**
 * Temporary folders for tests, removed when the test file ends (jest.config.js runs
 * `removeScratch` after every file through scratch-cleanup.ts): a test that fails halfway
 * still leaves nothing in the machine's temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const made: string[] = []

/** A new folder under the temporary root, named `<prefix>XXXXXX`. */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  made.push(dir)
  return dir
}

export function removeScratch(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}
