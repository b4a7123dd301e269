/**
 * The `credentials` input: API keys the agent never holds. One line per header,
 * `HOST HEADER=TEMPLATE`, for example `api.anthropic.com x-api-key=${ANTHROPIC_API_KEY}`.
 * The proxy decrypts HOST's tunnels and sets HEADER on every request to it, replacing what
 * the agent sent; the variables the templates name are read from the step's environment (by
 * the pipeline, never here) and the agent gets a placeholder in each instead.
 */
import { problem, type InputProblem } from '../common/errors.js'
import { matchesDomain, parseIpLiteral } from '../policy/index.js'
import type { Policy } from '../policy/types.js'

/** What the command finds in a variable a credential template names. */
export const CREDENTIAL_PLACEHOLDER = 'awf-placeholder-key'

/** Literal text, or a variable whose value is inserted there. */
export type TemplatePart = { readonly text: string } | { readonly variable: string }

export interface CredentialSetting {
  readonly host: string
  readonly header: string
  readonly template: readonly TemplatePart[]
}

const NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/
const HEADER = /^[A-Za-z0-9][A-Za-z0-9-]{0,63}$/
/** Headers that frame or route the request (or the proxy's own): never ours to set. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'te',
  'trailer',
  'proxy-authorization',
  'proxy-connection',
  'via',
  'forwarded',
  'x-forwarded-for'
])
/**
 * A value squid.conf carries as a quoted string: printable ASCII without quote, backslash or
 * percent (Squid reads `%` as the start of a format code).
 */
export const HEADER_VALUE = /^[ !#-$&-[\]-~]+$/
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g
const MAX_VALUE = 8192

const ACCEPTED =
  'Write one HOST HEADER=TEMPLATE a line, e.g. api.example.com Authorization=Bearer ${API_KEY}.'

function parseTemplate(text: string): TemplatePart[] {
  const parts: TemplatePart[] = []
  let at = 0
  for (const m of text.matchAll(VARIABLE)) {
    if (m.index > at) parts.push({ text: text.slice(at, m.index) })
    parts.push({ variable: m[1]! })
    at = m.index + m[0].length
  }
  if (at < text.length) parts.push({ text: text.slice(at) })
  return parts
}

/** One line, or the problem with it (the line is configuration, never a secret). */
function parseLine(
  line: string,
  where: string,
  policy: Policy | undefined,
  env: Readonly<Record<string, string | undefined>>
): CredentialSetting | InputProblem {
  const m = /^(\S+)\s+([^=\s]+)=(.*)$/.exec(line)
  // The line is not shown: a key pasted into it must not reach a log.
  if (!m)
    return problem(where, line, 'is not HOST HEADER=TEMPLATE (the line is not shown)', ACCEPTED, '')
  const host = m[1]!.toLowerCase()
  const [header, text] = [m[2]!, m[3]!.trim()]
  if (!NAME.test(host) || host.length > 253 || parseIpLiteral(host))
    return problem(where, m[1]!, 'is not a host name', 'Name one host, without scheme, port or *.')
  if (!HEADER.test(header) || RESERVED_HEADERS.has(header.toLowerCase()))
    return problem(
      where,
      header,
      'is not a header the proxy may set',
      'Give a header name of letters, digits and -, other than Host, Content-Length, Connection and the proxy headers.'
    )
  const template = parseTemplate(text)
  const literal = template.flatMap((p) => ('text' in p ? [p.text] : []))
  if (!template.some((p) => 'variable' in p))
    return problem(
      where,
      `${host} ${header}`,
      'gives a value that names no variable (the value is not shown: it may be a key)',
      'Put the secret in ${NAME}, never in the input.'
    )
  if (literal.some((t) => !HEADER_VALUE.test(t) || t.includes('$')))
    return problem(
      where,
      `${host} ${header}`,
      'gives a value with characters a header value cannot carry here (the value is not shown)',
      'Use printable ASCII without quotes, backslashes, % or a $ outside ${NAME}.'
    )
  if (policy && !policy.allowDomains.some((a) => matchesDomain(a, host) && httpsAllowed(a)))
    return problem(where, host, 'is not allowed over HTTPS', 'Allow it in allow-domains too.')
  for (const part of template) {
    if (!('variable' in part)) continue
    const value = env[part.variable] ?? ''
    // The value is a secret: messages name the variable, never show it.
    if (value === '' || value.length > MAX_VALUE || !HEADER_VALUE.test(value))
      return problem(
        where,
        part.variable,
        value === ''
          ? 'names a variable that is empty or not set'
          : 'names a variable whose value a header cannot carry here',
        "Set it in the step's env: printable ASCII without quotes, backslashes or %."
      )
  }
  return { host, header: header.toLowerCase(), template }
}

const httpsAllowed = (rule: Policy['allowDomains'][number]): boolean =>
  rule.access.some((a) => a.protocol === 'https')

export interface ParsedCredentials {
  readonly credentials: readonly CredentialSetting[]
  readonly problems: readonly InputProblem[]
}

export function parseCredentials(
  text: string,
  where: string,
  policy: Policy | undefined,
  env: Readonly<Record<string, string | undefined>>
): ParsedCredentials {
  const credentials: CredentialSetting[] = []
  const problems: InputProblem[] = []
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) continue
    const parsed = parseLine(line, where, policy, env)
    if ('message' in parsed) problems.push(parsed)
    else if (credentials.some((c) => c.host === parsed.host && c.header === parsed.header))
      problems.push(
        problem(
          where,
          `${parsed.host} ${parsed.header}`,
          'is set twice',
          'Give each header of a host once.'
        )
      )
    else credentials.push(parsed)
  }
  return { credentials, problems }
}

/** The variables the templates name: the agent gets a placeholder in each. */
export function credentialVariables(credentials: readonly CredentialSetting[]): string[] {
  const names = credentials.flatMap((c) =>
    c.template.flatMap((p) => ('variable' in p ? [p.variable] : []))
  )
  return [...new Set(names)]
}

/** The header's value, from the step's environment (read by the pipeline only). */
export function credentialValue(
  c: CredentialSetting,
  env: Readonly<Record<string, string | undefined>>
): string {
  return c.template.map((p) => ('text' in p ? p.text : (env[p.variable] ?? ''))).join('')
}
