// Fresh-runner figure: what a user of a release sees on a new machine. A release-like copy of
// the bundle (images.json naming digests) pulls both images from a registry on loopback
// (scripts/local-registry.sh: Debian's docker-registry on 127.0.0.1), with none of our images
// on the machine before each run. Measured: time from starting the CLI to the command's start.
// Our images, and every other tagged image that shares a layer with them, are saved first and
// put back afterwards under their tags and ids, so nothing is lost; images still used by a
// container are not removed (the benchmark stops instead). Run it holding the integration
// lock: for its duration, images other runs need are absent.
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

const layersOf = (ref) =>
  JSON.parse(sh('docker', ['image', 'inspect', '--format', '{{json .RootFS.Layers}}', ref]))
const taggedImages = () =>
  sh('docker', ['images', '--format', '{{.Repository}}:{{.Tag}}'])
    .split('\n')
    .filter((ref) => ref && !ref.includes('<none>'))
const allImages = () => sh('docker', ['images', '--all', '--quiet']).split('\n').filter(Boolean)

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

/** Puts back every saved tag; keeps the saved images' file when that fails. */
function restore(dir, saved, pulled) {
  for (const ref of pulled) if (present(ref)) sh('docker', ['rmi', ref])
  const archive = join(dir, 'local.tar')
  if (saved.some((ref) => !present(ref)) && existsSync(archive))
    sh('docker', ['load', '--quiet', '--input', archive])
  const lost = saved.filter((ref) => !present(ref))
  if (lost.length > 0)
    throw new Error(`images not restored: ${lost.join(' ')} (saved in ${archive}: docker load)`)
  rmSync(dir, { recursive: true, force: true })
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
  /** Tags removed for the measurement, to put back exactly (`docker load` keeps image ids). */
  const saved = []
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
    // Every tagged image holding one of our layers keeps it on the machine (another
    // branch's proxy built from the same first stage, the test suite's attacker image built
    // FROM our agent): a pull would then skip those layers. They go too, saved first.
    const ours = new Set(Object.values(local).flatMap(layersOf))
    const sharers = taggedImages().filter((ref) => layersOf(ref).some((l) => ours.has(l)))
    const users = sharers.flatMap((ref) =>
      sh('docker', ['ps', '-a', '--filter', `ancestor=${ref}`, '--format', '{{.Names}}'])
        .split('\n')
        .filter(Boolean)
    )
    if (users.length > 0)
      throw new Error(
        `containers still use images to remove, remove them first: ${users.join(' ')}`
      )
    saved.push(...sharers)
    sh('docker', ['save', '--output', join(dir, 'local.tar'), ...sharers])
    const results = []
    for (let i = 0; i < runs; i++) {
      // A fresh runner: none of our layers, under any name.
      const names = [...sharers, ...Object.values(refs)].filter(present)
      if (names.length > 0) sh('docker', ['rmi', ...names])
      const left = allImages().filter((id) => layersOf(id).some((l) => ours.has(l)))
      if (left.length > 0)
        throw new Error(`our layers are still on the machine in images: ${left.join(' ')}`)
      const run = await toCommand(join(release, 'dist', 'cli.js'))
      // A run that fell back to a local build measured the wrong thing.
      for (const kind of ['proxy', 'agent'])
        if (!new RegExp(`${kind} image: \\S+@sha256:\\S+ \\(pulled,`).test(run.stderr))
          throw new Error(`the ${kind} image was not pulled from the registry:\n${run.stderr}`)
      results.push(run)
    }
    return { runs: results }
  } finally {
    registry('stop', registryDir)
    restore(dir, saved, Object.values(refs))
  }
}
