/**
 * Issue 9, items 5 and 7: clients and servers that misbehave, and a signal
 * shared by many listings.
 */
import { describe, expect, test, vi } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { MalformedResponseError, PaginationError, paginateCustomizationJobs, RequestTimeoutError } from '../src/index.js';
import { setup } from './support/listing.js';

/** A client whose send never settles and never looks at its abortSignal. */
const deafClient = () => {
  const send = vi.fn(() => new Promise<never>(() => {}));
  return { client: { send } as never, send };
};

describe('5. a client that ignores abortSignal', () => {
  test('is cut off by requestTimeout, retried, and the listing fails with RequestTimeoutError', { timeout: 20_000 }, async () => {
    const { client, send } = deafClient();
    const error = await paginateCustomizationJobs({}, { client, requestTimeout: 20, retry: { retries: 2, minTimeout: 0 } })
      .first()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).cause).toBeInstanceOf(RequestTimeoutError);
    expect(send).toHaveBeenCalledTimes(3);
  });

  test('is cut off by an abort, and the listing rejects with its reason', { timeout: 20_000 }, async () => {
    const { client, send } = deafClient();
    const controller = new AbortController();
    const reason = new Error('stop');
    const pending = paginateCustomizationJobs({}, { client, signal: controller.signal, requestTimeout: Infinity }).toArray();
    await expect.poll(() => send.mock.calls.length).toBe(1);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
  });

  test('is cut off by return() with a next() pending', { timeout: 20_000 }, async () => {
    const { client, send } = deafClient();
    const iterator = paginateCustomizationJobs({}, { client, requestTimeout: Infinity })[Symbol.asyncIterator]();
    const pending = iterator.next();
    await expect.poll(() => send.mock.calls.length).toBe(1);
    await iterator.return?.();
    await expect(pending).resolves.toMatchObject({ done: true });
  });
});

describe('5. responses the SDK passes through unchecked', () => {
  test.each([
    ['a number', 42],
    ['an object', { token: 'A' }],
    ['a boolean', true],
  ])('a nextToken that is %s is a MalformedResponseError, not a loop', async (_, nextToken) => {
    const send = vi.fn(async () => ({ $metadata: { httpStatusCode: 200 }, modelCustomizationJobSummaries: [], nextToken }));
    const error = await paginateCustomizationJobs({}, { client: { send } as never })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).cause).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(/nextToken that is not a string/);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test.each([
    ['null', null],
    ['without a jobArn', { jobName: 'x' }],
    ['with a numeric jobArn', { jobArn: 7 }],
  ])('with dedupe, an item that is %s is a MalformedResponseError naming the item', async (_, item) => {
    const send = vi.fn(async () => ({ $metadata: {}, modelCustomizationJobSummaries: [{ jobArn: 'arn:a' }, item] }));
    const error = await paginateCustomizationJobs({}, { client: { send } as never, dedupe: true })
      .toArray()
      .catch((caught: unknown) => caught);
    expect((error as PaginationError).cause).toBeInstanceOf(MalformedResponseError);
    expect((error as Error).message).toMatch(/no jobArn \(item 1 of the page\)/);
  });

  test('without dedupe, such items pass through untouched, as the SDK gave them', async () => {
    const send = vi.fn(async () => ({ $metadata: {}, modelCustomizationJobSummaries: [null, { jobName: 'x' }] }));
    await expect(paginateCustomizationJobs({}, { client: { send } as never }).toArray()).resolves.toEqual([
      null,
      { jobName: 'x' },
    ]);
  });
});

describe('7. one long-lived signal shared by many listings', () => {
  test('each listing links to it only while it runs, and never through AbortSignal.any', async () => {
    const { client } = await setup({ jobs: generateJobs({ count: 5, seed: 1 }) });
    const shared = new AbortController().signal;
    let listeners = 0;
    const add = shared.addEventListener.bind(shared);
    const remove = shared.removeEventListener.bind(shared);
    shared.addEventListener = ((...args: Parameters<typeof add>) => {
      listeners++;
      add(...args);
    }) as typeof add;
    shared.removeEventListener = ((...args: Parameters<typeof remove>) => {
      listeners--;
      remove(...args);
    }) as typeof remove;
    const any = vi.spyOn(AbortSignal, 'any');
    try {
      const listing = paginateCustomizationJobs({}, { client, signal: shared, pageSize: 2 });
      for (let run = 0; run < 20; run++) {
        // Runs that end every way: first(), a break, a full read, pages().
        await listing.first();
        for await (const _ of listing) break;
        expect(await listing.toArray()).toHaveLength(5);
        for await (const _ of listing.pages()) break;
        expect(listeners).toBe(0);
      }
      expect(any).not.toHaveBeenCalled();
    } finally {
      any.mockRestore();
    }
  });
});
