/**
 * The job summary (markdown), the CLI's text report and the annotations, from a Report.
 * Every value that came from the agent's traffic is escaped: a hostname cannot add markdown,
 * HTML or a workflow command to what we print.
 */
import { ExitCode } from '../common/exit-codes.js'
import type { Mode, PresetUse } from '../policy/types.js'
import type { Report } from './report.js'
import type { SuggestedPolicy } from './suggest.js'

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
  /** Presets used in allow-domains, with what each expanded to. */
  readonly presets?: readonly PresetUse[]
}

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

export function renderSummaryMarkdown(
  report: Report,
  facts: RunFacts,
  suggestion?: SuggestedPolicy
): string {
  const lines = [
    `## awf-action: ${report.totals.blocked === 0 ? 'nothing blocked' : `${report.blocked.length} destination(s) blocked`}`,
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
    ...presetLines(facts),
    ...(facts.hostFirewall === false ? [`**${HOST_FIREWALL_OFF}.**`, ''] : []),
    ...timeoutLine(facts)
  ]
  if (suggestion)
    lines.push(
      '### Suggested policy (audit mode)',
      '',
      'Everything the command reached over HTTP(S), collapsed by registrable domain:',
      '',
      '<pre>',
      ...suggestion.yaml.trimEnd().split('\n').map(escapeText),
      '</pre>',
      ''
    )
  if (report.blocked.length > 0) {
    const suggestions = report.blocked.flatMap((b) => (b.suggestion ? [b.suggestion] : []))
    lines.push(
      '### Blocked',
      '',
      '| destination | ports | layer | to allow it |',
      '|---|---|---|---|'
    )
    for (const b of report.blocked.slice(0, MAX_ROWS))
      lines.push(
        `| ${code(b.target)}${b.expected ? ' (expected)' : ''} | ${b.ports.join(', ') || '–'} | ${b.layers.join(', ')} | ${b.suggestion ? code(b.suggestion) : (b.advice ?? '')} |`
      )
    if (report.blocked.length > MAX_ROWS)
      lines.push(
        '',
        `… and ${report.blocked.length - MAX_ROWS} more (see events.jsonl in the logs).`
      )
    if (suggestions.length > 0)
      lines.push(
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
      )
  }
  lines.push(
    '<details><summary>Every destination</summary>',
    '',
    '| destination | allowed | blocked | ports | layers |',
    '|---|---|---|---|---|',
    ...report.rows
      .slice(0, MAX_ROWS)
      .map(
        (r) =>
          `| ${code(r.target)} | ${r.allowed} | ${r.blocked} | ${r.ports.join(', ')} | ${r.layers.join(', ')} |`
      ),
    ...(report.rows.length > MAX_ROWS
      ? ['', `… and ${report.rows.length - MAX_ROWS} more (see events.jsonl in the logs).`]
      : []),
    '',
    '</details>',
    '',
    `Logs: ${code(facts.logsDir)}`,
    ''
  )
  return lines.join('\n')
}

/** Plain text for the CLI. Control characters are shown escaped. */
export function renderTextReport(report: Report, facts: RunFacts): string {
  const safe = (t: string): string => JSON.stringify(t).slice(1, -1)
  const lines = [
    `enforcement verified: ${facts.checks.length}/${facts.checks.length} checks; ${report.totals.allowed} allowed, ${report.totals.blocked} blocked`,
    ...(facts.hostFirewall === false ? [HOST_FIREWALL_OFF] : []),
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
    ...(facts.presets ?? []).map((p) => `preset @${p.name} = ${p.domains.join(' ')}`)
  ]
  for (const r of report.rows.slice(0, MAX_ROWS))
    lines.push(
      `  ${r.blocked > 0 ? 'BLOCKED' : 'allowed'}  ${safe(r.target)}  ports ${r.ports.join(',') || '-'}  (${r.layers.join(', ')})`
    )
  if (report.rows.length > MAX_ROWS) lines.push(`  … and ${report.rows.length - MAX_ROWS} more`)
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
    title: `awf-action blocked ${safe(b.target)}`,
    message:
      `${safe(b.target)} (ports ${b.ports.join(', ') || '-'}) was blocked by the ${b.layers.join(' and ')} layer. ` +
      (b.suggestion
        ? `To allow it, add this line to allow-domains: ${safe(b.suggestion)}`
        : `It cannot simply be allowed: ${b.advice ?? ''}.`)
  }))
  if (list.length > MAX_ANNOTATIONS)
    out.push({
      title: 'awf-action blocked more',
      message: `${list.length - MAX_ANNOTATIONS} more destinations were blocked; see the job summary.`
    })
  return out
}
