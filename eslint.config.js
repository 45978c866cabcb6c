// Lint: type-aware TypeScript rules, plus the import direction of DESIGN.md:
//   domain ← db ← sync ← features ← app;  server → domain only;  service-worker → sync.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (name) => [`**/${name}`, `**/${name}/**`];
const forbid = (files, groups, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: groups.flatMap(layer), message }] }],
  },
});
const forbidAlso = (files, groups, extra, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ group: groups.flatMap(layer), message }, { group: extra, message }] },
    ],
  },
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'bench/out/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      'no-console': 'off',
      '@typescript-eslint/no-unnecessary-type-parameters': 'off',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  forbidAlso(
    ['src/domain/**'],
    ['db', 'sync', 'features', 'app', 'i18n', 'server'],
    ['react', 'react-dom', 'react/*', 'dexie', 'dexie-*', 'node:*', 'fastify', 'zustand'],
    'src/domain is pure: no storage, UI, network or runtime APIs (DESIGN.md "Imports point one way").',
  ),
  forbidAlso(
    ['src/db/**'],
    ['sync', 'features', 'app', 'server'],
    ['react', 'react-dom', 'react/*', 'node:*', 'fastify'],
    'src/db may import only src/domain (DESIGN.md).',
  ),
  forbidAlso(
    ['src/sync/**'],
    ['features', 'app', 'server'],
    ['react', 'react-dom', 'react/*', 'node:*', 'fastify'],
    'src/sync may import only src/db and src/domain (DESIGN.md).',
  ),
  forbid(['src/features/**'], ['app', 'server'], 'src/features may not import src/app or the server (DESIGN.md).'),
  forbid(['src/i18n/**'], ['db', 'sync', 'features', 'app', 'server'], 'src/i18n may import only src/domain.'),
  forbid(['src/app/**'], ['server'], 'The app never imports the server.'),
  forbidAlso(
    ['server/**'],
    ['db', 'sync', 'features', 'app', 'i18n', 'service-worker'],
    ['react', 'react-dom', 'dexie'],
    'The server imports src/domain only (DESIGN.md).',
  ),
  forbid(
    ['service-worker/**'],
    ['features', 'app', 'server'],
    'The service worker imports src/sync (and what it needs), never screens or the server.',
  ),
);
