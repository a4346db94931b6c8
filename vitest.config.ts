import { defineConfig } from 'vitest/config';

// One `vitest run` covers every package; the browser journeys have their own config (web/e2e).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'shared', root: './shared', include: ['src/**/*.test.ts'] } },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts'],
          setupFiles: ['./src/testing/setup-tests.ts'],
        },
      },
      { test: { name: 'scripts', root: './scripts', include: ['**/*.test.ts'] } },
      './web/vitest.config.ts',
    ],
  },
});
