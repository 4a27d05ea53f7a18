import { ListModelCustomizationJobsCommand, paginateListModelCustomizationJobs } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MAX_RESULTS, type EmulatorJob, generateJobs } from '../src/emulator/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';
import { type ReferenceFilter, referenceListing } from './support/reference-listing.js';
import { MANY_REQUESTS_MS } from './support/timeouts.js';

// Pinned, so that the jobs added during a listing below (2027) are always the newest.
const JOBS = generateJobs({ count: 1234, seed: 11, endingAt: new Date('2026-11-01T00:00:00Z') });

async function listAll(pageSize: number, filter: ReferenceFilter = {}, jobs: readonly EmulatorJob[] = JOBS) {
  // Page size 1 makes 1,234 requests, more than the log keeps by default.
  const emulator = await useEmulator({ jobs, requestLogSize: Number.POSITIVE_INFINITY });
  const client = clientFor(emulator);
  const arns: string[] = [];
  const pageLengths: number[] = [];
  for await (const page of paginateListModelCustomizationJobs({ client, pageSize }, { ...filter })) {
    const summaries = page.modelCustomizationJobSummaries ?? [];
    pageLengths.push(summaries.length);
    arns.push(...summaries.map((job) => job.jobArn as string));
  }
  return { arns, pageLengths, requests: emulator.requests };
}

// Page size 1 is 1,234 requests; the ties, about a hundred.
describe('pagination through the real SDK', { timeout: MANY_REQUESTS_MS }, () => {
  test.each([1, 7, 100, 1000])('page size %i returns every job exactly once, in order', async (pageSize) => {
    const { arns, pageLengths, requests } = await listAll(pageSize);
    expect(arns).toEqual(referenceListing(JOBS));
    expect(new Set(arns).size).toBe(JOBS.length);
    expect(pageLengths.slice(0, -1).every((length) => length === pageSize)).toBe(true);
    expect(requests).toHaveLength(Math.ceil(JOBS.length / pageSize));
    expect(requests.every((request) => request.query.maxResults === String(pageSize))).toBe(true);
  });

  test('Ascending is the exact reverse of the default Descending order', async () => {
    const { arns } = await listAll(100, { sortOrder: 'Ascending' });
    expect(arns).toEqual(referenceListing(JOBS).reverse());
  });

  test('jobs that tie on creation time to the millisecond keep one order across pages', async () => {
    const tied = Array.from(
      { length: 40 },
      (_, i): EmulatorJob => ({
        jobArn: `arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.titan-text-lite-v1:0:4k/tie${String((i * 17) % 40).padStart(8, '0')}`,
        baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1:0:4k',
        jobName: `tie-${i}`,
        status: 'Completed',
        creationTime: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i < 20 ? 500 : 900)),
      }),
    );
    for (const sortOrder of ['Ascending', 'Descending'] as const) {
      const byOne = await listAll(1, { sortOrder }, tied);
      const byThree = await listAll(3, { sortOrder }, tied);
      expect(byOne.arns).toEqual(referenceListing(tied, { sortOrder }));
      expect(byThree.arns).toEqual(byOne.arns);
    }
  });

  test(`without maxResults a page holds ${DEFAULT_MAX_RESULTS} jobs`, async () => {
    const emulator = await useEmulator({ jobs: JOBS });
    const page = await clientFor(emulator).send(new ListModelCustomizationJobsCommand({}));
    expect(page.modelCustomizationJobSummaries).toHaveLength(DEFAULT_MAX_RESULTS);
    expect(page.nextToken).toEqual(expect.any(String));
  });

  test('the last page carries no nextToken, even when it is exactly full', async () => {
    const emulator = await useEmulator({ jobs: JOBS.slice(0, 20) });
    const client = clientFor(emulator);
    const first = await client.send(new ListModelCustomizationJobsCommand({ maxResults: 10 }));
    const second = await client.send(new ListModelCustomizationJobsCommand({ maxResults: 10, nextToken: first.nextToken }));
    expect(second.modelCustomizationJobSummaries).toHaveLength(10);
    expect(second.nextToken).toBeUndefined();
  });

  test('an empty store answers an empty list', async () => {
    const emulator = await useEmulator();
    const page = await clientFor(emulator).send(new ListModelCustomizationJobsCommand({}));
    expect(page.modelCustomizationJobSummaries).toEqual([]);
    expect(page.nextToken).toBeUndefined();
  });

  test('jobs added during a listing neither shift nor repeat the rest of it', async () => {
    const emulator = await useEmulator({ jobs: JOBS.slice(0, 30) });
    const client = clientFor(emulator);
    const first = await client.send(new ListModelCustomizationJobsCommand({ maxResults: 10 }));
    emulator.addJobs(generateJobs({ count: 5, seed: 99, endingAt: new Date('2027-01-01T00:00:00Z') }));
    const arns = (first.modelCustomizationJobSummaries ?? []).map((job) => job.jobArn);
    let nextToken = first.nextToken;
    while (nextToken) {
      const page = await client.send(new ListModelCustomizationJobsCommand({ maxResults: 10, nextToken }));
      arns.push(...(page.modelCustomizationJobSummaries ?? []).map((job) => job.jobArn));
      nextToken = page.nextToken;
    }
    expect(arns).toEqual(referenceListing(JOBS.slice(0, 30)));
  });
});
