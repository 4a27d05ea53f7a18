import { ThrottlingException } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { PaginationError, paginateCustomizationJobs } from '../src/index.js';
import { arnsOf, FAST_RETRY, listRequests, setup } from './support/listing.js';
import { referenceListing } from './support/reference-listing.js';

const JOBS = generateJobs({ count: 730, seed: 13 });
const FILTER = { nameContains: 'a', sortOrder: 'Ascending' } as const;

describe('6. nothing is lost on failure', () => {
  test('the error carries the cause, the resumeToken and the progress, and resuming loses and repeats nothing', async () => {
    // Every request after the third is throttled.
    const { emulator, client } = await setup({ jobs: JOBS, faults: { throttle: { after: 3, probability: 1 } } });
    const seen: string[] = [];
    let failure: PaginationError | undefined;
    try {
      for await (const job of paginateCustomizationJobs(FILTER, {
        client,
        pageSize: 100,
        retry: { ...FAST_RETRY, retries: 2 },
      })) {
        seen.push(job.jobArn as string);
      }
    } catch (error) {
      failure = error as PaginationError;
    }
    expect(failure).toBeInstanceOf(PaginationError);
    expect(failure?.cause).toBeInstanceOf(ThrottlingException);
    expect(failure).toMatchObject({ pagesDelivered: 3, itemsDelivered: 300, attempts: 3 });
    expect(failure?.resumeToken).toBe(listRequests(emulator).at(-1)?.query.nextToken);

    emulator.setFaults();
    for await (const job of paginateCustomizationJobs(FILTER, { client, pageSize: 100, startingToken: failure?.resumeToken })) {
      seen.push(job.jobArn as string);
    }
    expect(seen).toEqual(referenceListing(JOBS, FILTER));
  });

  test('a failure on the first page has resumeToken undefined, so resuming starts over', async () => {
    const { client } = await setup({ jobs: JOBS, faults: { unavailable: { first: 1 } } });
    const error = (await paginateCustomizationJobs(FILTER, { client, retry: false })
      .toArray()
      .catch((caught: unknown) => caught)) as PaginationError;
    expect(error).toMatchObject({ resumeToken: undefined, pagesDelivered: 0, itemsDelivered: 0, attempts: 1 });
    const resumed = await paginateCustomizationJobs(FILTER, {
      client,
      ...(error.resumeToken ? { startingToken: error.resumeToken } : {}),
    }).toArray();
    expect(arnsOf(resumed)).toEqual(referenceListing(JOBS, FILTER));
  });

  test('the error passes through combinators unchanged', async () => {
    const { client } = await setup({ jobs: JOBS, faults: { serverError: { probability: 1 } } });
    const chained = paginateCustomizationJobs({}, { client, retry: false })
      .filter(() => true)
      .map((job) => job.jobName)
      .chunks(10)
      .toArray();
    await expect(chained).rejects.toBeInstanceOf(PaginationError);
  });
});

describe('10. pages()', () => {
  test('gives the same listing as pages of { items, nextToken }', async () => {
    const { client } = await setup({ jobs: JOBS });
    const pages = await paginateCustomizationJobs(FILTER, { client, pageSize: 250 }).pages().toArray();
    expect(pages.map((page) => page.items.length)).toEqual([250, 250, referenceListing(JOBS, FILTER).length - 500]);
    expect(pages.flatMap((page) => arnsOf(page.items))).toEqual(referenceListing(JOBS, FILTER));
    expect(pages.at(-1)?.nextToken).toBeUndefined();
    expect(pages[0]?.nextToken).toEqual(expect.any(String));
  });

  test('startingToken resumes from any page’s token, as a checkpoint', async () => {
    const { client } = await setup({ jobs: JOBS });
    const expected = referenceListing(JOBS, FILTER);
    const pages = await paginateCustomizationJobs(FILTER, { client, pageSize: 100 }).pages().toArray();
    let before = 0;
    for (const page of pages) {
      before += page.items.length;
      if (!page.nextToken) continue;
      const rest = await paginateCustomizationJobs(FILTER, { client, pageSize: 100, startingToken: page.nextToken }).toArray();
      expect(arnsOf(rest)).toEqual(expected.slice(before));
    }
  });

  test('each pages() iteration is a fresh listing, and stops when its consumer does', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const pages = paginateCustomizationJobs({}, { client, pageSize: 100 }).pages();
    for await (const page of pages) {
      expect(page.items).toHaveLength(100);
      break;
    }
    expect(await pages.take(2).toArray()).toHaveLength(2);
    expect(listRequests(emulator).map((request) => request.query.nextToken === undefined)).toEqual([true, true, false]);
  });
});

describe('10. pages({ maxItems })', () => {
  test('stops after maxItems items, pushing the count down, and each page knows its own token', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const pages = await paginateCustomizationJobs(FILTER, { client, pageSize: 100 }).pages({ maxItems: 250 }).toArray();
    expect(pages.map((page) => page.items.length)).toEqual([100, 100, 50]);
    expect(pages.flatMap((page) => arnsOf(page.items))).toEqual(referenceListing(JOBS, FILTER).slice(0, 250));
    expect(listRequests(emulator).map((request) => request.query.maxResults)).toEqual(['100', '100', '50']);
    expect(pages[0]?.pageToken).toBeUndefined();
    expect(pages[1]?.pageToken).toBe(pages[0]?.nextToken);
    expect(pages[2]?.pageToken).toBe(pages[1]?.nextToken);
  });

  test('maxItems must be a whole number', () => {
    expect(() => paginateCustomizationJobs({}, { client: { send: async () => ({}) } as never }).pages({ maxItems: -1 })).toThrow(
      /pages\(options\): options.maxItems must be a whole number ≥ 0; got -1/,
    );
  });
});
