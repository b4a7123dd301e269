/**
 * How the summary and the CLI report name the hosts whose TLS the proxy decrypted (issue 16:
 * `credentials` and HTTPS `allow-urls` rules), and the headers it set on them, so that a reader
 * of the report knows which traffic passed through the run's own CA.
 */

export interface InterceptedHost {
  readonly host: string
  /** Header names the proxy sets on every request to the host (`credentials`), never values. */
  readonly headers: readonly string[]
}

const HEADLINE = "decrypted by the proxy with this run's CA"

function hostText(h: InterceptedHost, show: (text: string) => string): string {
  const sets = h.headers.length > 0 ? ` (sets ${h.headers.map(show).join(', ')})` : ''
  return `${show(h.host)}${sets}`
}

export function interceptedMarkdown(
  hosts: readonly InterceptedHost[] | undefined,
  code: (text: string) => string
): string[] {
  if (!hosts?.length) return []
  const headline = HEADLINE[0]!.toUpperCase() + HEADLINE.slice(1)
  return [`${headline}: ${hosts.map((h) => hostText(h, code)).join(', ')}`, '']
}

export function interceptedText(
  hosts: readonly InterceptedHost[] | undefined,
  show: (text: string) => string
): string[] {
  if (!hosts?.length) return []
  return [`${HEADLINE}: ${hosts.map((h) => hostText(h, show)).join(', ')}`]
}
