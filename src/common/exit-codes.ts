/**
 * The exit statuses the tool gives besides the command's own, used by the CLI, the action's
 * messages and the summary alike.
 */
export const ExitCode = {
  /** Invalid input: a flag, an input or the policy. Nothing was started. */
  usage: 2,
  /** The command succeeded but fail-on-blocked found blocks outside expected-blocks (CLI). */
  blocked: 3,
  /** The command succeeded but left git metadata a later git command would run (git-integrity: fail). */
  git: 4,
  /** The command was still running at agent-timeout, as timeout(1) reports it. */
  timeout: 124,
  /** The sandbox could not start, or the firewall failed under the running command. */
  sandbox: 125
} as const

/** The status a command killed by a signal is reported with, as a shell does. */
export function signalExitCode(signalNumber: number): number {
  return 128 + signalNumber
}
