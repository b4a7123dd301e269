/**
 * Reads the policy file named by the `policy` input or `--policy` flag. On a pull request
 * event it is read from the pull request's base commit (git, through the exec choke point),
 * never from the checked-out tree, and a pull request that changes it gets a notice.
 */
import { readFileSync } from 'node:fs'
import { basename, dirname, resolve } from 'node:path'
import { InputError, safeText } from '../common/errors.js'
import type { PolicyFileText } from '../policy/index.js'
import { pullRequestBase } from '../policy/pull-request.js'
import { lastLine, runCommand, type CommandRunner } from './exec.js'

export interface PolicySourceRequest {
  /** As the user wrote it, relative to `baseDir`. */
  readonly path: string
  readonly baseDir: string
  /** `input policy` or `flag --policy`, for messages. */
  readonly where: string
  /** GITHUB_EVENT_NAME and GITHUB_EVENT_PATH; absent outside Actions. */
  readonly eventName?: string
  readonly eventPath?: string
}

export interface PolicySource {
  readonly file: PolicyFileText
  /** Things the user should know, e.g. that the pull request's change to the file is not used. */
  readonly notices: readonly string[]
}

/** A refusal about the policy file: an input error (exit status 2 on the command line). */
function refuse(req: PolicySourceRequest, message: string): InputError {
  return new InputError([
    { where: req.where, value: req.path, expected: '', message: `${req.where}: ${message}` }
  ])
}

function readWorkspaceFile(full: string): string | undefined {
  try {
    return readFileSync(full, 'utf8')
  } catch {
    return undefined
  }
}

/** Why a file cannot be read: its error code (ENOENT, EACCES, EISDIR). */
function readError(path: string): string {
  try {
    readFileSync(path)
    return 'unreadable'
  } catch (e) {
    return e instanceof Error && 'code' in e
      ? String((e as NodeJS.ErrnoException).code)
      : 'unreadable'
  }
}

async function readFromCommit(
  run: CommandRunner,
  req: PolicySourceRequest,
  full: string,
  sha: string
): Promise<string> {
  const git = (...args: string[]): ReturnType<CommandRunner> =>
    run('git', ['-C', dirname(full), ...args], { timeoutMs: 30000 })
  const short = sha.slice(0, 12)
  const path = safeText(req.path)
  const commit = await git('cat-file', '-e', `${sha}^{commit}`)
  if (commit.exitCode !== 0) {
    if (/not a git repository/i.test(commit.stderr))
      throw refuse(
        req,
        `"${path}" is not inside a git checkout, so it cannot be read from the pull request's base commit ${short}. Check out the repository with actions/checkout before this step.`
      )
    throw refuse(
      req,
      `the pull request's base commit ${short} is not in the checkout, so the policy file "${path}" cannot be read from it (the pull request's own copy is never used). Check out with fetch-depth: 2 (actions/checkout) or fetch the base commit before this step.`
    )
  }
  // cat-file: plumbing, so no pager, textconv or filter of the repository's config runs.
  const blob = await git('cat-file', 'blob', `${sha}:./${basename(full)}`)
  if (blob.exitCode !== 0)
    throw refuse(
      req,
      `the policy file "${path}" does not exist in the pull request's base commit ${short} (git: ${safeText(lastLine(blob.stderr))}). A pull request cannot bring the policy it runs under: merge the policy file first.`
    )
  return blob.stdout
}

export async function readPolicySource(
  req: PolicySourceRequest,
  run: CommandRunner = runCommand
): Promise<PolicySource | undefined> {
  if (!req.path.trim()) return undefined
  const full = resolve(req.baseDir, req.path.trim())
  const onPullRequest = req.eventName?.startsWith('pull_request') ?? false
  const payload = onPullRequest && req.eventPath ? readWorkspaceFile(req.eventPath) : undefined
  if (onPullRequest && payload === undefined)
    throw refuse(
      req,
      `the ${safeText(req.eventName ?? '')} event payload (GITHUB_EVENT_PATH) cannot be read, so the pull request's base commit is unknown and the policy file is not read from the pull request itself`
    )
  let base
  try {
    base = payload === undefined ? undefined : pullRequestBase(req.eventName!, payload)
  } catch (e) {
    throw refuse(req, `${e instanceof Error ? e.message : String(e)}`)
  }
  const local = readWorkspaceFile(full)
  if (!base) {
    if (local === undefined)
      throw refuse(
        req,
        `cannot read the policy file "${safeText(req.path)}" (${readError(full)}). Give a path to a YAML or JSON file relative to ${safeText(req.baseDir)}.`
      )
    return { file: { path: full, text: local }, notices: [] }
  }
  const text = await readFromCommit(run, req, full, base.sha)
  const short = base.sha.slice(0, 12)
  const notices =
    local === text
      ? []
      : [
          `this pull request changes the policy file "${safeText(req.path)}": the run uses the base commit's version (${short}); the change applies once it is merged`
        ]
  // git's own <commit>:<path> notation: messages say which version they are about.
  return { file: { path: `${short}:${req.path.trim()}`, text }, notices }
}
