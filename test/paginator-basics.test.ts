import { describe, expect, test } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { paginateCustomizationJobs } from '../src/index.js';
import { gatedClient } from './support/gated-client.js';
import { arnsOf, listRequests, setup } from './support/listing.js';
import { referenceListing } from './support/reference-listing.js';
import { settle } from './support/settle.js';
import { MANY_REQUESTS_MS } from './support/timeouts.js';

const JOBS = generateJobs({ count: 2600, seed: 21 });

describe('1. lazy and fresh', () => {
  test('no request is sent before the first next()', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    // Counted at send(), so a request shows even before it reaches the emulator.
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    const listing = paginateCustomizationJobs({}, { client: sends.client });
    const iterator = listing[Symbol.asyncIterator]();
    listing
      .filter(() => true)
      .map((job) => job.jobName)
      .take(3);
    await settle();
    expect(sends.calls).toHaveLength(0);
    expect(emulator.requests).toHaveLength(0);
    await iterator.next();
    expect(sends.calls[0]?.input.nextToken).toBeUndefined();
    expect(listRequests(emulator)).toHaveLength(1);
    await iterator.return?.();
  });

  test('each [Symbol.asyncIterator]() starts a fresh listing', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const listing = paginateCustomizationJobs({ statusEquals: 'Completed' }, { client, pageSize: 100 });
    const first = await listing.take(150).toArray();
    const again = await listing.take(150).toArray();
    expect(arnsOf(again)).toEqual(arnsOf(first));
    expect(listRequests(emulator).map((request) => request.query.nextToken === undefined)).toEqual([true, false, true, false]);
  });

  test('the caller’s filter and options objects are never mutated', async () => {
    const { client } = await setup({ jobs: JOBS });
    const after = new Date('2020-01-01T00:00:00Z');
    const filter = Object.freeze({ statusEquals: 'Failed' as const, creationTimeAfter: after });
    const retry = Object.freeze({ retries: 2 });
    const options = Object.freeze({ client, pageSize: 50, retry });
    const jobs = await paginateCustomizationJobs(filter, options).toArray();
    expect(jobs.length).toBeGreaterThan(50);
    expect(filter).toEqual({ statusEquals: 'Failed', creationTimeAfter: new Date('2020-01-01T00:00:00Z') });
    expect(after.getTime()).toBe(Date.parse('2020-01-01T00:00:00Z'));
    expect(Object.keys(options)).toEqual(['client', 'pageSize', 'retry']);
  });
});

describe('2. complete', () => {
  test.each([1000, 333, 1])(
    'every summary exactly once, in the API’s order, at page size %i',
    { timeout: MANY_REQUESTS_MS },
    async (pageSize) => {
      const jobs = pageSize === 1 ? JOBS.slice(0, 150) : JOBS;
      const { client } = await setup({ jobs });
      const listed = arnsOf(await paginateCustomizationJobs({}, { client, pageSize }).toArray());
      expect(listed).toEqual(referenceListing(jobs));
      expect(new Set(listed).size).toBe(jobs.length);
    },
  );

  test('with filters and Ascending order too', async () => {
    const { client } = await setup({ jobs: JOBS });
    const filter = { statusEquals: 'Completed', nameContains: 'ft', sortOrder: 'Ascending' } as const;
    expect(arnsOf(await paginateCustomizationJobs(filter, { client, pageSize: 100 }).toArray())).toEqual(
      referenceListing(JOBS, filter),
    );
  });

  test.each([
    ['absent', undefined],
    ['empty', ''],
  ])('the listing ends when nextToken is %s', async (_case, lastToken) => {
    const requests: (string | undefined)[] = [];
    const client = {
      send: async (command: { input: { nextToken?: string } }) => {
        requests.push(command.input.nextToken);
        return command.input.nextToken === undefined
          ? { modelCustomizationJobSummaries: [{ jobArn: 'a' }], nextToken: 't1' }
          : { modelCustomizationJobSummaries: [{ jobArn: 'b' }], nextToken: lastToken };
      },
    } as never;
    expect(arnsOf(await paginateCustomizationJobs({}, { client }).toArray())).toEqual(['a', 'b']);
    expect(requests).toEqual([undefined, 't1']);
  });

  test('an empty page with a nextToken does not end the listing', async () => {
    const pages = [
      { modelCustomizationJobSummaries: [], nextToken: 't1' },
      { modelCustomizationJobSummaries: [{ jobArn: 'a' }] },
    ];
    const client = { send: async () => pages.shift() } as never;
    expect(arnsOf(await paginateCustomizationJobs({}, { client }).toArray())).toEqual(['a']);
  });
});

describe('3. maxResults is hidden', () => {
  test('requests use pageSize, 1000 by default', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    await paginateCustomizationJobs({}, { client }).toArray();
    await paginateCustomizationJobs({}, { client, pageSize: 250 }).take(600).toArray();
    expect(listRequests(emulator).map((request) => request.query.maxResults)).toEqual([
      '1000',
      '1000',
      '1000',
      '250',
      '250',
      '100',
    ]);
  });

  test('take(5) is one request with maxResults=5', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const jobs = await paginateCustomizationJobs({}, { client }).take(5).toArray();
    expect(arnsOf(jobs)).toEqual(referenceListing(JOBS).slice(0, 5));
    expect(listRequests(emulator).map((request) => request.query.maxResults)).toEqual(['5']);
  });

  test('take(1500) is 1000 and then 500', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const jobs = await paginateCustomizationJobs({}, { client }).take(1500).toArray();
    expect(arnsOf(jobs)).toEqual(referenceListing(JOBS).slice(0, 1500));
    expect(listRequests(emulator).map((request) => request.query.maxResults)).toEqual(['1000', '500']);
  });

  test('first() is one request with maxResults=1', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const job = await paginateCustomizationJobs({ sortOrder: 'Ascending' }, { client }).first();
    expect(job?.jobArn).toBe(referenceListing(JOBS, { sortOrder: 'Ascending' })[0]);
    expect(listRequests(emulator).map((request) => request.query.maxResults)).toEqual(['1']);
  });

  test('the count reaches the source through map and drop, but not through filter', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const listing = paginateCustomizationJobs({}, { client });
    await listing
      .map((job) => job.jobName)
      .drop(10)
      .take(5)
      .toArray();
    await listing
      .filter((job) => job.status === 'Failed')
      .take(5)
      .toArray();
    expect(listRequests(emulator).map((request) => request.query.maxResults)).toEqual(['15', '1000']);
  });

  test('a listing smaller than take(n) simply ends', async () => {
    const { emulator, client } = await setup({ jobs: JOBS.slice(0, 30) });
    expect(await paginateCustomizationJobs({}, { client, pageSize: 20 }).take(100).toArray()).toHaveLength(30);
    expect(listRequests(emulator).map((request) => request.query.maxResults)).toEqual(['20', '20']);
  });
});

// Read-ahead off, so that request counts are exact; with it on, the one page
// in flight is aborted instead (test/read-ahead.test.ts). Sends are counted at
// send() and asserted after settle(), so a request the listing should not
// have made shows however slowly it would have reached the emulator.
describe('4. it stops when the consumer stops', () => {
  test('break after 3 items, at the default page size: one request', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    const seen: string[] = [];
    for await (const job of paginateCustomizationJobs({}, { client: sends.client, prefetch: 0 })) {
      seen.push(job.jobArn as string);
      if (seen.length === 3) break;
    }
    await settle();
    expect(seen).toEqual(referenceListing(JOBS).slice(0, 3));
    expect(sends.calls).toHaveLength(1);
    expect(listRequests(emulator).map((request) => request.query.maxResults)).toEqual(['1000']);
  });

  test('break after 3 items, at page size 2: two requests, no more', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    let seen = 0;
    for await (const _job of paginateCustomizationJobs({}, { client: sends.client, pageSize: 2, prefetch: 0 })) {
      if (++seen === 3) break;
    }
    await settle();
    expect(sends.calls).toHaveLength(2);
    expect(listRequests(emulator)).toHaveLength(2);
  });

  test('return() on the iterator', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    const iterator = paginateCustomizationJobs({}, { client: sends.client, pageSize: 10, prefetch: 0 })[Symbol.asyncIterator]();
    await iterator.next();
    expect(await iterator.return?.()).toEqual({ done: true, value: undefined });
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    await settle();
    expect(sends.calls).toHaveLength(1);
    expect(listRequests(emulator)).toHaveLength(1);
  });

  test('an exception thrown in the consumer', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    const consume = async () => {
      for await (const job of paginateCustomizationJobs({}, { client: sends.client, pageSize: 10, prefetch: 0 })) {
        if (job) throw new Error('consumer failed');
      }
    };
    await expect(consume()).rejects.toThrow('consumer failed');
    await settle();
    expect(sends.calls).toHaveLength(1);
    expect(listRequests(emulator)).toHaveLength(1);
  });

  test('some() and find() stop at their answer', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const sends = gatedClient(client, Number.POSITIVE_INFINITY);
    const listing = paginateCustomizationJobs({}, { client: sends.client, pageSize: 100, prefetch: 0 });
    expect(await listing.some(() => true)).toBe(true);
    expect(await listing.find((job) => job.status === 'Completed')).toBeDefined();
    await settle();
    expect(sends.calls).toHaveLength(2);
    expect(listRequests(emulator)).toHaveLength(2);
  });
});
