import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/engine/**/*.test.ts', 'tests/graph/**/*.test.ts', 'tests/i18n/**/*.test.ts', 'tests/manifests/**/*.test.ts', 'tests/store/**/*.test.ts', 'tests/projections/**/*.test.ts', 'tests/lessons/**/*.test.ts', 'tests/share/**/*.test.ts'],
    environment: 'node',
  },
});
