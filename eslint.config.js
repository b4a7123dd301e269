import js from '@eslint/js'
import tseslint from 'typescript-eslint'

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      'coverage/',
      'build/',
      '*.config.js',
      '*.config.test.js',
      'jest.config.itg.js',
      'lab/*.mjs'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname }
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/explicit-function-return-type': ['error', { allowExpressions: true }],
      '@typescript-eslint/no-explicit-any': 'error'
    }
  },
  {
    // Pure layers never touch processes, Docker, the network or the filesystem: only
    // src/sandbox/, src/run/ and the shells may, and every command goes through
    // src/sandbox/exec.ts.
    files: [
      'src/policy/**/*.ts',
      'src/render/**/*.ts',
      'src/report/**/*.ts',
      'src/agent/**/*.ts',
      'src/common/**/*.ts',
      'src/docs/**/*.ts'
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            '@actions/exec',
            'child_process',
            'node:child_process',
            'node:fs',
            'node:fs/promises',
            'node:net',
            'node:dgram'
          ].map((name) => ({ name, message: 'Pure layers do no I/O.' })),
          patterns: [
            { group: ['@actions/*'], message: 'Pure layers do not know they run in an Action.' },
            { group: ['**/sandbox/*'], message: 'Pure layers never import the sandbox.' }
          ]
        }
      ]
    }
  },
  {
    // The shared pipeline and the CLI shell start nothing themselves either.
    files: ['src/run/**/*.ts', 'src/cli/**/*.ts', 'src/action/**/*.ts', 'src/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['@actions/exec', 'child_process', 'node:child_process'].map((name) => ({
            name,
            message: 'Start processes only through src/sandbox/exec.ts.',
            allowTypeImports: true
          }))
        }
      ]
    }
  },
  {
    files: ['src/sandbox/**/*.ts'],
    ignores: ['src/sandbox/exec.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['@actions/exec', 'child_process', 'node:child_process'].map((name) => ({
            name,
            message: 'Start processes only through src/sandbox/exec.ts.',
            allowTypeImports: true
          }))
        }
      ]
    }
  },
  {
    files: ['__tests__/**/*.ts', 'lab/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/explicit-function-return-type': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off'
    }
  },
  {
    // Plain JavaScript run by Node directly (the benchmark): linted without type information.
    files: ['bench/**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: {
      globals: { process: 'readonly', Buffer: 'readonly', setTimeout: 'readonly' }
    },
    rules: { '@typescript-eslint/explicit-function-return-type': 'off' }
  }
)
