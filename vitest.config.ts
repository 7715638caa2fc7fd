import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // A safety net, not a measure: the server tests start real processes and servers (SMTP,
          // IMAP, snagbox itself), which a busy 2-core machine makes slow.
          testTimeout: 20_000,
          include: [
            'scripts/**/*.test.ts',
            'sdk/src/contract/**/*.test.ts',
            'server/src/**/*.test.ts',
            'server/test/**/*.test.ts',
            'inbox/src/**/*.test.ts',
          ],
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['sdk/src/**/*.test.ts', 'widget/src/**/*.test.{ts,tsx}'],
          exclude: ['sdk/src/contract/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          environment: 'node',
          include: ['e2e/**/*.test.ts'],
          globalSetup: ['e2e/global-setup.ts'],
          testTimeout: 60_000,
          // A page under a loaded 2-core machine may take seconds to show what a test waits for.
          expect: { poll: { timeout: 10_000 } },
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
