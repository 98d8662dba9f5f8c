// @ts-check
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

/** Framework-free code: the engine, the graph and text projections, manifest parsing. */
const PURE = ['src/engine/**', 'src/graph/**', 'src/projections/**', 'src/manifests/**', 'src/lessons/**', 'src/share/**'];

const UI_PACKAGES = [
  'react', 'react/*', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', '@xyflow/*',
  'monaco-editor', 'monaco-editor/*', 'monaco-yaml', 'monaco-yaml/*',
];

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'src/schema/generated/', 'bench/results/', 'test-results/']),
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: PURE,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ group: UI_PACKAGES, message: 'src/engine, src/graph, src/projections, src/manifests, src/lessons and src/share stay framework-free (no React, zustand, React Flow or Monaco).' }],
      }],
    },
  },
  {
    // The engine is deterministic and runs in plain Node: virtual time and the seeded Random only.
    files: ['src/engine/**'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'Use the virtual clock (time is passed in), never the wall clock.' },
        { object: 'Math', property: 'random', message: 'Use the seeded Random you are given.' },
      ],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'The engine runs in plain Node: no DOM.' },
        { name: 'document', message: 'The engine runs in plain Node: no DOM.' },
        { name: 'localStorage', message: 'The engine keeps no browser state.' },
        { name: 'performance', message: 'Use the virtual clock, never the wall clock.' },
      ],
      'no-restricted-syntax': ['error', {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: '`new Date()` reads the wall clock; build dates from virtual time.',
      }],
    },
  },
]);
