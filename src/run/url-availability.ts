/**
 * HTTPS URL rules need the proxy to intercept their hosts' tunnels (a per-run CA), which this
 * build does not have yet: such a rule is refused, clearly, rather than run half-enforced.
 * Plain HTTP rules are enforced on the proxy's own port and work now.
 */
import { PolicyError, problem, quote } from '../policy/problem.js'
import type { Policy } from '../policy/types.js'

export function refuseInterceptedUrls(policy: Policy | undefined, where: string): void {
  const https = policy?.allowUrls.filter((r) => r.protocol === 'https') ?? []
  if (https.length === 0) return
  throw new PolicyError(
    https.map((r) =>
      problem(
        where,
        r.source,
        'is an HTTPS URL rule, which is not available yet: it needs TLS interception of its host',
        'Use an http:// rule, or allow-domains for the whole host, until interception lands.',
        `${quote(r.source)}`
      )
    )
  )
}
