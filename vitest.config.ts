import { defineConfig } from 'vitest/config';
import { E2eSequencer } from './e2e/support/sequencer.ts';

export default defineConfig({
  test: {
    // Lighthouse measures timings, so it goes last, after every other browser test has finished.
    sequence: { sequencer: E2eSequencer },
    projects: [
      {
        test: {
          name: 'unit',
          // src/** includes the web app's own tests (src/web/**/*.test.ts, e.g. the i18n key parity).
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          // Integration suites start servers, spawn the CLI and migrate fresh databases; on a loaded 2-core
          // CI machine a single case can take several seconds. Unit tests finish in milliseconds anyway.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Vitest's default is one worker fewer than the cores (1 on a 2-core machine). Much of an
          // integration file's time is spent waiting on a spawned CLI, a server or PostgreSQL, so three
          // files at once keep both cores busy (every file has its own databases and ports).
          maxWorkers: 3,
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['e2e/**/*.e2e.test.ts'],
          environment: 'node',
          // One server and one Chromium at a time: the journeys share the demo database, and a 2-core
          // machine running several browsers at once makes every timing-sensitive check flaky.
          fileParallelism: false,
          // After the unit project, so the browser tests (and Lighthouse) do not compete with it for CPU.
          sequence: { groupOrder: 1 },
          globalSetup: ['e2e/support/global-setup.ts'],
          testTimeout: 180_000,
          // The global setup builds the web app (a minute or more on a slow machine) and seeds the demo.
          hookTimeout: 300_000,
        },
      },
    ],
  },
});
