// Four bundles: the action's main and post entries, the command-line tool, and the reaper
// that finishes a teardown in the background (src/sandbox/reaper.ts).
import commonjs from '@rollup/plugin-commonjs'
import json from '@rollup/plugin-json'
import nodeResolve from '@rollup/plugin-node-resolve'
import typescript from '@rollup/plugin-typescript'

export const entry = (input, file, banner) => ({
  input,
  output: { file, format: 'es', sourcemap: false, banner },
  plugins: [
    typescript({
      tsconfig: 'tsconfig.json',
      include: ['src/**/*.ts'],
      outDir: file.slice(0, file.lastIndexOf('/')),
      noEmit: false
    }),
    nodeResolve({ preferBuiltins: true }),
    commonjs(),
    json()
  ],
  onwarn(warning, warn) {
    // @actions/* use `this` at module top level in their compiled output.
    if (warning.code === 'THIS_IS_UNDEFINED') return
    // @actions/core's own import cycle (core <-> oidc-utils) is harmless.
    if (
      warning.code === 'CIRCULAR_DEPENDENCY' &&
      warning.ids?.every((id) => id.includes('node_modules'))
    )
      return
    warn(warning)
  }
})

export default [
  entry('src/main.ts', 'dist/main.js'),
  entry('src/post.ts', 'dist/post.js'),
  entry('src/cli.ts', 'dist/cli.js', '#!/usr/bin/env node'),
  entry('src/reap.ts', 'dist/reap.js')
]
