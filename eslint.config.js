import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

/** Node's modules by their bare names (fs, crypto...), which the shared layer may not import either. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

export default tseslint.config(
  { ignores: ['dist/**', 'release/**', 'node_modules/**', 'test/e2e/.screenshots/**', 'test/.bench/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Secrets pass through this code: nothing may be logged except through the few reviewed console.error calls.
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      // The renderer is untrusted web content: it sees the pure shared layer and the IPC contract, nothing of main.
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'keytar', 'lowdb', 'lowdb/node'],
          patterns: [
            'node:*',
            '**/electron/core/**',
            '**/electron/storage/**',
            '**/electron/adapters/**',
            '**/electron/cli/**',
            '**/electron/main/**',
            '**/electron/preload/**',
            '**/electron/ipc/*',
            '!**/electron/ipc/contract',
            '!**/electron/ipc/result',
          ],
        },
      ],
    },
  },
  {
    files: ['electron/storage/**/*.ts', 'electron/ipc/**/*.ts', 'electron/adapters/**/*.ts'],
    rules: {
      // Storage, adapters and IPC logic stay testable under plain Node.
      'no-restricted-imports': ['error', { paths: ['electron', 'react'] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      // Core declares the ports it needs (core/ports) and storage and adapters implement them: core never imports them back.
      'no-restricted-imports': [
        'error',
        { paths: ['electron', 'react'], patterns: ['**/storage/**', '**/adapters/**', '**/ipc/**', '**/main/**', '**/cli/**', '**/preload/**'] },
      ],
    },
  },
  {
    files: ['electron/shared/**/*.ts', 'electron/ipc/contract.ts', 'electron/ipc/result.ts'],
    rules: {
      // One pure layer for main, renderer and CLI: schemas and rules only, no Node, Electron or React, nothing of main.
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'keytar', 'lowdb', 'lowdb/node', ...NODE_BUILTINS],
          patterns: ['node:*', '**/core/**', '**/storage/**', '**/adapters/**', '**/main/**', '**/cli/**', '**/preload/**', '**/ipc/backend', '**/ipc/dispatch', '**/ipc/handlers/**'],
        },
      ],
      'no-restricted-globals': ['error', 'Buffer', 'process', 'require', '__dirname', 'global'],
    },
  },
  {
    // Tools that talk to the developer (the dev runner reports its builds); no secret passes through them.
    files: ['test/**/*.{ts,tsx,mjs}', '**/*.config.{ts,js}', 'electron/dev/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
);
