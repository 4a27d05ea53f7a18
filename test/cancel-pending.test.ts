/**
 * Issue 9, item 1: a cancel that comes while a `next()` is still waiting for
 * its page stops the request in flight and any backoff at once, through
 * every layer, and no request is sent after it.
 *
 * "At once" is asserted without timing: the backoff here is a minute and the
 * request hangs forever, so a cancel that waited for either would outlast
 * the test's timeout.
 */
import { Readable } from 'node:stream';
import { describe, expect, test } from 'vitest';
import type { EmulatorOptions } from '../src/emulator/index.js';
import { generateJobs } from '../src/emulator/index.js';
import { AsyncChain, filter, map, paginateCustomizationJobs, pipe } from '../src/index.js';
import { setup } from './support/listing.js';

const JOBS = generateJobs({ count: 50, seed: 9 });
const SLOW_RETRY = { retries: 3, minTimeout: 60_000, randomize: false };

type Listing = ReturnType<typeof paginateCustomizationJobs>;

/** A way to read one item and a way to cancel while that read is pending. */
interface Reader {
  read(): Promise<unknown>;
  cancel(): Promise<unknown>;
}

const iteratorReader = (iterable: AsyncIterable<unknown>): Reader => {
  const iterator = iterable[Symbol.asyncIterator]();
  return { read: () => iterator.next(), cancel: () => iterator.return?.() ?? Promise.resolve() };
};

const LAYERS: [string, (listing: Listing) => Reader][] = [
  ['items: iterator.return()', (listing) => iteratorReader(listing)],
  ['pages(): iterator.return()', (listing) => iteratorReader(listing.pages())],
  ['pages({ maxItems })', (listing) => iteratorReader(listing.pages({ maxItems: 30 }))],
  ['map', (listing) => iteratorReader(listing.map((job) => job.jobName))],
  ['filter', (listing) => iteratorReader(listing.filter((job) => job.status !== undefined))],
  ['take', (listing) => iteratorReader(listing.take(40))],
  ['drop', (listing) => iteratorReader(listing.drop(1))],
  ['flatMap', (listing) => iteratorReader(listing.flatMap((job) => [job, job]))],
  ['chunks', (listing) => iteratorReader(listing.chunks(7))],
  ['a listing inside flatMap', (listing) => iteratorReader(AsyncChain.from([1]).flatMap(() => listing))],
  [
    'pipe(filter, map)',
    (listing) =>
      iteratorReader(
        pipe(
          listing,
          filter((job) => job.status !== undefined),
          map((job) => job.jobArn),
        ),
      ),
  ],
  [
    'Readable.from().destroy()',
    (listing) => {
      const readable = Readable.from(listing);
      const iterator = readable[Symbol.asyncIterator]();
      return {
        read: () => iterator.next(),
        cancel: () =>
          new Promise<void>((resolve) => {
            readable.once('close', resolve);
            readable.destroy();
          }),
      };
    },
  ],
  [
    'ReadableStream reader.cancel()',
    (listing) => {
      const reader = ReadableStream.from(listing).getReader();
      return { read: () => reader.read(), cancel: () => reader.cancel() };
    },
  ],
];

const SITUATIONS: [string, NonNullable<EmulatorOptions['faults']>, (status: number | undefined) => boolean][] = [
  // Every request throttled: the cancel comes during a minute of backoff.
  ['during a backoff', { throttle: { probability: 1 } }, (status) => status === 429],
  // The server never answers: the cancel comes with the request on the wire.
  ['with the request in flight', { hang: { probability: 1 } }, (status) => status === undefined],
];

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe.each(SITUATIONS)('a cancel %s, while next() is pending', (_, faults, reached) => {
  test.each(LAYERS)('%s settles at once, and nothing is sent after it', { timeout: 20_000 }, async (_layer, readerOf) => {
    const { emulator, client } = await setup({ jobs: JOBS, faults });
    const timersBefore = timers();
    const reader = readerOf(paginateCustomizationJobs({}, { client, pageSize: 10, retry: SLOW_RETRY }));
    const pending = reader.read();
    pending.catch(() => {});
    await expect.poll(() => emulator.requests.length === 1 && reached(emulator.requests[0]?.status)).toBe(true);

    await reader.cancel();
    // The pending read settles too, as the end of the stream (or the stream's own cancel error).
    await pending.then(
      (result) => expect(result).toMatchObject({ done: true }),
      (error: unknown) => expect(error).toMatchObject({ name: expect.stringMatching(/Abort/) }),
    );
    // A request in flight was abandoned: the server saw its connection close unanswered.
    await expect.poll(() => emulator.requests[0]?.status).not.toBeUndefined();
    expect(emulator.requests).toHaveLength(1);
    // No backoff or request timer is left behind that could send one later.
    await expect.poll(timers).toBeLessThanOrEqual(timersBefore);
  });
});
