/**
 * Requests refused by `allow-urls` rules: the method and path of each, read from Squid's
 * `%ru`, and what the report may print of a path. A path is chosen by the command, so under
 * `report-detail: domains` it is printed as privacy.ts prints names: a segment only when it
 * reads like one a person chose, a few segments, a few distinct paths per host; everything
 * else is counted. The query string is never kept (Squid strips it from its log too).
 */
import { plausibleLabel, type ReportDetail } from './privacy.js'
import type { NetEvent } from './events.js'

/** A request's method and path (no query), as the log showed them, made safe to store. */
export interface RequestLine {
  readonly method: string
  readonly path: string
}

const MAX_PATH = 300
const METHOD = /^[A-Z]{1,12}$/
/** RFC 3986 path characters; anything else in a logged path is percent-encoded. */
const PATH_CHAR = /[A-Za-z0-9\-._~!$&'()*+,;=:@/%]/

/** `GET` and `http://host/a/b?q` (or `https://host:8443/a`) -> the method and `/a/b`. */
export function requestLine(method: string, url: string): RequestLine | undefined {
  if (!METHOD.test(method) || method === 'CONNECT') return undefined
  const m = /^https?:\/\/[^/?#]*(\/[^?#]*)?/i.exec(url)
  if (!m) return undefined
  const raw = m[1] ?? '/'
  const path = [...raw]
    .map((c) => (PATH_CHAR.test(c) ? c : encodeURIComponent(c)))
    .join('')
    .slice(0, MAX_PATH)
  return { method, path }
}

/** Segments printed of a path, and distinct paths printed per host, under `domains`. */
export const MAX_SEGMENTS = 6
export const MAX_PATHS_PER_HOST = 5
const HIDDEN_SEGMENT = '(hidden)'

/** A path segment a person could have chosen: its words (split at . _ -) each plausible. */
function plausibleSegment(segment: string): boolean {
  if (segment === '') return true
  if (segment.length > 40 || !/^[A-Za-z0-9._-]+$/.test(segment)) return false
  return segment
    .toLowerCase()
    .split(/[._-]+/)
    .every((word) => word === '' || plausibleLabel(word))
}

/** The path as it may be printed, and whether any of it was left out. */
export function shownPath(path: string, detail: ReportDetail): { path: string; hidden: boolean } {
  if (detail === 'full') return { path, hidden: false }
  const segments = path.split('/').slice(1)
  const kept = segments
    .slice(0, MAX_SEGMENTS)
    .map((s) => (plausibleSegment(s) ? s : HIDDEN_SEGMENT))
  const more = segments.length > MAX_SEGMENTS
  return {
    path: `/${kept.join('/')}${more ? '/…' : ''}`,
    hidden: more || kept.includes(HIDDEN_SEGMENT)
  }
}

/** Refused requests to one host, by method and printable path. */
export interface RefusedRequest {
  readonly host: string
  readonly port?: number
  readonly protocol: 'http' | 'https'
  readonly method: string
  /** The path as it may be printed (`(hidden)` segments); method and path '' when only counted. */
  readonly path: string
  readonly count: number
  /** The allow-urls line that would allow it, when the whole path is printed. */
  readonly suggestion?: string
}

function ruleFor(r: Omit<RefusedRequest, 'suggestion' | 'count'>): string {
  const defaultPort = r.protocol === 'https' ? 443 : 80
  const port = r.port === undefined || r.port === defaultPort ? '' : `:${r.port}`
  return `${r.method} ${r.protocol}://${r.host}${port}${r.path}`
}

/** Blocked requests to hosts that allow-urls governs, grouped as the report may show them. */
export function refusedRequests(
  events: readonly NetEvent[],
  urlHosts: readonly string[],
  detail: ReportDetail
): RefusedRequest[] {
  type Group = Map<string, RefusedRequest & { hidden: boolean }>
  const byHost = new Map<string, Group>()
  for (const e of events) {
    if (e.decision !== 'blocked' || !e.request || !urlHosts.includes(e.target)) continue
    const protocol = e.protocol === 'https' ? 'https' : 'http'
    const shown = shownPath(e.request.path, detail)
    const key = `${e.request.method} ${protocol} ${e.port ?? ''} ${shown.path}`
    const group: Group =
      byHost.get(e.target) ?? new Map<string, RefusedRequest & { hidden: boolean }>()
    const prev = group.get(key)
    group.set(key, {
      host: e.target,
      port: e.port,
      protocol,
      method: e.request.method,
      path: shown.path,
      hidden: shown.hidden,
      count: (prev?.count ?? 0) + 1
    })
    byHost.set(e.target, group)
  }
  const out: RefusedRequest[] = []
  for (const group of byHost.values()) {
    const all = [...group.values()]
    const counted = detail === 'domains' && all.length > MAX_PATHS_PER_HOST
    const listed = counted
      ? [
          {
            ...all[0]!,
            method: '',
            path: '',
            count: all.reduce((n, r) => n + r.count, 0),
            hidden: true
          }
        ]
      : all
    for (const { hidden, ...r } of listed) out.push(hidden ? r : { ...r, suggestion: ruleFor(r) })
  }
  return out.sort((a, b) => b.count - a.count || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0))
}

const MAX_REFUSED_ROWS = 50
const requestShown = (r: RefusedRequest): string =>
  r.method === '' ? 'paths counted, not shown' : `${r.method} ${r.path}`
const PATHS_EXPLAINED =
  'Path segments that look random, and the paths of a host refused on many paths, are not shown (report-detail: domains): a command could hide data in them. events.jsonl in the logs folder has every path.'

/** The job summary's section; `escape` is the summary's own escaping of untrusted text. */
export function refusedRequestsMarkdown(
  refused: readonly RefusedRequest[],
  escape: (text: string) => string
): string[] {
  if (refused.length === 0) return []
  const code = (t: string): string => `<code>${escape(t)}</code>`
  const suggestions = refused.flatMap((r) => (r.suggestion ? [r.suggestion] : []))
  return [
    '### Requests refused by allow-urls',
    '',
    '| host | request | count | rule that would allow it |',
    '|---|---|---|---|',
    ...refused
      .slice(0, MAX_REFUSED_ROWS)
      .map(
        (r) =>
          `| ${code(r.host)} | ${code(requestShown(r))} | ${r.count} | ${r.suggestion ? code(r.suggestion) : '–'} |`
      ),
    ...(refused.length > MAX_REFUSED_ROWS
      ? ['', `… and ${refused.length - MAX_REFUSED_ROWS} more (see events.jsonl in the logs).`]
      : []),
    ...(refused.some((r) => !r.suggestion) ? ['', PATHS_EXPLAINED] : []),
    ...(suggestions.length > 0
      ? [
          '',
          'To allow them, add to `allow-urls`:',
          '',
          '<pre>',
          ...suggestions.map(escape),
          '</pre>'
        ]
      : []),
    ''
  ]
}

/** The CLI report's lines. Control characters are shown escaped. */
export function refusedRequestsText(refused: readonly RefusedRequest[]): string[] {
  const safe = (t: string): string => JSON.stringify(t).slice(1, -1)
  return refused
    .slice(0, MAX_REFUSED_ROWS)
    .map(
      (r) =>
        `  REFUSED  ${safe(r.host)}  ${safe(requestShown(r))}  x${r.count}${r.suggestion ? `  (to allow: --allow-urls '${safe(r.suggestion)}')` : ''}`
    )
}
