/**
 * Reference sections of the docs, generated from the files they describe (action.yml, the
 * policy file's JSON Schema, the presets), so the docs cannot drift: a unit test compares
 * them with the committed docs and `npm run docs` rewrites them.
 */
import { GH_AW_ECOSYSTEMS } from '../policy/preset-names.js'
import type { Preset } from '../policy/presets.js'

export interface ActionMetadata {
  readonly inputs: Readonly<
    Record<string, { description: string; required?: boolean; default?: string }>
  >
  readonly outputs: Readonly<Record<string, { description: string }>>
}

export interface PolicySchema {
  readonly properties: Readonly<Record<string, { description?: string }>>
}

/** Table cells hold one line; a pipe would end the cell. */
const cell = (text: string): string => text.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|')

export function renderInputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.inputs).map(([name, spec]) => {
    const dflt = spec.required ? '(required)' : spec.default ? `\`${spec.default}\`` : 'empty'
    return `| \`${name}\` | ${dflt} | ${cell(spec.description)} |`
  })
  return ['| input | default | meaning |', '|---|---|---|', ...rows].join('\n')
}

export function renderOutputsTable(action: ActionMetadata): string {
  const rows = Object.entries(action.outputs).map(
    ([name, spec]) => `| \`${name}\` | ${cell(spec.description)} |`
  )
  return ['| output | meaning |', '|---|---|', ...rows].join('\n')
}

export function renderPolicyKeysTable(schema: PolicySchema): string {
  const rows = Object.entries(schema.properties).map(
    ([key, spec]) => `| \`${key}\` | ${cell(spec.description ?? '')} |`
  )
  return ['| key | meaning |', '|---|---|', ...rows].join('\n')
}

export function renderPresetsDoc(
  presets: Readonly<Record<string, Preset>>,
  ghAw: Readonly<Record<string, readonly string[]>> = GH_AW_ECOSYSTEMS
): string {
  const sections = Object.entries(presets).map(([name, p]) =>
    [
      `## \`@${name}\``,
      '',
      `${p.summary}.`,
      '',
      '| entry | why |',
      '|---|---|',
      ...p.entries.map((e) => `| \`${e.domain}\` | ${cell(e.why)} |`)
    ].join('\n')
  )
  return [
    '# Domain presets',
    '',
    '<!-- Generated from src/policy/presets.ts by `npm run docs`; do not edit. -->',
    '',
    'Write `@name` in `allow-domains` (input, flag or policy file) to allow a preset, for',
    'example `@npm`. A preset expands to exactly the entries below, each validated like an entry',
    'you write yourself; the job summary and the rendered `squid.conf` show the expansion. An',
    "entry without a scheme allows HTTP and HTTPS, and like any entry it allows the name's",
    'subdomains. Presets only allow: in `block-domains` they are refused.',
    '',
    ...sections.flatMap((s) => [s, '']),
    '## Names from GitHub Agentic Workflows',
    '',
    "Written with an @ (`@node`), the ecosystem identifiers of gh-aw's `network: allowed:` list are read as these presets, with a",
    'warning (the lists are not the same); the others have no preset here and are refused with',
    'what to do:',
    '',
    '| gh-aw | here |',
    '|---|---|',
    ...Object.entries(ghAw).map(
      ([name, ours]) =>
        `| \`${name}\` | ${ours.length > 0 ? ours.map((n) => `\`@${n}\``).join(', ') : 'no preset: list the hosts, or find them with `mode: audit`'} |`
    ),
    '',
    'Missing a host your tool needs? Run once with `mode: audit`; the summary suggests the',
    'entries to add.',
    ''
  ].join('\n')
}

/** Replaces the text between `<!-- generated:ID -->` and `<!-- end generated:ID -->`. */
export function replaceGenerated(doc: string, id: string, content: string): string {
  const start = `<!-- generated:${id} -->`
  const end = `<!-- end generated:${id} -->`
  const a = doc.indexOf(start)
  const b = doc.indexOf(end)
  if (a === -1 || b === -1 || b < a) throw new Error(`no generated:${id} markers in the document`)
  return `${doc.slice(0, a + start.length)}\n${content}\n${doc.slice(b)}`
}
