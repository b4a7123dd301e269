/**
 * Files the host writes into folders another party could also write (the logs folder, which
 * the proxy container shares): never through a symbolic link planted there, never into
 * anything but a file of our own making.
 */
import { closeSync, constants, lstatSync, openSync, unlinkSync, writeSync } from 'node:fs'

/**
 * Writes `text` to a new file at `path`: whatever is there (a file, or a link planted to make
 * us overwrite something else) is unlinked first, then the file is created exclusively
 * without following links, so a link put back in between makes this fail instead of writing
 * through it.
 */
export function replaceFile(path: string, text: string, mode = 0o644): void {
  try {
    if (!lstatSync(path).isDirectory()) unlinkSync(path)
  } catch {
    // Absent: nothing to remove.
  }
  const fd = openSync(
    path,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW,
    mode
  )
  try {
    writeSync(fd, text)
  } finally {
    closeSync(fd)
  }
}
