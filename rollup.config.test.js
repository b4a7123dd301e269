// The integration suite's ablation entry (src/testing/): built into build/, never into dist/.
import { entry } from './rollup.config.js'

export default [
  entry('src/testing/ablation-cli.ts', 'build/ablation-cli.js', '#!/usr/bin/env node')
]
