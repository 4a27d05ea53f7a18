/**
 * Time budgets for the tests that take longest, sized for a busy 2-core
 * machine: the whole suite running in parallel beside other CPU-bound work,
 * where a test can run five to ten times slower than when the machine is idle.
 * They are limits, never expectations: no test asserts how fast it ran
 * (speed is measured in bench/). vitest.config.ts sets the default for the rest.
 */

/** A test that sends hundreds of requests or more through the real SDK client. */
export const MANY_REQUESTS_MS = 60_000;

/** A test that starts a child process (node, npm, the CLI) and waits for it. */
export const CHILD_PROCESS_MS = 60_000;

/**
 * A test that waits out a real backoff or deadline of a few seconds on
 * purpose (an example's own timeout, the SDK's own retry delays).
 */
export const REAL_WAITS_MS = 30_000;
