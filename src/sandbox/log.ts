/**
 * Logging seam: the action routes these to @actions/core, the CLI to stderr. The sandbox
 * never imports @actions/core itself, so the CLI runs outside GitHub Actions unchanged.
 */
export interface Logger {
  debug(message: string): void
  info(message: string): void
  warning(message: string): void
}

let current: Logger = {
  debug: () => undefined,
  info: (m) => process.stderr.write(`${m}\n`),
  warning: (m) => process.stderr.write(`warning: ${m}\n`)
}

export function setLogger(logger: Logger): void {
  current = logger
}

export const debug = (message: string): void => current.debug(message)
export const info = (message: string): void => current.info(message)
export const warning = (message: string): void => current.warning(message)
