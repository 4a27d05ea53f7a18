import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      'bedrock-customization-jobs/emulator': fileURLToPath(new URL('./src/emulator/index.ts', import.meta.url)),
      'bedrock-customization-jobs': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts', 'examples/**/*.test.ts'],
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // Two files at a time on this 2-core machine: much of a file's time is
    // spent waiting on a child process or the emulator's socket, and vitest's
    // default here is one worker. Measured: 167 s of test time down to 137 s.
    maxWorkers: 2,
    // The suite must pass on a busy 2-core machine. Most tests take well under
    // a second when it is idle; 15 s (3× vitest's 5 s) leaves them room when it
    // is not, and still stops a hung test. The heavy ones carry their own,
    // larger budget (test/support/timeouts.ts).
    testTimeout: 15_000,
    hookTimeout: 15_000,
    // expect.poll waits for an event the test can observe (a request logged, a
    // child's output); it returns as soon as that happens, so a long limit costs
    // nothing when all is well. vitest's 1 s default would make a slow machine
    // look like a bug. Shorter than testTimeout, so that a poll that fails says
    // what it waited for.
    expect: { poll: { timeout: 10_000 } },
  },
});
