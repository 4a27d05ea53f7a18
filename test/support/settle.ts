import { setImmediate as tick, setTimeout as timer } from 'node:timers/promises';

/**
 * Lets everything already queued run: promise callbacks, zero-delay timers,
 * I/O callbacks and immediates, twenty turns of the event loop deep. Whatever the code under
 * test does in reaction to what came before has then been done, so a test can
 * assert that something did *not* happen. It counts turns of the event loop,
 * not milliseconds, so it means the same on a busy machine as on an idle one.
 *
 * A request that the library would send shows at once in a gated client's
 * `calls` (test/support/gated-client.ts), which records it at `send()`; the
 * emulator's log may see it only later, after the network, so assert absence
 * on the calls, not on the log.
 */
export async function settle(): Promise<void> {
  // Node fires timers of one duration in the order they were set, so a
  // zero-delay timer set before this one has fired when it does.
  await timer(0);
  for (let turn = 0; turn < 20; turn++) await tick();
}
