/**
 * The integration suite's own entry: the command-line tool with one layer weakened on purpose
 * (AWF_TEST_DISABLE_LAYER, and AWF_TEST_RUN_DESPITE_CHECKS=1 to let the command run anyway).
 * Built by rollup.config.test.js into build/, never into dist/: no shipped bundle reads
 * either variable, so no step before ours can switch a layer off.
 */
import { main } from '../cli/main.js'
import { parseAblatedLayer } from '../sandbox/ablation.js'

const layer = process.env.AWF_TEST_DISABLE_LAYER
process.stderr.write(`TEST ONLY: the ${layer ?? '(none)'} layer is disabled\n`)
process.exitCode = await main(process.argv.slice(2), {
  ablation: layer
    ? {
        layer: parseAblatedLayer(layer),
        runDespiteChecks: process.env.AWF_TEST_RUN_DESPITE_CHECKS === '1'
      }
    : undefined
})
