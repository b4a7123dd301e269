/**
 * Keeps built images in the runner's tool cache (docker save/load) on self-hosted runners,
 * whose tool cache survives between jobs. GitHub-hosted runners start empty every job, so
 * saving there would only cost time.
 */
import * as tc from '@actions/tool-cache'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Docker } from '../sandbox/docker.js'
import type { ImageCache } from '../sandbox/images.js'

/** Tool-cache coordinates of an image tag `awf-proxy:<hash>`: tool `awf-proxy`, version `1.0.0-h<hash>`. */
function coordinates(tag: string): { tool: string; version: string } {
  const [tool = '', hash = ''] = tag.split(':')
  return { tool, version: `1.0.0-h${hash}` }
}

export function toolCacheImages(docker: Docker): ImageCache | undefined {
  if (process.env.RUNNER_ENVIRONMENT !== 'self-hosted' || !process.env.RUNNER_TOOL_CACHE)
    return undefined
  return {
    async restore(tag) {
      const { tool, version } = coordinates(tag)
      const dir = tc.find(tool, version)
      if (!dir) return false
      await docker.load(join(dir, 'image.tar'))
      return (await docker.imageId(tag)) !== undefined
    },
    async save(tag) {
      const { tool, version } = coordinates(tag)
      const scratch = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'awf-image-'))
      try {
        await docker.save(tag, join(scratch, 'image.tar'))
        await tc.cacheFile(join(scratch, 'image.tar'), 'image.tar', tool, version)
      } finally {
        rmSync(scratch, { recursive: true, force: true })
      }
    }
  }
}
