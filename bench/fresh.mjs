// Fresh-runner figure: what a user of a release sees on a new machine. A release-like copy of
// the bundle (images.json naming digests) pulls both images from a registry on loopback
// (scripts/local-registry.sh: Debian's docker-registry on 127.0.0.1), with none of our images
// on the machine before each run. Measured: time from starting the CLI to the command's start.
// Our images are saved first and put back afterwards under their local tags, so nothing is
// lost; images still used by a container are not removed (the benchmark stops instead).
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const sh = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8' }).trim()
const present = (ref) => {
  try {
    execFileSync('docker', ['image', 'inspect', ref], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Uncompressed size of each image, in MB (as `docker images` shows it). */
export function imageSizes(images) {
  return Object.fromEntries(
    Object.entries(images).map(([kind, ref]) => [
      kind,
      Math.round(Number(sh('docker', ['image', 'inspect', '--format', '{{.Size}}', ref])) / 1e5) /
        10
    ])
  )
}

/**
 * `local`: { proxy, agent } tags of the images built from containers/; `toCommand(cli)`: one
 * run of the CLI at that path, resolving to { toCommandMs, phases }.
 */
export async function freshStart({ root, local, runs, toCommand }) {
  const dir = mkdtempSync(join(tmpdir(), 'awf-bench-fresh-'))
  const registryDir = join(dir, 'registry')
  const registry = (...args) => sh('bash', [join(root, 'scripts', 'local-registry.sh'), ...args])
  const address = registry('start', registryDir)
  const refs = {}
  try {
    for (const kind of ['proxy', 'agent'])
      refs[kind] = registry('push', registryDir, local[kind], `awf/awf-${kind}`)
    const release = join(dir, 'release')
    cpSync(join(root, 'dist'), join(release, 'dist'), { recursive: true })
    cpSync(join(root, 'containers'), join(release, 'containers'), { recursive: true })
    const digest = (kind) => refs[kind].split('@')[1]
    writeFileSync(
      join(release, 'images.json'),
      JSON.stringify({
        version: 'bench',
        repository: `${address}/awf`,
        images: { proxy: digest('proxy'), agent: digest('agent') }
      })
    )
    const ids = Object.values(local).map((ref) =>
      sh('docker', ['image', 'inspect', '--format', '{{.Id}}', ref])
    )
    const users = ids.flatMap((id) =>
      sh('docker', ['ps', '-a', '--filter', `ancestor=${id}`, '--format', '{{.Names}}'])
        .split('\n')
        .filter(Boolean)
    )
    if (users.length > 0)
      throw new Error(`containers still use our images, remove them first: ${users.join(' ')}`)
    sh('docker', ['save', '--output', join(dir, 'local.tar'), ...Object.values(local)])
    const results = []
    for (let i = 0; i < runs; i++) {
      // A fresh runner: none of our images, under any name.
      const names = [...Object.values(local), ...Object.values(refs)].filter(present)
      if (names.length > 0) sh('docker', ['rmi', ...names])
      const left = ids.filter(present)
      if (left.length > 0)
        throw new Error(`our images are still on the machine under other names: ${left.join(' ')}`)
      results.push(await toCommand(join(release, 'dist', 'cli.js')))
    }
    return { runs: results }
  } finally {
    if (Object.values(local).some((ref) => !present(ref)) && existsSync(join(dir, 'local.tar')))
      sh('docker', ['load', '--quiet', '--input', join(dir, 'local.tar')])
    for (const ref of Object.values(refs)) if (present(ref)) sh('docker', ['rmi', ref])
    registry('stop', registryDir)
    rmSync(dir, { recursive: true, force: true })
  }
}
