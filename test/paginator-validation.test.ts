import { runInNewContext } from 'node:vm';
import { ListModelCustomizationJobsCommand, ValidationException } from '@aws-sdk/client-bedrock';
import { describe, expect, test, vi } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { first, map, paginateCustomizationJobs, toArray } from '../src/index.js';
import { arnsOf, listRequests, setup } from './support/listing.js';
import { referenceListing } from './support/reference-listing.js';

const send = vi.fn();
const client = { send } as never;
type Args = Parameters<typeof paginateCustomizationJobs>;

/** A bad input throws at the call, synchronously, before any request. */
function rejects(filter: unknown, options: unknown = { client }) {
  let thrown: unknown;
  try {
    paginateCustomizationJobs(filter as Args[0], options as Args[1]);
  } catch (error) {
    thrown = error;
  }
  expect(send).not.toHaveBeenCalled();
  return thrown as Error;
}

// Every rejected input and its exact message: test/bad-input.test.ts, from test/support/bad-inputs.ts.
describe('9. eager validation', () => {
  test('options that are not an object are rejected', () => {
    expect(rejects({}, 5)).toBeInstanceOf(TypeError);
  });

  test('valid input of every kind is accepted', () => {
    expect(() =>
      paginateCustomizationJobs(
        {
          statusEquals: 'Completed',
          nameContains: 'a-b+c.d',
          sortBy: 'CreationTime',
          sortOrder: 'Ascending',
          creationTimeAfter: '2025-01-01',
          creationTimeBefore: new Date('2026-01-01T00:00:00+02:00'),
        },
        {
          client,
          pageSize: 1,
          startingToken: 'abc',
          signal: new AbortController().signal,
          retry: { retries: Number.POSITIVE_INFINITY, maxRetryTime: 1000, onRetry: () => {} },
        },
      ),
    ).not.toThrow();
    expect(() => paginateCustomizationJobs(undefined, { client, retry: false })).not.toThrow();
    expect(send).not.toHaveBeenCalled();
  });
});

/** Node's longest timer: a longer delay is set to 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

describe('9.8 bad arguments beyond the paginator', () => {
  test('a filter and options without a prototype, or from another realm, are plain objects', () => {
    const bare = Object.assign(Object.create(null), { statusEquals: 'Failed' });
    expect(() => paginateCustomizationJobs(bare, Object.assign(Object.create(null), { client }))).not.toThrow();
    const foreign = runInNewContext('({ filter: { statusEquals: "Failed" }, retry: { retries: 1 }, pages: { maxItems: 5 } })');
    expect(() => paginateCustomizationJobs(foreign.filter, { client, retry: foreign.retry }).pages(foreign.pages)).not.toThrow();
    expect(send).not.toHaveBeenCalled();
  });

  test('the functions that read a source reject one that is not an iterable object, naming it', async () => {
    const message =
      'source must be an async iterable or an iterable object, such as an array, a generator, a stream or a listing; got 42';
    await expect(toArray(42 as never)).rejects.toThrow(new TypeError(message));
    await expect(first(42 as never)).rejects.toThrow(new TypeError(message));
    await expect(toArray(map((value) => value)(42 as never))).rejects.toThrow(new TypeError(message));
  });
});

describe('9.3 prefetch is bounded', () => {
  test('100 pages of read-ahead, the maximum, is allowed and lists everything', async () => {
    const jobs = generateJobs({ count: 40, seed: 4 });
    const { client } = await setup({ jobs });
    const listed = await paginateCustomizationJobs({}, { client, pageSize: 1, prefetch: 100 }).toArray();
    expect(arnsOf(listed)).toEqual(referenceListing(jobs));
  });
});

describe('9.2 timers past 2^31−1 ms', () => {
  test('the longest timer is allowed everywhere, and a request under it is not a false timeout', async () => {
    const jobs = generateJobs({ count: 30, seed: 3 });
    const { client } = await setup({ jobs });
    const listed = await paginateCustomizationJobs(
      {},
      {
        client,
        pageSize: 10,
        requestTimeout: MAX_TIMER_MS,
        retry: { minTimeout: MAX_TIMER_MS, maxTimeout: MAX_TIMER_MS, maxRetryTime: 30 * 24 * 3600 * 1000 },
      },
    ).toArray();
    expect(arnsOf(listed)).toEqual(referenceListing(jobs));
  });

  test('with maxTimeout: Infinity, a backoff past the longest timer waits the longest timer, not 1 ms', async () => {
    const { emulator, client } = await setup({ jobs: generateJobs({ count: 3, seed: 3 }), faults: { throttle: { first: 5 } } });
    // Jitter of 1.5 makes the first wait 1.5 × minTimeout, past the limit.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const timers = vi.spyOn(globalThis, 'setTimeout');
    const controller = new AbortController();
    let onRetry = () => {};
    const retried = new Promise<void>((resolve) => {
      onRetry = resolve;
    });
    const outcome = paginateCustomizationJobs(
      {},
      {
        client,
        signal: controller.signal,
        retry: { retries: 3, minTimeout: MAX_TIMER_MS, maxTimeout: Number.POSITIVE_INFINITY, onRetry },
      },
    )
      .toArray()
      .catch((error: unknown) => error);
    try {
      await retried;
      // p-retry sets its backoff timer right after onRetry returns.
      const backoff = await vi.waitFor(() => {
        const delay = timers.mock.calls.map((call) => call[1] ?? 0).find((delay) => delay >= MAX_TIMER_MS);
        expect(delay).toBeDefined();
        return delay;
      });
      expect(backoff).toBe(MAX_TIMER_MS);
    } finally {
      random.mockRestore();
      timers.mockRestore();
      controller.abort(new Error('done'));
    }
    expect(await outcome).toEqual(new Error('done'));
    expect(listRequests(emulator)).toHaveLength(1);
  });
});

describe('9.6 times the API can take', () => {
  const EARLIEST = new Date('0000-01-01T00:00:00.000Z');
  const LATEST = new Date('9999-12-31T23:59:59.999Z');

  test('the first and the last instant with a four-digit year go through the SDK to the emulator', async () => {
    const jobs = generateJobs({ count: 5, seed: 6 });
    const { emulator, client } = await setup({ jobs });
    const listed = await paginateCustomizationJobs(
      { creationTimeAfter: EARLIEST, creationTimeBefore: LATEST },
      { client },
    ).toArray();
    expect(arnsOf(listed)).toEqual(referenceListing(jobs));
    expect(listRequests(emulator)[0]?.query).toMatchObject({
      creationTimeAfter: '0000-01-01T00:00:00Z',
      creationTimeBefore: '9999-12-31T23:59:59.999Z',
    });
  });

  test('the emulator rejects, as the API does, the Dates one ms outside that range that the filter rejects', async () => {
    const { client } = await setup({ jobs: generateJobs({ count: 5, seed: 6 }) });
    for (const field of ['creationTimeAfter', 'creationTimeBefore'] as const) {
      for (const date of [new Date(EARLIEST.getTime() - 1), new Date(LATEST.getTime() + 1)]) {
        expect(() => paginateCustomizationJobs({ [field]: date }, { client })).toThrow(RangeError);
        await expect(client.send(new ListModelCustomizationJobsCommand({ [field]: date }))).rejects.toThrow(ValidationException);
      }
    }
  });

  test('29 February of year 0000, a leap year, is a day like any other', async () => {
    const { client } = await setup({ jobs: generateJobs({ count: 5, seed: 6 }) });
    const listing = paginateCustomizationJobs({ creationTimeAfter: '0000-02-29T12:00:00Z' }, { client });
    expect(await listing.toArray()).toHaveLength(5);
  });
});
