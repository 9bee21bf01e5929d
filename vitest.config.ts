import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    // Integration suites start servers, spawn the CLI and migrate fresh databases; on a loaded 2-core
    // CI machine a single case can take several seconds. Unit tests finish in milliseconds anyway.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
