/**
 * Watches, over the real SDK client and the emulator's virtual clock, for
 * every kind of jobs: the current state, then each change once, from one
 * listing a poll of only the window that can still change (issue 12,
 * points 1 and 5).
 */
import { CreateModelCustomizationJobCommand } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { WINDOW_MARGIN_MS } from '../src/bedrock/job-window.js';
import { customizationJobs } from '../src/bedrock/kinds/index.js';
import { queryNames } from '../src/bedrock/listing-kind.js';
import * as library from '../src/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';
import { addRunningJob, arnOf, JOB_KINDS, read, running } from './support/job-kinds.js';
import { kindRequests, sdkListing, setupKind } from './support/kinds.js';

const HOUR = 3_600_000;
const LIFECYCLE = { durationMs: { min: HOUR, max: 2 * HOUR }, failureRate: 0.3, seed: 5 };

describe.each(JOB_KINDS)('$name', ({ kind, watch }) => {
  const ends = [...(kind.lifecycle?.succeeded ?? []), ...(kind.lifecycle?.failed ?? [])];
  const timeQuery = Object.entries(queryNames(kind)).find(([member]) => member.endsWith('TimeAfter'))?.[1] as string;

  test('every job once as added, then each running one once as changed when it ends, then a new one as added: one request a poll', async () => {
    const { emulator, client } = await setupKind(kind, 60, { clock: 'virtual', lifecycle: LIFECYCLE });
    const jobs = await sdkListing(kind, client);
    const runningJobs = running(kind, jobs);
    expect(runningJobs.length).toBeGreaterThan(0);
    const events = watch({}, { client, interval: 0 })[Symbol.asyncIterator]();

    const initial = await read(events, jobs.length);
    expect(initial.every((event) => event.type === 'added')).toBe(true);
    expect(initial.map((event) => arnOf(kind, event.job))).toEqual(jobs.map((job) => arnOf(kind, job)));

    const before = kindRequests(emulator, kind).length;
    emulator.advance(2 * HOUR);
    const changes = await read(events, runningJobs.length);
    expect(new Set(changes.map((event) => arnOf(kind, event.job)))).toEqual(new Set(runningJobs.map((job) => arnOf(kind, job))));
    for (const event of changes) {
      if (event.type !== 'changed') throw new Error(`expected a change, got ${event.type}`);
      expect(kind.lifecycle?.running).toContain(event.previous.status);
      expect(ends).toContain(event.job.status);
      expect(arnOf(kind, event.previous)).toBe(arnOf(kind, event.job));
    }
    // The changes came from one poll, one request: the window from the oldest running job, less the margin.
    const windowed = kindRequests(emulator, kind).slice(before);
    expect(windowed).toHaveLength(1);
    const oldest = Math.min(...runningJobs.map((job) => (job[kind.timeField] as Date).getTime()));
    expect(Date.parse(String(windowed[0]?.query[timeQuery]))).toBe(oldest - WINDOW_MARGIN_MS);

    const latest = Math.max(...jobs.map((job) => (job[kind.timeField] as Date).getTime()));
    const created = addRunningJob(emulator, kind, jobs[0] as Record<string, unknown>, new Date(latest + 2 * HOUR));
    const [added] = await read(events, 1);
    expect(added).toMatchObject({ type: 'added', job: { [kind.arnField]: arnOf(kind, created), status: created.status } });
    await events.return?.();
  });

  test('initial: false yields no current state, only what changes', async () => {
    const { emulator, client } = await setupKind(kind, 40, { clock: 'virtual', lifecycle: LIFECYCLE });
    const runningJobs = running(kind, await sdkListing(kind, client));
    const events = watch({}, { client, interval: 0, initial: false })[Symbol.asyncIterator]();
    const first = events.next();
    // The first poll is the current state; the clock moves only once it has been listed: when the second poll has begun.
    await expect.poll(() => kindRequests(emulator, kind).length).toBeGreaterThan(1);
    emulator.advance(2 * HOUR);
    const changes = [(await first).value, ...(await read(events, runningJobs.length - 1))];
    expect(changes.every((event) => event?.type === 'changed')).toBe(true);
    expect(new Set(changes.map((event) => arnOf(kind, event?.job as object)))).toEqual(
      new Set(runningJobs.map((job) => arnOf(kind, job))),
    );
    await events.return?.();
  });
});

test('every job kind has its watch and its two waits in the package, by name', () => {
  const names = {
    customization: 'CustomizationJob',
    import: 'ModelImportJob',
    copy: 'ModelCopyJob',
    invocation: 'ModelInvocationJob',
    evaluation: 'EvaluationJob',
  };
  for (const { name } of JOB_KINDS) {
    const noun = names[name as keyof typeof names];
    for (const exported of [`watch${noun}s`, `waitFor${noun}`, `waitFor${noun}s`]) {
      expect(typeof (library as Record<string, unknown>)[exported], exported).toBe('function');
    }
  }
  expect(Object.keys(names)).toEqual(JOB_KINDS.map(({ name }) => name));
});

test('statusEquals: the jobs with that status come as added, and so do those that come to have it later', async () => {
  const { emulator, client } = await setupKind(customizationJobs, 60, {
    clock: 'virtual',
    lifecycle: { ...LIFECYCLE, failureRate: 1 },
  });
  const all = await sdkListing(customizationJobs, client);
  const failed = all.filter((job) => job.status === 'Failed');
  const events = library.watchCustomizationJobs({ statusEquals: 'Failed' }, { client, interval: 0 })[Symbol.asyncIterator]();
  const initial = await read(events, failed.length);
  expect(initial.map((event) => event.job.jobArn)).toEqual(failed.map((job) => job.jobArn));
  // The jobs that fail as the clock moves come as added: they match the filter for the first time.
  emulator.advance(2 * HOUR);
  const nowFailed = (await sdkListing(customizationJobs, client, { statusEquals: 'Failed' })).length - failed.length;
  expect(nowFailed).toBeGreaterThan(0);
  const more = await read(events, nowFailed);
  expect(more.every((event) => event.type === 'added' && event.job.status === 'Failed')).toBe(true);
  await events.return?.();
  // The watch matches the status itself, never sending it: its window must hold the running jobs that may yet fail.
  // The one request with statusEquals is the test's own count above.
  expect(kindRequests(emulator, customizationJobs).filter((request) => 'statusEquals' in request.query)).toHaveLength(1);
});

test("clock-proof: a service whose clock is 25 years behind the machine's is watched by its own timestamps", async () => {
  const emulator = await useEmulator({ clock: 'virtual', clockStartAt: '2001-06-01T00:00:00Z', lifecycle: { durationMs: HOUR } });
  const client = clientFor(emulator, { maxAttempts: 1 });
  const create = (jobName: string) =>
    client.send(
      new CreateModelCustomizationJobCommand({
        jobName,
        customModelName: `${jobName}-model`,
        roleArn: 'arn:aws:iam::123456789012:role/BedrockCustomization',
        baseModelIdentifier: 'amazon.titan-text-express-v1:0:8k',
        trainingDataConfig: { s3Uri: 's3://my-bucket/train.jsonl' },
        outputDataConfig: { s3Uri: 's3://my-bucket/output/' },
      }),
    );
  await create('old-a');
  const events = library.watchCustomizationJobs({}, { client, interval: 0 })[Symbol.asyncIterator]();
  const [first] = await read(events, 1);
  expect(first?.job.creationTime?.getUTCFullYear()).toBe(2001);
  emulator.advance(10 * 60_000);
  await create('old-b');
  const [added] = await read(events, 1);
  expect(added).toMatchObject({ type: 'added', job: { jobName: 'old-b', status: 'InProgress' } });
  emulator.advance(HOUR);
  const ended = await read(events, 2);
  expect(ended.map((event) => [event.type, event.job.jobName, event.job.status])).toEqual([
    ['changed', 'old-b', 'Completed'],
    ['changed', 'old-a', 'Completed'],
  ]);
  await events.return?.();
  // Every window after the first was opened from the service's 2001, never from the machine's clock.
  const windows = kindRequests(emulator, customizationJobs)
    .slice(1)
    .map((request) => String(request.query.creationTimeAfter));
  expect(windows.length).toBeGreaterThan(0);
  for (const window of windows) expect(window.startsWith('2001-')).toBe(true);
});

test('regions: each source is watched with its own window, the events of both come through', async () => {
  const emulator = await useEmulator({
    clock: 'virtual',
    lifecycle: LIFECYCLE,
    regions: { 'us-east-1': { jobs: { count: 20, seed: 1 } }, 'eu-west-1': { jobs: { count: 20, seed: 2 } } },
  });
  const clients = ['us-east-1', 'eu-west-1'].map((region) => clientFor(emulator, { region, maxAttempts: 1 }));
  const listed = await Promise.all(clients.map((client) => sdkListing(customizationJobs, client)));
  const total = listed.flat().length;
  const events = library.watchCustomizationJobs({}, { clients, interval: 0 })[Symbol.asyncIterator]();
  const initial = await read(events, total);
  expect(new Set(initial.map((event) => event.job.jobArn)).size).toBe(total);
  expect(new Set(initial.map((event) => event.job.jobArn?.split(':')[3]))).toEqual(new Set(['us-east-1', 'eu-west-1']));
  emulator.advance(2 * HOUR);
  const runningCount = listed.flatMap((jobs) => running(customizationJobs, jobs)).length;
  const changes = await read(events, runningCount);
  expect(changes.every((event) => event.type === 'changed')).toBe(true);
  await events.return?.();
});
