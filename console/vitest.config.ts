import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The console's own tests (`npm run console:test`): its pure modules (door list, times, sign-in
 * helpers, the event form), its build, and how the local gateway serves it. They run in Node;
 * the browser journeys belong to the e2e suite.
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'console',
    include: ['console/test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
