import { realDeps } from './sandbox/deps.js'
import { reap } from './sandbox/reaper.js'

process.exitCode = await reap(realDeps(), process.argv[2] ?? '')
