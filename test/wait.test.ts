/**
 * Waits, over the real SDK client and the emulator's virtual clock, for
 * every kind of jobs: one listing a poll whatever the number of jobs, one
 * Get per job at its end, results in input order, and a job's failure as a
 * result, not a rejection (issue 12, point 1 and the wait API).
 */
import {
  CreateModelCustomizationJobCommand,
  GetModelCustomizationJobCommand,
  StopModelCustomizationJobCommand,
} from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { failureMessageOf } from '../src/bedrock/job-wait.js';
import { customizationJobs } from '../src/bedrock/kinds/index.js';
import type { AnyListingKind } from '../src/bedrock/listing-kind.js';
import { JobFailedError, PaginationError, waitForCustomizationJob, waitForCustomizationJobs } from '../src/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';
import { addRunningJob, arnOf, JOB_KINDS, running } from './support/job-kinds.js';
import { kindRequests, sdkListing, setupKind } from './support/kinds.js';

const HOUR = 3_600_000;
const lifecycle = (failureRate: number) => ({ durationMs: { min: HOUR, max: 2 * HOUR }, failureRate, seed: 9 });
const gets = (emulator: { requests: readonly { operation?: string | undefined }[] }, kind: AnyListingKind) =>
  emulator.requests.filter((request) => request.operation === kind.get?.operation);

/** Each identifier form the kind's Get takes, in turn: the ARN, then its name or its ID. */
function identifierOf(kind: AnyListingKind, job: Record<string, unknown>, index: number): string {
  const arn = arnOf(kind, job);
  if (index % 2 === 0 || kind.get?.alsoBy === undefined) return arn;
  return kind.get.alsoBy === 'name' ? String(job.jobName) : (arn.split('/').pop() as string);
}

describe.each(JOB_KINDS)('$name', ({ kind, waits }) => {
  test('every job named, by each form its Get takes, in input order, failures included: one listing a poll, one Get per job at its end', async () => {
    const { emulator, client } = await setupKind(kind, 40, { clock: 'virtual', lifecycle: lifecycle(0.5) });
    const listed = await sdkListing(kind, client);
    // Some kinds' generated accounts have few jobs running: two more, made alike, make sure.
    const latest = Math.max(...listed.map((job) => (job[kind.timeField] as Date).getTime()));
    for (const id of ['extraaaaaaaa', 'extrabbbbbbb'])
      addRunningJob(emulator, kind, listed[0] as Record<string, unknown>, new Date(latest), id);
    const targets = running(kind, await sdkListing(kind, client)).slice(0, 4);
    expect(targets.length).toBeGreaterThan(1);
    const identifiers = targets.map((job, index) => identifierOf(kind, job, index)).reverse();
    let moved = false;
    const listsBefore = kindRequests(emulator, kind).length;
    const results = await waits.all(identifiers, {
      client,
      interval: 0,
      // Once the first poll has found them, the clock moves past every end.
      onChange: () => {
        if (!moved) emulator.advance(2 * HOUR);
        moved = true;
      },
    });
    // Two polls: the current state, then the window; and one Get per job, at its end.
    expect(kindRequests(emulator, kind).length - listsBefore).toBe(2);
    expect(gets(emulator, kind)).toHaveLength(targets.length);
    const ended = new Map((await sdkListing(kind, client)).map((job) => [arnOf(kind, job), job]));
    expect(results.map((result) => result.identifier)).toEqual(identifiers);
    for (const [index, result] of results.entries()) {
      const arn = arnOf(kind, targets[targets.length - 1 - index] as object);
      expect(arnOf(kind, result.job)).toBe(arn);
      expect(result.status).toBe(ended.get(arn)?.status);
      expect([...(kind.lifecycle?.succeeded ?? []), ...(kind.lifecycle?.failed ?? [])]).toContain(result.status);
      expect(result.job.status).toBe(result.status);
    }
  });

  test('one job: the Get output when it succeeds, a JobFailedError that says why when it fails', async () => {
    for (const failureRate of [0, 1]) {
      const { emulator, client } = await setupKind(kind, 30, { clock: 'virtual', lifecycle: lifecycle(failureRate) });
      const [target] = running(kind, await sdkListing(kind, client));
      const identifier = arnOf(kind, target as object);
      const waited = waits.one(identifier, { client, interval: 0, onChange: () => emulator.advance(2 * HOUR) });
      if (failureRate === 0) {
        const job = await waited;
        expect(kind.lifecycle?.succeeded).toContain(job.status);
        expect(arnOf(kind, job)).toBe(identifier);
      } else {
        const error = await waited.catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(JobFailedError);
        const failed = error as JobFailedError;
        expect(failed).toMatchObject({ identifier, status: 'Failed', job: { status: 'Failed' } });
        expect(failed.failureMessage).toBe(failureMessageOf(kind, failed.job));
        expect(failed.failureMessage).toEqual(expect.any(String));
        expect(failed.message).toBe(`${kind.noun} ${identifier} ended Failed: ${failed.failureMessage}`);
      }
    }
  });
});

const CREATE = {
  customModelName: 'waited-model',
  roleArn: 'arn:aws:iam::123456789012:role/BedrockCustomization',
  baseModelIdentifier: 'amazon.titan-text-express-v1:0:8k',
  trainingDataConfig: { s3Uri: 's3://my-bucket/train.jsonl' },
  outputDataConfig: { s3Uri: 's3://my-bucket/output/' },
};

test('Stopping is not an end: the wait goes on through it, and a job that ends Stopped is a JobFailedError with no failure message', async () => {
  const emulator = await useEmulator({ clock: 'virtual', stopDelayMs: 10 * 60_000, lifecycle: { durationMs: HOUR } });
  const client = clientFor(emulator, { maxAttempts: 1 });
  await client.send(new CreateModelCustomizationJobCommand({ ...CREATE, jobName: 'stopped-one' }));
  await client.send(new StopModelCustomizationJobCommand({ jobIdentifier: 'stopped-one' }));
  const seen: string[] = [];
  const error = await waitForCustomizationJob('stopped-one', {
    client,
    interval: 0,
    onChange: (event) => {
      seen.push(`${event.type} ${event.job.status}`);
      // Only once the wait has seen it Stopping does the stop delay pass.
      if (event.job.status === 'Stopping') emulator.advance(10 * 60_000);
    },
  }).catch((caught: unknown) => caught);
  expect(seen).toEqual(['added Stopping', 'changed Stopped']);
  expect(error).toBeInstanceOf(JobFailedError);
  expect(error).toMatchObject({ status: 'Stopped', failureMessage: undefined, identifier: 'stopped-one' });
});

test("an identifier that names no job rejects with the service's ResourceNotFoundException, after one listing and one Get", async () => {
  const { emulator, client } = await setupKind(customizationJobs, 20, { clock: 'virtual' });
  await expect(waitForCustomizationJobs(['no-such-job'], { client, interval: 0 })).rejects.toMatchObject({
    name: 'ResourceNotFoundException',
  });
  expect(kindRequests(emulator, customizationJobs)).toHaveLength(1);
  expect(gets(emulator, customizationJobs)).toHaveLength(1);
});

test('a job the listing does not show yet (created a moment ago) is read by Get until it does, then followed by the listing', async () => {
  const emulator = await useEmulator({ clock: 'virtual', lifecycle: { durationMs: HOUR } });
  const real = clientFor(emulator, { maxAttempts: 1 });
  const { jobArn } = await real.send(new CreateModelCustomizationJobCommand({ ...CREATE, jobName: 'fresh' }));
  let lists = 0;
  // The listing lags: its first two answers leave the new job out, as an eventually consistent index may;
  // by the third, the job has run its hour.
  const client = {
    send: async (command: object, options?: object) => {
      const listing = command.constructor.name === 'ListModelCustomizationJobsCommand';
      if (listing && ++lists === 3) emulator.advance(HOUR);
      const output = (await real.send(command as never, options as never)) as unknown as Record<string, unknown>;
      return listing && lists <= 2 ? { ...output, modelCustomizationJobSummaries: [] } : output;
    },
  };
  const statuses: string[] = [];
  const job = await waitForCustomizationJob('fresh', {
    client,
    interval: 0,
    onChange: (event) => statuses.push(String(event.job.status)),
  });
  expect(job).toMatchObject({ jobArn, status: 'Completed' });
  expect(statuses).toEqual(['InProgress', 'Completed']);
  // One Get for each poll that missed it, one at its end.
  expect(gets(emulator, customizationJobs)).toHaveLength(3);
});

test("an API failure that outlasts the retries rejects the wait with the listing's PaginationError", async () => {
  const { emulator, client } = await setupKind(customizationJobs, 10, { clock: 'virtual' });
  emulator.setFaults({ serverError: { first: 1000 } });
  const error = await waitForCustomizationJobs(['anything'], {
    client,
    interval: 0,
    retry: { retries: 2, minTimeout: 0, randomize: false },
  }).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(PaginationError);
  expect((error as PaginationError).attempts).toBe(3);
});

test('waitForCustomizationJob resolves with the GetModelCustomizationJob output itself', async () => {
  const emulator = await useEmulator({ clock: 'virtual', lifecycle: { durationMs: HOUR } });
  const client = clientFor(emulator, { maxAttempts: 1 });
  await client.send(new CreateModelCustomizationJobCommand({ ...CREATE, jobName: 'whole' }));
  const job = await waitForCustomizationJob('whole', { client, interval: 0, onChange: () => emulator.advance(HOUR) });
  const got = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: 'whole' }));
  const { $metadata: _ignored, ...expected } = got;
  expect(job).toMatchObject(expected);
  expect(job.outputModelArn ?? job.outputModelName).toBeDefined();
});

test('the first poll lists the account newest first only until it has found every job: the newest running one costs one page', async () => {
  const { emulator, client } = await setupKind(customizationJobs, 2500, { clock: 'virtual', lifecycle: { durationMs: HOUR } });
  const [newest] = running(customizationJobs, await sdkListing(customizationJobs, client));
  const listsBefore = kindRequests(emulator, customizationJobs).length;
  let moved = false;
  const job = await waitForCustomizationJob(String(newest?.jobName), {
    client,
    interval: 0,
    onChange: () => {
      if (!moved) emulator.advance(HOUR);
      moved = true;
    },
  });
  expect(job.jobArn).toBe(newest?.jobArn);
  // One page of 1000 found it; the second poll listed its window; no Get but the one at its end.
  expect(kindRequests(emulator, customizationJobs).length - listsBefore).toBe(2);
  expect(gets(emulator, customizationJobs)).toHaveLength(1);
});
