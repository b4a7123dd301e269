/**
 * URL rules (`allow-urls`): one rule a line, `[METHODS] URL-PATTERN`, such as
 * `GET,HEAD https://github.com/my-org/*`. A rule names one exact host (no wildcard, no
 * subdomains), a scheme, a port and a path in which `*` matches any run of characters within
 * the path; the query string never takes part. Everything a rule may hold is checked here so
 * that the renderer only ever escapes known characters (src/render/squid-urls.ts).
 */
import { parseDomainEntry } from './domain.js'
import { isProblem, problem, quote, type PolicyProblem } from './problem.js'
import type { UrlMethod, UrlRule } from './types.js'

export const URL_METHODS: readonly UrlMethod[] = [
  'GET',
  'HEAD',
  'POST',
  'PUT',
  'PATCH',
  'DELETE',
  'OPTIONS'
]

const MAX_RULE = 1000
export const URL_RULE_FORM =
  'Write one rule a line: [METHODS] URL-PATTERN, such as GET,HEAD https://example.com/org/* (METHODS: a comma-separated list of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS; none = every method).'

/**
 * RFC 3986 path characters (unreserved, sub-delimiters, `:`, `@`, `/`, percent escapes) and
 * `*` as the wildcard. No space, quote, backslash, brace, `#` or `?` can ever reach squid.conf.
 */
const PATH = /^\/(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/

/** A `.` or `..` segment (also percent-encoded): servers resolve it, so a rule could be escaped. */
const DOT_SEGMENT = /(?:^|\/)(?:\.|%2e){1,2}(?:\/|$)/i

function parseMethods(text: string, where: string, raw: string): UrlMethod[] | PolicyProblem {
  const methods: UrlMethod[] = []
  for (const m of text.split(',')) {
    const known = URL_METHODS.find((k) => k === m)
    if (known) {
      if (!methods.includes(known)) methods.push(known)
      continue
    }
    const upper = URL_METHODS.find((k) => k === m.toUpperCase())
    return problem(
      where,
      raw,
      m === '' ? 'has an empty method' : `has the method ${quote(m.slice(0, 20))}`,
      upper
        ? `Methods are written in capitals: ${upper}. ${URL_RULE_FORM}`
        : m.toUpperCase() === 'CONNECT'
          ? `CONNECT is not a request method a URL rule can allow. ${URL_RULE_FORM}`
          : URL_RULE_FORM
    )
  }
  return methods
}

function checkPath(path: string, where: string, raw: string): PolicyProblem | undefined {
  if (path === '')
    return problem(
      where,
      raw,
      'has no path',
      'Give a path after the host: /org/* for everything under /org/, /* for every path.'
    )
  if (path.includes('?'))
    return problem(
      where,
      raw,
      'contains a query',
      'The query string is never part of a rule: leave it out; the rule matches any query.'
    )
  if (path.includes('#')) return problem(where, raw, 'contains a fragment ("#")', URL_RULE_FORM)
  if (!PATH.test(path)) {
    const bad = [...path].find((c) => !/[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/.test(c)) ?? '%'
    return problem(
      where,
      raw,
      `has ${bad === '%' ? 'a "%" that is not a percent escape (%XX)' : `the character ${JSON.stringify(bad)} in its path`}`,
      "Paths use letters, digits, -._~!$&'()+,;=:@/, percent escapes (%2F) and * as the wildcard."
    )
  }
  if (DOT_SEGMENT.test(path.replace(/\*/g, 'x')))
    return problem(
      where,
      raw,
      'has a "." or ".." path segment',
      'Write the path as the server sees it, without dot segments.'
    )
  return undefined
}

/** The URL part of a rule: scheme, one exact host, optional port, and a path. */
function parseUrl(
  url: string,
  where: string,
  raw: string
): Omit<UrlRule, 'methods' | 'source'> | PolicyProblem {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url)
  if (!scheme)
    return problem(
      where,
      raw,
      'has no scheme',
      `Start the URL with https:// or http://. ${URL_RULE_FORM}`
    )
  const s = scheme[1]!.toLowerCase()
  if (s !== 'http' && s !== 'https')
    return problem(where, raw, `uses the scheme "${s}"`, 'Only https:// and http:// URLs.')
  const rest = url.slice(scheme[0].length)
  const slash = rest.search(/[/?#]/)
  const authority = slash === -1 ? rest : rest.slice(0, slash)
  const path = slash === -1 ? '' : rest.slice(slash)
  if (authority.includes('@'))
    return problem(
      where,
      raw,
      'contains user information',
      'Give the host only: https://example.com/path.'
    )
  if (authority.startsWith('*'))
    return problem(
      where,
      raw,
      'has a wildcard host',
      'A URL rule names one host exactly; list each host in its own rule.'
    )
  const domain = parseDomainEntry(`${s}://${authority}`, where, 'allow')
  if (isProblem(domain)) return domain
  const bad = checkPath(path, where, raw)
  if (bad) return bad
  const access = domain.access[0]!
  return { protocol: access.protocol, host: domain.name, port: access.port, path }
}

/** One line of `allow-urls`. */
export function parseUrlRule(text: string, where: string): UrlRule | PolicyProblem {
  const raw = text.trim()
  if (raw.length > MAX_RULE)
    return problem(where, raw, `is longer than ${MAX_RULE} characters`, URL_RULE_FORM)
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000a-\u001f\u007f]/.test(raw))
    return problem(where, raw, 'contains a control character', URL_RULE_FORM)
  const parts = raw.split(/[ \t]+/)
  if (parts.length > 2)
    return problem(
      where,
      raw,
      'has more than two parts',
      `Separate methods with commas, not spaces, and put one rule a line. ${URL_RULE_FORM}`
    )
  const [first = '', second] = parts
  const methods = second === undefined ? [] : parseMethods(first, where, raw)
  if (isProblem(methods)) return methods
  const url = parseUrl(second ?? first, where, raw)
  if (isProblem(url)) return url
  return { methods, ...url, source: raw }
}

/**
 * The rules of one `allow-urls` text: a rule a line, blank lines and `#` comments (at the
 * start of a line or after a space) skipped. A `#` inside a URL stays, and is refused.
 */
export function urlRuleLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const comment = line.search(/(^|\s)#/)
      return (comment === -1 ? line : line.slice(0, comment)).trim()
    })
    .filter((line) => line !== '')
}

const ruleKey = (r: UrlRule): string =>
  `${r.protocol}://${r.host}:${r.port}${r.path} ${[...r.methods].sort().join(',')}`

/** Identical rules once each, in a stable order (host, port, path). */
export function uniqueUrlRules(rules: readonly UrlRule[]): UrlRule[] {
  return [...new Map(rules.map((r) => [ruleKey(r), r])).values()].sort((a, b) =>
    ruleKey(a) < ruleKey(b) ? -1 : ruleKey(a) > ruleKey(b) ? 1 : 0
  )
}

/** The hosts URL rules govern: each exact name once, sorted. */
export function urlRuleHosts(rules: readonly UrlRule[]): string[] {
  return [...new Set(rules.map((r) => r.host))].sort()
}

/** A rule in its normalised form (`GET,HEAD https://example.com/org/*`), for check and docs. */
export function urlRuleText(r: UrlRule): string {
  const defaultPort = r.protocol === 'https' ? 443 : 80
  const port = r.port === defaultPort ? '' : `:${r.port}`
  const methods = r.methods.length > 0 ? `${r.methods.join(',')} ` : ''
  return `${methods}${r.protocol}://${r.host}${port}${r.path}`
}
