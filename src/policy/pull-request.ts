/**
 * On a pull request, the policy file must come from the base commit: the pull request's own
 * tree is its author's, and a policy its author can widen is no policy. This reads the base
 * commit out of the event payload (the file at GITHUB_EVENT_PATH).
 */

export interface PullRequestBase {
  readonly number?: number
  /** Full commit id of the base branch the pull request would merge into. */
  readonly sha: string
}

const COMMIT = /^([0-9a-f]{40}|[0-9a-f]{64})$/

/**
 * The base commit when the event payload is a pull request's (pull_request,
 * pull_request_target, review and review-comment events all carry `pull_request.base.sha`);
 * undefined for every other event. A pull request payload without a usable base is an error:
 * reading the pull request's own file instead would fail open.
 */
export function pullRequestBase(
  eventName: string,
  payloadText: string
): PullRequestBase | undefined {
  if (!eventName.startsWith('pull_request')) return undefined
  let payload: unknown
  try {
    payload = JSON.parse(payloadText)
  } catch {
    throw new Error(
      `the ${eventName} event payload is not JSON, so the pull request's base commit is unknown`
    )
  }
  const pr = (payload as { pull_request?: { number?: unknown; base?: { sha?: unknown } } })
    ?.pull_request
  const sha = pr?.base?.sha
  if (typeof sha !== 'string' || !COMMIT.test(sha))
    throw new Error(`the ${eventName} event payload names no base commit for the pull request`)
  return { sha, number: typeof pr?.number === 'number' ? pr.number : undefined }
}
