import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

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
      // The renderer is untrusted web content: no Node, no Electron, no storage backends.
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'keytar', 'lowdb', 'lowdb/node'],
          patterns: ['node:*', '**/electron/storage/*', '!**/electron/storage/store-status', '**/electron/ipc/backend', '**/electron/ipc/dispatch', '**/electron/main/*', '**/electron/preload/*'],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/storage/**/*.ts', 'electron/ipc/**/*.ts'],
    rules: {
      // Domain, storage and IPC logic stay testable under plain Node.
      'no-restricted-imports': ['error', { paths: ['electron', 'react'] }],
    },
  },
  {
    files: ['test/**/*.{ts,tsx,mjs}', '**/*.config.{ts,js}'],
    rules: { 'no-console': 'off' },
  },
);
