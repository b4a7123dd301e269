/**
 * The run's temporary folder (rendered configs, the handshake FIFOs, the fresh HOME) and its
 * logs folder: made here, removed by teardown.
 */
import { chmodSync, chownSync, lstatSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PathKind } from '../agent/filesystem.js'
import { renderedFiles, type RenderedConfig } from '../render/index.js'
import { replaceFile } from './safe-files.js'

/** A folder the given users can read (and, for logs, write) inside containers. */
export function makeDir(path: string, mode: number): string {
  mkdirSync(path, { recursive: true })
  chmodSync(path, mode)
  return path
}

/** Writes every rendered file for the proxy, keeps a copy in the logs, and the agent's resolv.conf. */
export function writeConfigs(
  workDir: string,
  logsDir: string,
  rendered: RenderedConfig,
  proxyIp: string
): void {
  const configDir = makeDir(join(workDir, 'config'), 0o755)
  const kept = makeDir(join(logsDir, 'config'), 0o755)
  for (const [file, text] of renderedFiles(rendered)) {
    writeFileSync(join(configDir, file), text, { mode: 0o644 })
    replaceFile(join(kept, file), text)
  }
  writeFileSync(join(workDir, 'resolv.conf'), `nameserver ${proxyIp}\noptions ndots:0\n`, {
    mode: 0o644
  })
}

export function kindOf(path: string): PathKind {
  try {
    const st = lstatSync(path)
    return st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other'
  } catch {
    return 'missing'
  }
}

/** Where the command's fresh HOME and the masking file live in the work folder. */
export const homePath = (workDir: string): string => join(workDir, 'home')
export const emptyFilePath = (workDir: string): string => join(workDir, 'empty')

/** The command's HOME: empty, and owned by the user the command runs as. */
export function freshHome(workDir: string, uid: number, gid: number): string {
  const home = makeDir(homePath(workDir), 0o700)
  if (process.getuid?.() === 0) chownSync(home, uid, gid)
  return home
}

/** The file mounted over every path hidden from the command. */
export function emptyFile(workDir: string): string {
  const path = emptyFilePath(workDir)
  writeFileSync(path, '', { mode: 0o444 })
  return path
}
