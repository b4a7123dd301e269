/**
 * How the summary and the CLI report say that a run was topology-only (the Docker daemon was
 * elsewhere, so no host rule was applied) and which checks it could not make.
 */

export interface TopologyOnlyFacts {
  /** Why the daemon was taken for remote. */
  readonly why: string
  /** The checks a local daemon gets that this run could not make. */
  readonly notChecked: readonly string[]
}

const HEADLINE =
  'topology-only: the Docker daemon is not on this runner, so no host firewall rules were applied; enforced by the internal network, Squid, the DNS forwarder, the container rules, capabilities and seccomp'

export function topologyOnlyMarkdown(
  facts: TopologyOnlyFacts | undefined,
  escape: (text: string) => string
): string[] {
  if (!facts) return []
  return [
    `**${HEADLINE}** (${escape(facts.why)}).`,
    '',
    'Checks not made:',
    '',
    // Our own sentences (src/sandbox/topology-only.ts), shown as written.
    ...facts.notChecked.map((c) => `- ${c}`),
    ''
  ]
}

export function topologyOnlyText(facts: TopologyOnlyFacts | undefined): string[] {
  if (!facts) return []
  return [`${HEADLINE} (${facts.why})`, ...facts.notChecked.map((c) => `  not checked: ${c}`)]
}
