/**
 * Case 8: one long-lived signal shared by many listings, as a server's
 * shutdown signal is. Heap retained and time per call after 200,000
 * `first()` calls, against the same calls with no signal.
 * Needs node --expose-gc.
 */
import { paginateCustomizationJobs } from '../../src/index.js';
import { heapAfterGc } from '../support/heap.js';
import { fmt, table } from '../support/stats.js';
import { stubClient } from '../support/stub-client.js';

const CALLS = 200_000;

async function calls(signal: AbortSignal | undefined): Promise<{ retainedMb: number; perCallUs: number }> {
  const client = stubClient(1, 1);
  const base = heapAfterGc();
  const started = performance.now();
  for (let call = 0; call < CALLS; call++) await paginateCustomizationJobs({}, { client, signal }).first();
  const perCallUs = ((performance.now() - started) * 1000) / CALLS;
  return { retainedMb: (heapAfterGc() - base) / 1_048_576, perCallUs };
}

export async function sharedSignal(): Promise<string> {
  // Interleaved, and the first pair thrown away: the first calls also pay for warming up.
  await calls(undefined);
  const signal = new AbortController().signal;
  await calls(signal);
  const without = await calls(undefined);
  const shared = await calls(signal);
  return table(
    [`${fmt(CALLS)} first() calls`, 'heap retained after GC', 'time per call'],
    [
      ['no signal', `${fmt(without.retainedMb, 2)} MB`, `${fmt(without.perCallUs, 1)} µs`],
      ['one shared signal', `${fmt(shared.retainedMb, 2)} MB`, `${fmt(shared.perCallUs, 1)} µs`],
    ],
  );
}
