import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The web files that need jsdom and the setup file (msw, Testing Library) although they are `.ts`:
 * the other `*.test.ts` are pure functions and run in the root config's `web-pure` project.
 */
export const webDomTestFiles = ['src/lib/api-client.test.ts'];

export default defineConfig({
  plugins: [react()],
  test: {
    name: 'web',
    environment: 'jsdom',
    include: ['src/**/*.test.tsx', ...webDomTestFiles],
    setupFiles: ['./src/testing/setup-tests.ts'],
    globals: false,
  },
});
