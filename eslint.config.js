import js from '@eslint/js';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      'no-console': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    // core/ is pure TypeScript that runs anywhere: no Electron, no Node built-ins, no DOM, no
    // process-bound globals, and nothing from the layers above it.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, 'electron', 'react', 'react-dom', 'better-sqlite3-multiple-ciphers', 'kysely', 'pino'].map((name) => ({ name, message: 'core/ must stay free of process-bound, DOM and storage imports.' })),
        patterns: [{ group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'core/ must not import from main/, renderer/ or preload/.' }],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'process', 'Buffer', 'require', '__dirname', 'navigator', 'localStorage'],
    },
  },
  {
    // The renderer reaches main only through the contract; it has no Node or Electron access.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [...nodeBuiltins, 'electron', 'better-sqlite3-multiple-ciphers', 'kysely', 'pino'].map((name) => ({ name, message: 'The renderer must not use Node, Electron or the database directly.' })),
        patterns: [{ group: ['**/main/**', '**/preload/**'], message: 'The renderer talks to main only through core/contract.' }],
      }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // Only the desktop shell, the key-store adapter and the preload bridge may load Electron,
    // so the command line, browser mode and tests run everything else under plain Node.
    files: ['main/**/*.ts'],
    ignores: ['main/app/**', 'main/vault/keychain-electron.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only main/app and main/vault/keychain-electron.ts may import electron.' }] }],
    },
  },
  {
    files: ['main/build/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
