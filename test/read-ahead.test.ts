import { describe, expect, test } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { type PaginationError, paginateCustomizationJobs } from '../src/index.js';
import { gatedClient } from './support/gated-client.js';
import { arnsOf, listRequests, setup } from './support/listing.js';
import { referenceListing } from './support/reference-listing.js';
import { settle } from './support/settle.js';

const JOBS = generateJobs({ count: 1000, seed: 31 });

describe('read-ahead', () => {
  test('while the consumer works on page 1, the request for page 2 is already sent', async () => {
    const { client } = await setup({ jobs: JOBS });
    const gate = gatedClient(client, 10);
    const iterator = paginateCustomizationJobs({}, { client: gate.client, pageSize: 100 })[Symbol.asyncIterator]();
    await iterator.next();
    await expect.poll(() => gate.calls.length).toBe(2);
    expect(gate.calls[1]?.input.nextToken).toEqual(expect.any(String));
    await iterator.return?.();
  });

  test('prefetch: 0 fetches only on demand', async () => {
    const { client } = await setup({ jobs: JOBS });
    const gate = gatedClient(client, 10);
    const iterator = paginateCustomizationJobs({}, { client: gate.client, pageSize: 100, prefetch: 0 })[Symbol.asyncIterator]();
    for (let i = 0; i < 100; i++) await iterator.next();
    await settle();
    expect(gate.calls).toHaveLength(1);
    await iterator.next();
    expect(gate.calls).toHaveLength(2);
    await iterator.return?.();
  });

  test.each([1, 3])('prefetch: %i is a bound: a consumer that stops pulling holds the listing back', async (prefetch) => {
    const { client } = await setup({ jobs: JOBS });
    const gate = gatedClient(client, 100);
    const iterator = paginateCustomizationJobs({}, { client: gate.client, pageSize: 50, prefetch })[Symbol.asyncIterator]();
    await iterator.next();
    await expect.poll(() => gate.calls.filter((call) => call.settled === 'fulfilled').length).toBe(1 + prefetch);
    await settle();
    expect(gate.calls).toHaveLength(1 + prefetch);
    await iterator.return?.();
  });

  test('one request at most is ever in flight, however deep the read-ahead', async () => {
    const { client } = await setup({ jobs: JOBS });
    const gate = gatedClient(client, 100);
    const jobs = await paginateCustomizationJobs({}, { client: gate.client, pageSize: 25, prefetch: 8 }).toArray();
    expect(arnsOf(jobs)).toEqual(referenceListing(JOBS));
    expect(gate.maxInFlight).toBe(1);
  });

  test.each([
    [
      'break',
      async (listing: AsyncIterable<unknown>) => {
        for await (const _ of listing) break;
      },
    ],
    [
      'return()',
      async (listing: AsyncIterable<unknown>) => {
        const iterator = listing[Symbol.asyncIterator]();
        await iterator.next();
        await iterator.return?.();
      },
    ],
    [
      'a consumer that throws',
      async (listing: AsyncIterable<unknown>) => {
        await expect(
          (async () => {
            for await (const _ of listing) throw new Error('consumer failed');
          })(),
        ).rejects.toThrow('consumer failed');
      },
    ],
  ])('on %s, the request in flight is aborted and never retried', async (_case, stop) => {
    const { client } = await setup({ jobs: JOBS });
    const gate = gatedClient(client, 1);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      await stop(paginateCustomizationJobs({}, { client: gate.client, pageSize: 100 }));
      await expect.poll(() => gate.calls[1]?.settled).toBe('rejected');
      expect(gate.calls[1]?.signal?.aborted).toBe(true);
      gate.release(10);
      await settle();
      expect(gate.calls).toHaveLength(2);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });

  test('on the wire, the aborted request closes its connection unanswered', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { hang: { after: 1, probability: 1 } } });
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    const iterator = paginateCustomizationJobs({}, { client: sends.client, pageSize: 100 })[Symbol.asyncIterator]();
    await iterator.next();
    await expect.poll(() => listRequests(emulator).length).toBe(2);
    await iterator.return?.();
    await expect.poll(() => listRequests(emulator)[1]?.status).toBe(0);
    await settle();
    expect(sends.calls).toHaveLength(2);
    expect(listRequests(emulator)).toHaveLength(2);
  });

  test('a failure on the prefetched page surfaces only after every item before it, with its resumeToken', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { serverError: { after: 2, probability: 1 } } });
    const seen: string[] = [];
    let failure: PaginationError | undefined;
    try {
      for await (const job of paginateCustomizationJobs({}, { client, pageSize: 100, prefetch: 3, retry: false })) {
        seen.push(job.jobArn as string);
      }
    } catch (error) {
      failure = error as PaginationError;
    }
    expect(seen).toEqual(referenceListing(JOBS).slice(0, 200));
    expect(failure).toMatchObject({ pagesDelivered: 2, itemsDelivered: 200 });
    expect(failure?.resumeToken).toBe(listRequests(emulator)[2]?.query.nextToken);
    emulator.setFaults();
    const rest = await paginateCustomizationJobs({}, { client, pageSize: 100, startingToken: failure?.resumeToken }).toArray();
    expect(arnsOf(rest)).toEqual(referenceListing(JOBS).slice(200));
  });

  test('take(n) never prefetches past its count', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    await paginateCustomizationJobs({}, { client: sends.client, pageSize: 100, prefetch: 5 }).take(150).toArray();
    await settle();
    expect(sends.calls.map((call) => call.input.maxResults)).toEqual([100, 50]);
    expect(listRequests(emulator).map((request) => request.query.maxResults)).toEqual(['100', '50']);
  });

  test('the signal aborts the page in flight; the listing rejects with its reason at the next page', async () => {
    const { client } = await setup({ jobs: JOBS });
    const gate = gatedClient(client, 1);
    const controller = new AbortController();
    const reason = new Error('stop');
    const seen: unknown[] = [];
    const consume = async () => {
      for await (const job of paginateCustomizationJobs({}, { client: gate.client, pageSize: 100, signal: controller.signal })) {
        seen.push(job);
        if (seen.length === 10) controller.abort(reason);
      }
    };
    await expect(consume()).rejects.toBe(reason);
    expect(gate.calls[1]?.signal?.aborted).toBe(true);
    expect(seen).toHaveLength(100);
  });
});

describe('read-ahead costs O(1) per page, whatever its depth (issue 9, item 3)', () => {
  test('at prefetch 100 it asks the source for one result at a time, and holds at most 100 ahead', async () => {
    const { readAhead } = await import('../src/paging/read-ahead.js');
    let pending = 0;
    let maxPending = 0;
    let produced = 0;
    const source = {
      next: () => {
        pending++;
        maxPending = Math.max(maxPending, pending);
        return new Promise<IteratorResult<number, void>>((resolve) =>
          setImmediate(() => {
            pending--;
            resolve(produced < 300 ? { value: produced++, done: false } : { value: undefined, done: true });
          }),
        );
      },
      return: async () => ({ value: undefined, done: true as const }),
      [Symbol.asyncIterator]() {
        return this;
      },
    } as unknown as AsyncGenerator<number, void, undefined>;
    const controller = new AbortController();
    const iterator = readAhead(source, 100, { cancel: () => controller.abort(), signal: controller.signal, finished: () => {} });
    expect(await iterator.next()).toEqual({ value: 0, done: false });
    // Let the read-ahead run as far as it may: 100 results past the one consumed.
    await expect.poll(() => produced).toBe(101);
    const seen = [0];
    for await (const value of iterator) seen.push(value);
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => i));
    expect(maxPending).toBe(1);
  });
});
