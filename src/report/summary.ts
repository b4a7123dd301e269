/**
 * The job summary (markdown), the CLI's text report and the annotations, from a Report.
 * Every value that came from the agent's traffic is escaped: a hostname cannot add markdown,
 * HTML or a workflow command to what we print.
 */
import { ExitCode } from '../common/exit-codes.js'
import type { Provenance } from '../policy/settings.js'
import type { Mode, PresetUse } from '../policy/types.js'
import { unlistedLine } from './integrity.js'
import type { Report } from './report.js'
import type { SuggestedPolicy } from './suggest.js'
import { gitFindingsMarkdown, gitFindingsText, type GitIntegrityFacts } from './git-findings.js'
import { refusedRequestsMarkdown, refusedRequestsText } from './requests.js'
import { interceptedMarkdown, interceptedText, type InterceptedHost } from './interception-facts.js'
import { topologyOnlyMarkdown, topologyOnlyText, type TopologyOnlyFacts } from './topology-only.js'

export interface RunFacts {
  readonly mode: Mode
  readonly exitCode: number
  readonly durationMs: number
  /** The self-check's passed checks (the armed layers). */
  readonly checks: readonly string[]
  readonly logsDir: string
  /** Set when the command was killed at agent-timeout. */
  readonly timedOutMinutes?: number
  /** Set when the command was killed because the proxy died or rules changed under it. */
  readonly firewallFailure?: string
  /** false with host-firewall off: the summary says which layers held. */
  readonly hostFirewall?: boolean
  /** Set when the Docker daemon was elsewhere (no host rules; the checks not made). */
  readonly topologyOnly?: TopologyOnlyFacts
  /** Presets used in allow-domains, with what each expanded to. */
  readonly presets?: readonly PresetUse[]
  /** What the command left in the git metadata for later steps (src/report/git-findings.ts). */
  readonly git?: GitIntegrityFacts
  /** The policy file, and what inputs added to it or replaced in it. */
  readonly policySources?: Provenance
  /** Our proxy and agent images, and where each came from. */
  readonly images?: readonly ImageUse[]
  /** Hosts whose TLS the proxy decrypted, with the headers it set on them. */
  readonly intercepted?: readonly InterceptedHost[]
}

/** The policy file the run used and, per key, what the inputs added to its lists. */
function sourceLines(facts: RunFacts): string[] {
  const sources = facts.policySources
  if (sources?.file === undefined) return []
  const added = sources.keys.filter((k) => k.fromInput.length > 0)
  return [
    `Policy file ${code(sources.file)}${sources.lock ? ' (locked: inputs may only add blocks)' : ''}${added.length > 0 ? ', with inputs added:' : ''}`,
    '',
    ...added.map((k) => `- ${code(k.key)}: ${k.fromInput.map(code).join(', ')}`),
    ...(added.length > 0 ? [''] : [])
  ]
}

export interface ImageUse {
  readonly kind: string
  /** `name@sha256:...` for a published image, `awf-<kind>:<hash>` for a local build. */
  readonly ref: string
  /** given, published (present), pulled, local, cache, built. */
  readonly source: string
}

const imageLine = (i: ImageUse): string => `${i.kind} image ${i.ref} (${i.source})`

function presetLines(facts: RunFacts): string[] {
  const presets = facts.presets ?? []
  if (presets.length === 0) return []
  return [
    'Presets in allow-domains:',
    '',
    ...presets.map((p) => `- ${code(`@${p.name}`)}: ${p.domains.map(code).join(', ')}`),
    ''
  ]
}

const HOST_FIREWALL_OFF =
  'host-firewall off: no host iptables rules; enforced by the internal network, Squid, the DNS forwarder, the container rules, capabilities and seccomp'

function timeoutLine(facts: RunFacts): string[] {
  if (facts.firewallFailure !== undefined)
    return [
      `**The firewall failed during the run, so the command was killed (exit code ${ExitCode.sandbox}):** ${escapeText(facts.firewallFailure)}`,
      ''
    ]
  return facts.timedOutMinutes === undefined
    ? []
    : [
        `**The command was killed after agent-timeout (${facts.timedOutMinutes} min) and the step fails with exit code ${ExitCode.timeout}.**`,
        ''
      ]
}

const MAX_ROWS = 50
const MAX_ANNOTATIONS = 10

/** Anything but letters, digits, dot, colon and hyphen becomes an HTML entity. */
export function escapeText(text: string): string {
  return text.replace(/[^A-Za-z0-9.:\- ]/g, (c) => `&#${c.codePointAt(0)};`)
}

const code = (text: string): string => `<code>${escapeText(text)}</code>`

const hiddenNote = (hidden: number): string =>
  hidden === 0 ? '' : ` (${hidden} name${hidden === 1 ? '' : 's'} hidden)`

const portList = (
  p: { ports: readonly number[]; morePorts: number },
  none: string,
  separator = ', '
): string =>
  p.ports.length === 0
    ? none
    : `${p.ports.join(separator)}${p.morePorts ? ` +${p.morePorts} more` : ''}`

const HIDDEN_EXPLAINED =
  'Names that look random, or many under one domain, are counted rather than shown (report-detail: domains): a command could hide data in them. events.jsonl in the logs folder has every name.'

/** Never "nothing blocked" while a block was counted, itemised or not. */
function headline(report: Report): string {
  if (report.totals.blocked === 0) return 'nothing blocked'
  if (report.blocked.length > 0) return `${report.blocked.length} destination(s) blocked`
  return `${report.totals.blocked} blocked attempt(s), not itemised`
}

function unlistedSection(report: Report): string[] {
  if (report.unlisted.length === 0) return []
  return [
    '### Counted, not itemised',
    '',
    ...report.unlisted.map((u) => `- ${unlistedLine(u)}`),
    ''
  ]
}

function headerLines(report: Report, facts: RunFacts): string[] {
  return [
    `## awf-action: ${headline(report)}`,
    '',
    `**enforcement verified: ${facts.checks.length}/${facts.checks.length} checks** · mode ${facts.mode} · ` +
      `command exited ${facts.exitCode} · ${(facts.durationMs / 1000).toFixed(1)} s · ` +
      `${report.totals.allowed} allowed, ${report.totals.blocked} blocked`,
    '',
    '<details><summary>Checks passed before the command started</summary>',
    '',
    ...facts.checks.map((c) => `- ${c}`),
    '',
    '</details>',
    '',
    ...sourceLines(facts),
    ...(facts.images?.length
      ? [`Images: ${facts.images.map((i) => code(imageLine(i))).join(', ')}`, '']
      : []),
    ...interceptedMarkdown(facts.intercepted, code),
    ...presetLines(facts),
    ...(facts.hostFirewall === false && !facts.topologyOnly
      ? [`**${HOST_FIREWALL_OFF}.**`, '']
      : []),
    ...topologyOnlyMarkdown(facts.topologyOnly, escapeText),
    ...timeoutLine(facts),
    ...gitFindingsMarkdown(facts.git, escapeText),
    ...unlistedSection(report)
  ]
}

function suggestionSection(suggestion: SuggestedPolicy | undefined): string[] {
  if (!suggestion) return []
  return [
    '### Suggested policy (audit mode)',
    '',
    'Everything the command reached over HTTP(S), collapsed by registrable domain:',
    '',
    '<pre>',
    ...suggestion.yaml.trimEnd().split('\n').map(escapeText),
    '</pre>',
    ''
  ]
}

/** The lines that would allow the blocked destinations, as an input and as a policy file. */
function allowLines(suggestions: readonly string[]): string[] {
  if (suggestions.length === 0) return []
  return [
    '',
    'To allow them, add to `allow-domains`:',
    '',
    '<pre>',
    ...suggestions.map(escapeText),
    '</pre>',
    '',
    'or to the policy file:',
    '',
    '<pre>',
    'allow-domains:',
    ...suggestions.map((x) => `  - ${escapeText(x)}`),
    '</pre>',
    ''
  ]
}

function blockedSection(report: Report): string[] {
  if (report.blocked.length === 0) return []
  return [
    '### Blocked',
    '',
    '| destination | ports | layer | to allow it |',
    '|---|---|---|---|',
    ...report.blocked
      .slice(0, MAX_ROWS)
      .map(
        (b) =>
          `| ${code(b.target)}${hiddenNote(b.hidden)}${b.expected ? ' (expected)' : ''} | ${portList(b, '–')} | ${b.layers.join(', ')} | ${b.suggestion ? code(b.suggestion) : (b.advice ?? '')} |`
      ),
    ...(report.blocked.some((b) => b.hidden > 0) ? ['', HIDDEN_EXPLAINED] : []),
    ...(report.blocked.length > MAX_ROWS
      ? ['', `… and ${report.blocked.length - MAX_ROWS} more (see events.jsonl in the logs).`]
      : []),
    ...allowLines(report.blocked.flatMap((b) => (b.suggestion ? [b.suggestion] : [])))
  ]
}

function destinationsSection(report: Report, facts: RunFacts): string[] {
  return [
    '<details><summary>Every destination</summary>',
    '',
    '| destination | allowed | blocked | ports | layers |',
    '|---|---|---|---|---|',
    ...report.rows
      .slice(0, MAX_ROWS)
      .map(
        (r) =>
          `| ${code(r.target)}${hiddenNote(r.hidden)} | ${r.allowed} | ${r.blocked} | ${portList(r, '')} | ${r.layers.join(', ')} |`
      ),
    ...(report.rows.length > MAX_ROWS
      ? ['', `… and ${report.rows.length - MAX_ROWS} more (see events.jsonl in the logs).`]
      : []),
    '',
    '</details>',
    '',
    `Logs: ${code(facts.logsDir)}`,
    ''
  ]
}

export function renderSummaryMarkdown(
  report: Report,
  facts: RunFacts,
  suggestion?: SuggestedPolicy
): string {
  return [
    ...headerLines(report, facts),
    ...suggestionSection(suggestion),
    ...blockedSection(report),
    ...refusedRequestsMarkdown(report.refused, escapeText),
    ...destinationsSection(report, facts)
  ].join('\n')
}

/** Plain text for the CLI. Control characters are shown escaped. */
export function renderTextReport(report: Report, facts: RunFacts): string {
  const safe = (t: string): string => JSON.stringify(t).slice(1, -1)
  const lines = [
    `enforcement verified: ${facts.checks.length}/${facts.checks.length} checks; ${report.totals.allowed} allowed, ${report.totals.blocked} blocked`,
    ...(facts.hostFirewall === false && !facts.topologyOnly ? [HOST_FIREWALL_OFF] : []),
    ...topologyOnlyText(facts.topologyOnly).map(safe),
    ...interceptedText(facts.intercepted, safe),
    ...(facts.firewallFailure === undefined
      ? []
      : [
          `the firewall failed during the run, so the command was killed (exit code ${ExitCode.sandbox}): ${facts.firewallFailure}`
        ]),
    ...(facts.timedOutMinutes === undefined
      ? []
      : [
          `the command was killed after ${facts.timedOutMinutes} min (agent-timeout): exit code ${ExitCode.timeout}`
        ]),
    ...(facts.presets ?? []).map((p) => `preset @${p.name} = ${p.domains.join(' ')}`),
    ...gitFindingsText(facts.git),
    ...report.unlisted.map((u) => `counted, not itemised: ${unlistedLine(u)}`),
    ...(facts.images ?? []).map(imageLine)
  ]
  for (const r of report.rows.slice(0, MAX_ROWS))
    lines.push(
      `  ${r.blocked > 0 ? 'BLOCKED' : 'allowed'}  ${safe(r.target)}${hiddenNote(r.hidden)}  ports ${portList(r, '-', ',')}  (${r.layers.join(', ')})`
    )
  if (report.rows.length > MAX_ROWS) lines.push(`  … and ${report.rows.length - MAX_ROWS} more`)
  lines.push(...refusedRequestsText(report.refused))
  if (report.rows.some((r) => r.hidden > 0)) lines.push(HIDDEN_EXPLAINED)
  const suggestions = report.blocked.flatMap((b) => (b.suggestion ? [b.suggestion] : []))
  if (suggestions.length > 0)
    lines.push(`to allow: --allow-domains ${suggestions.map(safe).join(',')}`)
  return `${lines.join('\n')}\n`
}

export interface Annotation {
  readonly title: string
  readonly message: string
}

/** One annotation per blocked destination (bounded), with the line to add or why there is none. */
export function blockedAnnotations(report: Report): Annotation[] {
  const safe = (t: string): string => JSON.stringify(t).slice(1, -1)
  const list = report.blocked.filter((b) => !b.expected)
  const out = list.slice(0, MAX_ANNOTATIONS).map((b) => ({
    title: `awf-action blocked ${safe(b.target)}${hiddenNote(b.hidden)}`,
    message:
      b.hidden > 0
        ? `${b.hidden} name(s) counted under ${safe(b.target)} (ports ${portList(b, '-')}) were blocked by the ${b.layers.join(' and ')} layer. ${HIDDEN_EXPLAINED}`
        : `${safe(b.target)} (ports ${portList(b, '-')}) was blocked by the ${b.layers.join(' and ')} layer. ` +
          (b.suggestion
            ? `To allow it, add this line to allow-domains: ${safe(b.suggestion)}`
            : `It cannot simply be allowed: ${b.advice ?? ''}.`)
  }))
  if (list.length > MAX_ANNOTATIONS)
    out.push({
      title: 'awf-action blocked more',
      message: `${list.length - MAX_ANNOTATIONS} more destinations were blocked; see the job summary.`
    })
  for (const u of report.unlisted.filter((x) => x.decision === 'blocked'))
    out.push({
      title: 'awf-action counted blocks it cannot itemise',
      message: `${unlistedLine(u)}.`
    })
  return out
}
