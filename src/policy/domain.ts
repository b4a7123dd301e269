/**
 * Domain entries: parsing, normalisation and the refusals that keep anything dangerous out of
 * the rendered configs; coverage and collapsing of overlapping entries.
 */
import { domainToASCII } from 'node:url'
import { parse as parseDomain } from 'tldts'
import type { Access, DomainRule, Protocol } from './types.js'
import { presetList, presetsMeant } from './preset-names.js'
import { isProblem, problem, quote, type PolicyProblem } from './problem.js'
import { escapeNonAscii, wholeScriptLookalike } from './confusables.js'
import { mixedScriptLabel } from './scripts.js'
import { ipLiteralProblem, looksLikeIp } from './special-addresses.js'

export type ListKind = 'allow' | 'block'

const MAX_ENTRY = 1000
const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/
const ENTRY_HELP =
  'Give a domain such as example.com, *.example.com, https://example.com or example.com:8443.'
const BLOCK_HELP = 'Give a domain such as example.com or *.example.com.'

export const ALL_ACCESS: readonly Access[] = [
  { protocol: 'http', port: 80 },
  { protocol: 'https', port: 443 }
]

function accessFor(scheme: Protocol | undefined, port: number | undefined): Access[] {
  const protocols: Protocol[] = scheme ? [scheme] : ['http', 'https']
  return protocols.map((protocol) => ({ protocol, port: port ?? (protocol === 'http' ? 80 : 443) }))
}

/** The normalised name, or a problem. `host` is the part between scheme/wildcard and port. */
function normaliseName(
  host: string,
  where: string,
  raw: string,
  help: string
): string | PolicyProblem {
  // eslint-disable-next-line no-control-regex
  if (/[\s\u0000-\u001f\u007f]/.test(host))
    return problem(
      where,
      raw,
      'contains whitespace or a control character',
      `Put one domain per entry. ${help}`
    )
  let name = host.toLowerCase()
  if (name.endsWith('.')) name = name.slice(0, -1)
  if (/[^\x21-\x7e]/.test(name)) {
    const ascii = domainToASCII(name)
    if (!ascii) return problem(where, raw, 'is not a valid internationalised domain name', help)
    name = ascii
  }
  const bad = /[^a-z0-9.-]/.exec(name)
  if (bad)
    return problem(
      where,
      raw,
      `contains the character ${JSON.stringify(bad[0])}`,
      `Domains use only letters, digits, dots and hyphens. ${help}`
    )
  return name
}

function checkName(
  name: string,
  wildcard: boolean,
  where: string,
  raw: string,
  help: string
): PolicyProblem | undefined {
  if (name.length > 253) return problem(where, raw, 'is longer than 253 characters', help)
  const labels = name.split('.')
  if (labels.some((l) => l === ''))
    return problem(where, raw, 'has an empty label (two dots in a row, or a leading dot)', help)
  const badLabel = labels.find((l) => l.length > 63 || !LABEL.test(l))
  if (badLabel !== undefined)
    return problem(
      where,
      raw,
      `has an invalid label "${badLabel.slice(0, 70)}"`,
      `Labels are 1 to 63 letters, digits or inner hyphens. ${help}`
    )
  if (looksLikeIp(name)) return ipLiteralProblem(where, raw, name)
  // Before the public-suffix check: `java` is a top-level domain, but meant as the preset.
  const meant = labels.length < 2 && !wildcard ? presetsMeant(name) : undefined
  if (meant)
    return problem(
      where,
      raw,
      'is a single-label name',
      `Did you mean the preset ${presetList(meant)}?`
    )
  const psl = parseDomain(name, { allowPrivateDomains: true })
  if (psl.publicSuffix === name && (psl.isIcann || psl.isPrivate))
    return problem(
      where,
      raw,
      `would ${wildcard ? 'allow' : 'cover'} every name under the public suffix "${name}"`,
      psl.isPrivate
        ? `Names under "${name}" belong to different owners: list the hosts you need, such as ${wildcard ? `raw.${name}` : `example.${name}`}.`
        : 'Use a registrable domain such as example.com.'
    )
  if (name === 'localhost' || name.endsWith('.localhost'))
    return problem(
      where,
      raw,
      'names this machine',
      'Reaching services on the runner is not done through allow-domains.'
    )
  if (labels.length < 2)
    return problem(where, raw, 'is a single-label name', `Give a fully qualified domain. ${help}`)
  return undefined
}

/** Why an allowed name may be a look-alike of another, or undefined. */
function lookalikeProblem(rule: DomainRule, raw: string, where: string): PolicyProblem | undefined {
  const mixed = mixedScriptLabel(rule.name)
  if (mixed)
    return problem(
      where,
      raw,
      `mixes ${mixed.scripts.join(' and ')} letters in "${mixed.label}", so it may be a look-alike of another name`,
      `Check the name; if it is the one you mean, write it as ${rule.source}! to confirm.`
    )
  const whole = wholeScriptLookalike(rule.name)
  if (whole)
    return problem(
      where,
      raw,
      `is written in ${whole.scripts.join(' and ')} letters that look like Latin ones: it reads as "${whole.latin}" but is ${rule.name}`,
      `Check the name; if it is the one you mean, add a trailing ! to the entry to confirm it (as in ${rule.name}!).`,
      escapeNonAscii(quote(raw))
    )
  return undefined
}

/**
 * One entry of `allow-domains` (kind 'allow') or `block-domains` (kind 'block'). An allowed
 * name that may be a look-alike of another (scripts mixed in a label, or a label wholly in
 * letters of another script that look like Latin ones) needs a confirming `!`.
 */
export function parseDomainEntry(
  text: string,
  where: string,
  kind: ListKind = 'allow'
): DomainRule | PolicyProblem {
  const raw = text.trim()
  const confirmed = raw.endsWith('!')
  const rule = parseEntryBody(confirmed ? raw.slice(0, -1) : raw, where, kind)
  if (isProblem(rule)) return rule
  const lookalike = kind === 'allow' ? lookalikeProblem(rule, raw, where) : undefined
  if (lookalike && !confirmed) return lookalike
  if (confirmed && !lookalike)
    return problem(
      where,
      raw,
      'ends with "!", which confirms only a look-alike name (scripts mixed in a label, or a label wholly in letters that look like Latin ones)',
      `Write it as ${rule.source}.`
    )
  return rule
}

function parseEntryBody(
  text: string,
  where: string,
  kind: ListKind = 'allow'
): DomainRule | PolicyProblem {
  const help = kind === 'allow' ? ENTRY_HELP : BLOCK_HELP
  const raw = text.trim()
  if (raw.length > MAX_ENTRY)
    return problem(where, raw, `is longer than ${MAX_ENTRY} characters`, help)
  if (raw === '') return problem(where, raw, 'is empty', help)
  let rest = raw
  let scheme: Protocol | undefined
  const schemeMatch = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest)
  if (schemeMatch) {
    const s = schemeMatch[1]!.toLowerCase()
    if (kind === 'block')
      return problem(where, raw, 'has a scheme', `A block covers every protocol and port. ${help}`)
    if (s !== 'http' && s !== 'https')
      return problem(
        where,
        raw,
        `uses the scheme "${s}"`,
        'Only http:// and https:// are supported, or no scheme for both.'
      )
    scheme = s
    rest = rest.slice(schemeMatch[0].length)
  }
  if (rest.startsWith('[')) return ipLiteralProblem(where, raw, rest.replace(/\].*$/, ']'))
  const structural = /[/?#@]/.exec(rest)
  if (structural) {
    const what = {
      '/': 'a path',
      '?': 'a query',
      '#': 'a "#" (comments need a space before them)',
      '@': 'user information'
    }[structural[0]]
    return problem(where, raw, `contains ${what}`, `Entries name a domain only. ${help}`)
  }
  let port: number | undefined
  const colon = rest.indexOf(':')
  if (colon !== -1) {
    const portText = rest.slice(colon + 1)
    if (rest.indexOf(':', colon + 1) !== -1) return ipLiteralProblem(where, raw, rest)
    if (kind === 'block')
      return problem(where, raw, 'has a port', `A block covers every protocol and port. ${help}`)
    if (!/^[1-9]\d{0,4}$/.test(portText) || Number(portText) > 65535)
      return problem(
        where,
        raw,
        `has an invalid port ${quote(portText.slice(0, 20))}`,
        'Ports are whole numbers from 1 to 65535, without leading zeros.'
      )
    port = Number(portText)
    rest = rest.slice(0, colon)
  }
  let includeApex = true
  if (rest.startsWith('*.')) {
    includeApex = false
    rest = rest.slice(2)
  }
  if (rest.includes('*'))
    return problem(
      where,
      raw,
      'uses "*" other than as the whole leftmost label',
      'Write *.example.com for every subdomain of example.com.'
    )
  const name = normaliseName(rest, where, raw, help)
  if (typeof name !== 'string') return name
  const bad = checkName(name, !includeApex, where, raw, help)
  if (bad) return bad
  return { name, includeApex, access: kind === 'allow' ? accessFor(scheme, port) : [], source: raw }
}

/** Does the rule match this normalised host name? */
export function matchesDomain(rule: DomainRule, host: string): boolean {
  return host === rule.name ? rule.includeApex : host.endsWith(`.${rule.name}`)
}

/** Does `a` match every name `b` matches (ignoring access)? */
export function nameCovers(a: DomainRule, b: DomainRule): boolean {
  return b.includeApex ? matchesDomain(a, b.name) : matchesDomain(a, b.name) || b.name === a.name
}

function accessKey(x: Access): string {
  return `${x.protocol}:${x.port}`
}

/** Does `a` match every name `b` matches, with every protocol and port `b` grants? */
export function domainCovers(a: DomainRule, b: DomainRule): boolean {
  const granted = new Set(a.access.map(accessKey))
  return nameCovers(a, b) && b.access.every((x) => granted.has(accessKey(x)))
}

function sortAccess(access: readonly Access[]): Access[] {
  const unique = new Map(access.map((x) => [accessKey(x), x]))
  return [...unique.values()].sort(
    (x, y) => x.protocol.localeCompare(y.protocol) || x.port - y.port
  )
}

/** The name and every parent domain of it, nearest first: a.b.c -> a.b.c, b.c, c. */
function selfAndAncestors(name: string): string[] {
  const labels = name.split('.')
  return labels.map((_, i) => labels.slice(i).join('.'))
}

/** Rules indexed by name, so "is this covered?" looks only at the name's ancestors. */
export class DomainIndex {
  private readonly byName = new Map<string, DomainRule[]>()

  constructor(rules: readonly DomainRule[]) {
    for (const r of rules) this.byName.set(r.name, [...(this.byName.get(r.name) ?? []), r])
  }

  /** The first indexed rule other than `rule` that satisfies `covers(candidate, rule)`. */
  find(
    rule: DomainRule,
    covers: (a: DomainRule, b: DomainRule) => boolean
  ): DomainRule | undefined {
    for (const name of selfAndAncestors(rule.name))
      for (const candidate of this.byName.get(name) ?? [])
        if (candidate !== rule && covers(candidate, rule)) return candidate
    return undefined
  }
}

/**
 * Merges entries naming the same thing and drops entries another entry fully covers, so that
 * no overlap ever reaches Squid. The result is the same whatever the input order.
 */
export function collapseDomains(rules: readonly DomainRule[]): DomainRule[] {
  const merged = new Map<string, DomainRule>()
  for (const r of rules) {
    const key = `${r.includeApex ? '' : '*.'}${r.name}`
    const prev = merged.get(key)
    merged.set(
      key,
      prev
        ? { ...prev, access: sortAccess([...prev.access, ...r.access]) }
        : { ...r, access: sortAccess(r.access) }
    )
  }
  const all = [...merged.values()]
  const index = new DomainIndex(all)
  return all
    .filter((b) => index.find(b, domainCovers) === undefined)
    .sort((x, y) =>
      x.name < y.name ? -1 : x.name > y.name ? 1 : Number(y.includeApex) - Number(x.includeApex)
    )
}
