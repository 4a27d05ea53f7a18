/**
 * Case 7: abort during a backoff wait. Every request is throttled and the
 * backoff is a minute long; the signal aborts while the listing waits. How
 * long from `abort()` until the listing rejects, and whether any request
 * followed.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { paginateCustomizationJobs } from '../../src/index.js';
import type { RemoteEmulator } from '../support/remote-emulator.js';
import { fmt, fmtSpread, spread, table } from '../support/stats.js';

export async function abortDuringBackoff(emulator: RemoteEmulator, runs = 7): Promise<string> {
  await emulator.setFaults({ throttle: { probability: 1 } });
  const times: number[] = [];
  let after = 0;
  for (let run = 0; run < runs; run++) {
    await emulator.clearRequests();
    const controller = new AbortController();
    const listing = paginateCustomizationJobs(
      {},
      { client: emulator.client, signal: controller.signal, retry: { minTimeout: 60_000 } },
    )
      .toArray()
      .then(
        () => Number.NaN,
        () => performance.now(),
      );
    // Let the first, throttled attempt come back, so that the listing is waiting out its backoff.
    while ((await emulator.requests()).every((request) => request.status !== 429)) await sleep(5);
    await sleep(20);
    const aborted = performance.now();
    controller.abort();
    times.push((await listing) - aborted);
    await sleep(50);
    after = Math.max(after, (await emulator.requests()).length - 1);
  }
  const cancel = await returnWhileNextPending(emulator, runs);
  await emulator.setFaults();
  return table(
    [`cancel during a 60 s backoff, ${runs} runs`, 'cancel to settled, median (min–max)', 'requests after the cancel (max)'],
    [
      ['signal.abort()', `${fmtSpread(spread(times), 2)} ms`, fmt(after)],
      ['iterator.return() with a next() pending', `${fmtSpread(spread(cancel.times), 2)} ms`, fmt(cancel.after)],
    ],
  );
}

/** The consumer leaves while its next() still waits for the page: a client that disconnects mid-response. */
async function returnWhileNextPending(emulator: RemoteEmulator, runs: number): Promise<{ times: number[]; after: number }> {
  const times: number[] = [];
  let after = 0;
  for (let run = 0; run < runs; run++) {
    await emulator.clearRequests();
    const iterator = paginateCustomizationJobs({}, { client: emulator.client, retry: { minTimeout: 60_000 } })[
      Symbol.asyncIterator
    ]();
    const pending = iterator.next();
    while ((await emulator.requests()).every((request) => request.status !== 429)) await sleep(5);
    await sleep(20);
    const cancelled = performance.now();
    await Promise.all([iterator.return?.(), pending]);
    times.push(performance.now() - cancelled);
    await sleep(50);
    after = Math.max(after, (await emulator.requests()).length - 1);
  }
  return { times, after };
}
