/**
 * What the report may print of the names the command chose. A command that looks up
 * `<data>.anything.example` would otherwise have `<data>` republished in the job summary, the
 * annotations and the outputs, which are often public. With `report-detail: domains` (the
 * default) a name is printed only when it plausibly names a real host: every label short and
 * not random-looking, and few distinct names under its registrable domain. The others are
 * counted under their registrable domain (`evil.example: 3 names hidden`). The heuristic is a
 * filter; the bound is the count: at most MAX_NAMES_PER_DOMAIN short names per domain.
 * Full names always stay in events.jsonl in the logs folder.
 */
import { parse as parseDomain } from 'tldts'
import { parseIpLiteral } from '../policy/ip.js'
import { InputError, problem } from '../common/errors.js'

export type ReportDetail = 'domains' | 'full'

export function parseReportDetail(value: string | undefined, where: string): ReportDetail {
  const v = value?.trim() ?? ''
  if (v === '' || v === 'domains') return 'domains'
  if (v === 'full') return 'full'
  throw new InputError([
    problem(
      where,
      v,
      'is not a report-detail setting',
      'Use domains (the default: names that look random, or many names under one domain, are counted, not printed) or full (every name).'
    )
  ])
}

/** More distinct names than this under one registrable domain: all of them are counted, not shown. */
export const MAX_NAMES_PER_DOMAIN = 4
/** More distinct addresses than this in a report: all of them are counted, not shown. */
export const MAX_ADDRESSES = 4
/** Ports printed per destination; the rest are counted. Ports are chosen by the command too. */
export const MAX_PORTS = 5
const MAX_LABEL = 20

/** How one target is printed. */
export interface Shown {
  /** The name itself, or the group it is counted in (a registrable domain, `(hidden).com`, ...). */
  readonly label: string
  /** The name is counted under `label`, not printed. */
  readonly hidden: boolean
}

const vowelRatio = (s: string): number => (s.match(/[aeiouy]/g)?.length ?? 0) / s.length

/**
 * A DNS label a person could have chosen for a host: short, few digits, no long hex run, no
 * letter/digit jumble, pronounceable enough. Data encoded in a label (hex, base32, base64)
 * fails at least one of these.
 */
export function plausibleLabel(label: string): boolean {
  if (label.length === 0 || label.length > MAX_LABEL) return false
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(label)) return false
  if ((label.match(/\d/g)?.length ?? 0) > 4) return false
  if (/[0-9a-f]{8,}/.test(label) && /\d/.test(label)) return false
  if ((label.match(/[a-z]\d|\d[a-z]/g)?.length ?? 0) > 3) return false
  // A digit inside a longer word (base32 and friends); short ones (`k8s`, `i18n`) pass.
  if (label.length >= 8 && /[a-z]\d+[a-z]/.test(label)) return false
  return label
    .split('-')
    .every((part) => part.length < 6 || (vowelRatio(part) >= 0.25 && !/[^aeiouy\d]{6}/.test(part)))
}

/** Text no traffic can produce (the parsers' own placeholders): always printed. */
const isPlaceholder = (target: string): boolean => !/^[A-Za-z0-9._:[\]-]+$/.test(target)

type Group = { key: string; label: string; plausible: boolean }

function groupOf(name: string): Group {
  const p = parseDomain(name, { allowPrivateDomains: true })
  const labels = name.split('.')
  const hiddenNames = { key: 'suffix:', label: '(hidden names)', plausible: false }
  // A public suffix or a single label: its own group, when it looks like a name at all.
  if (!p.domain)
    return labels.every(plausibleLabel)
      ? { key: `name:${name}`, label: name, plausible: true }
      : hiddenNames
  const suffix = p.publicSuffix ?? ''
  // Unknown top-level names count as suffixes too, and are attacker-chosen text as well.
  if (!suffix.split('.').every(plausibleLabel)) return hiddenNames
  if (!plausibleLabel(p.domainWithoutSuffix ?? ''))
    return { key: `suffix:${suffix}`, label: `(hidden).${suffix}`, plausible: false }
  const sub = labels.slice(0, labels.length - p.domain.split('.').length)
  return { key: `domain:${p.domain}`, label: p.domain, plausible: sub.every(plausibleLabel) }
}

/** How each distinct target of a report is printed. */
export function showTargets(targets: readonly string[], detail: ReportDetail): Map<string, Shown> {
  const distinct = [...new Set(targets)]
  const shown = new Map<string, Shown>()
  if (detail === 'full') {
    for (const t of distinct) shown.set(t, { label: t, hidden: false })
    return shown
  }
  const addresses = new Set(distinct.filter((t) => !isPlaceholder(t) && parseIpLiteral(t)))
  const groups = new Map<string, { group: Group; names: string[] }>()
  for (const t of distinct) {
    if (isPlaceholder(t)) shown.set(t, { label: t, hidden: false })
    else if (addresses.has(t))
      shown.set(
        t,
        addresses.size > MAX_ADDRESSES
          ? { label: '(addresses)', hidden: true }
          : { label: t, hidden: false }
      )
    else {
      const group = groupOf(t.toLowerCase())
      const entry = groups.get(group.key) ?? { group, names: [] }
      entry.names.push(t)
      groups.set(group.key, entry)
    }
  }
  for (const { group, names } of groups.values())
    for (const name of names) {
      const own = groupOf(name.toLowerCase())
      const visible = own.plausible && names.length <= MAX_NAMES_PER_DOMAIN
      shown.set(
        name,
        visible ? { label: name, hidden: false } : { label: group.label, hidden: true }
      )
    }
  return shown
}

/** The ports to print and how many more there were. */
export function shownPorts(
  ports: readonly number[],
  detail: ReportDetail
): { ports: readonly number[]; morePorts: number } {
  if (detail === 'full' || ports.length <= MAX_PORTS) return { ports, morePorts: 0 }
  return { ports: ports.slice(0, MAX_PORTS), morePorts: ports.length - MAX_PORTS }
}
