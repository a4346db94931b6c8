import { defineConfig } from 'vitest/config';

// Browser journeys: the built app on a real server with a temporary database, driven in
// Debian's Chromium. Run after `pnpm --filter @primm/web build` (pnpm test:e2e does both).
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.spec.ts'],
    globalSetup: ['./global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
