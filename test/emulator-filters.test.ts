import { paginateListModelCustomizationJobs } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { type EmulatorJob, generateJobs } from '../src/emulator/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';
import { type ReferenceFilter, referenceListing } from './support/reference-listing.js';

const JOBS = generateJobs({ count: 600, seed: 5 });
const times = JOBS.map((job) => new Date(job.creationTime).getTime()).sort((a, b) => a - b);
const MIDDLE = new Date(times[300] as number);
const LATER = new Date(times[450] as number);

async function list(filter: ReferenceFilter, jobs: readonly EmulatorJob[] = JOBS) {
  const emulator = await useEmulator({ jobs });
  const arns: string[] = [];
  for await (const page of paginateListModelCustomizationJobs({ client: clientFor(emulator), pageSize: 50 }, { ...filter })) {
    arns.push(...(page.modelCustomizationJobSummaries ?? []).map((job) => job.jobArn as string));
  }
  return { arns, requests: emulator.requests };
}

describe('filters', () => {
  test.each(['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'] as const)(
    'statusEquals=%s is an exact match',
    async (status) => {
      const { arns } = await list({ statusEquals: status });
      const expected = referenceListing(JOBS, { statusEquals: status });
      expect(expected.length).toBeGreaterThan(0);
      expect(arns).toEqual(expected);
    },
  );

  test('nameContains is a case-sensitive substring match', async () => {
    const named = (jobName: string, i: number): EmulatorJob => ({
      ...(JOBS[i] as EmulatorJob),
      jobName,
    });
    const jobs = [named('Support-Chat', 0), named('support-chat', 1), named('my-support-x', 2), named('supp-ort', 3)];
    expect((await list({ nameContains: 'support' }, jobs)).arns).toEqual(referenceListing(jobs, { nameContains: 'support' }));
    expect((await list({ nameContains: 'support' }, jobs)).arns).toHaveLength(2);
    expect((await list({ nameContains: 'Support' }, jobs)).arns).toEqual([jobs[0]?.jobArn]);
  });

  test('creationTimeAfter is strictly after', async () => {
    const { arns, requests } = await list({ creationTimeAfter: MIDDLE });
    expect(arns).toEqual(referenceListing(JOBS, { creationTimeAfter: MIDDLE }));
    expect(arns).not.toContain(JOBS.find((job) => new Date(job.creationTime).getTime() === MIDDLE.getTime())?.jobArn);
    expect(requests[0]?.query.creationTimeAfter).toBe(MIDDLE.toISOString().replace('.000Z', 'Z'));
  });

  test('creationTimeBefore is strictly before', async () => {
    const { arns } = await list({ creationTimeBefore: MIDDLE });
    expect(arns).toEqual(referenceListing(JOBS, { creationTimeBefore: MIDDLE }));
    expect(arns).not.toContain(JOBS.find((job) => new Date(job.creationTime).getTime() === MIDDLE.getTime())?.jobArn);
  });

  test('every filter combined, in both orders', async () => {
    for (const sortOrder of ['Ascending', 'Descending'] as const) {
      const filter: ReferenceFilter = {
        statusEquals: 'Completed',
        nameContains: 'ft',
        creationTimeAfter: MIDDLE,
        creationTimeBefore: LATER,
        sortOrder,
      };
      const expected = referenceListing(JOBS, filter);
      expect(expected.length).toBeGreaterThan(10);
      expect((await list(filter)).arns).toEqual(expected);
    }
  });

  test('an empty time window returns nothing', async () => {
    expect((await list({ creationTimeAfter: LATER, creationTimeBefore: MIDDLE })).arns).toEqual([]);
  });
});
