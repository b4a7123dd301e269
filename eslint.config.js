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
    // Pure layers never touch processes, Docker or the filesystem: only src/sandbox/ and the
    // entry points may, and every command goes through src/sandbox/exec.ts.
    files: ['src/**/*.ts'],
    ignores: [
      'src/sandbox/**',
      'src/main.ts',
      'src/post.ts',
      'src/cli.ts',
      'src/action/**',
      'src/cli/main.ts'
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: ['@actions/exec', 'child_process', 'node:child_process'].map((name) => ({
            name,
            message: 'Pure layers never start processes.'
          })),
          patterns: [{ group: ['**/sandbox/*'], message: 'Pure layers never import the sandbox.' }]
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
