import {
  CreateModelCustomizationJobCommand,
  GetModelCustomizationJobCommand,
  GetModelImportJobCommand,
  GetModelInvocationJobCommand,
  ListModelCopyJobsCommand,
  ListModelCustomizationJobsCommand,
  ListModelImportJobsCommand,
  StopModelCustomizationJobCommand,
} from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { LISTING_KINDS } from '../src/bedrock/kinds/index.js';
import { DEFAULT_DURATION_MS, type Emulator, generateJobs, type LifecycleOptions } from '../src/emulator/index.js';
import { summaryMembers } from '../src/emulator/lifecycle.js';
import { clientFor, useEmulator } from './support/emulator-client.js';

const HOUR = 3_600_000;
const ACCOUNT = '123456789012';
const importArn = (id: string) => `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-import-job/${id}`;

const CREATE = {
  jobName: 'lifecycle-ft-1',
  customModelName: 'lifecycle-v1',
  roleArn: `arn:aws:iam::${ACCOUNT}:role/BedrockCustomization`,
  baseModelIdentifier: 'amazon.titan-text-express-v1:0:8k',
  trainingDataConfig: { s3Uri: 's3://my-bucket/train.jsonl' },
  outputDataConfig: { s3Uri: 's3://my-bucket/output/' },
};

test.each(LISTING_KINDS.map((kind) => [kind.name, kind] as const))(
  "%s: the summary's members, which an ended job's endTime and failureMessage are kept to, come from the SDK's schema",
  (_name, kind) => {
    const members = summaryMembers(kind);
    expect(members.has(kind.arnField)).toBe(true);
    expect(members.has(kind.timeField)).toBe(true);
  },
);

describe('jobs run, end and stop on a virtual clock', () => {
  test('a job added with a durationMs runs, read by Get and List alike, and completes when advance passes its time', async () => {
    const emulator = await useEmulator({ clock: 'virtual' });
    const client = clientFor(emulator);
    const creationTime = new Date(Date.now() - HOUR);
    emulator.addImportJobs([
      { jobArn: importArn('aaaaaaaaaaaa'), jobName: 'import-a', status: 'InProgress', creationTime, durationMs: 2 * HOUR },
    ]);
    const get = () => client.send(new GetModelImportJobCommand({ jobIdentifier: 'import-a' }));
    const list = async () => (await client.send(new ListModelImportJobsCommand({}))).modelImportJobSummaries?.[0];

    emulator.advance(2 * HOUR - 1);
    expect((await get()).status).toBe('InProgress');
    expect(await list()).toMatchObject({ status: 'InProgress' });
    expect((await list())?.endTime).toBeUndefined();

    emulator.advance(1);
    const ended = await get();
    expect(ended.status).toBe('Completed');
    expect(ended.endTime).toBeInstanceOf(Date);
    expect(ended.failureMessage).toBeUndefined();
    expect(await list()).toMatchObject({ status: 'Completed', endTime: ended.endTime, lastModifiedTime: ended.endTime });
  });

  test('at failureRate 1 a job ends Failed, with a failure message in Get only where the summary lacks one', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { failureRate: 1, seed: 3 } });
    const client = clientFor(emulator);
    emulator.addImportJobs([
      {
        jobArn: importArn('bbbbbbbbbbbb'),
        jobName: 'import-b',
        status: 'InProgress',
        creationTime: new Date(),
        durationMs: HOUR,
      },
    ]);
    emulator.addCopyJobs([
      {
        jobArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-copy-job/cccccccccccc`,
        status: 'InProgress',
        creationTime: new Date(),
        targetModelArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:custom-model/amazon.nova-lite-v1:0:300k/dddddddddddd`,
        sourceAccountId: '111122223333',
        sourceModelArn: 'arn:aws:bedrock:us-east-1:111122223333:custom-model/amazon.nova-lite-v1:0:300k/eeeeeeeeeeee',
        durationMs: HOUR,
      },
    ]);
    emulator.advance(HOUR);

    const imported = await client.send(new GetModelImportJobCommand({ jobIdentifier: importArn('bbbbbbbbbbbb') }));
    expect(imported).toMatchObject({ status: 'Failed', failureMessage: expect.any(String) });
    expect(imported.endTime?.getTime()).toBe(imported.lastModifiedTime?.getTime());
    const [importSummary] = (await client.send(new ListModelImportJobsCommand({}))).modelImportJobSummaries ?? [];
    expect(importSummary).toMatchObject({ status: 'Failed' });
    expect(importSummary).not.toHaveProperty('failureMessage');
    // A copy job's summary has failureMessage and no endTime, as the SDK's schema says.
    const [copy] = (await client.send(new ListModelCopyJobsCommand({}))).modelCopyJobSummaries ?? [];
    expect(copy).toMatchObject({ status: 'Failed', failureMessage: expect.any(String) });
    expect(copy).not.toHaveProperty('endTime');
  });

  test('a batch inference job, found by its ID, ends and Get says why in `message`', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { failureRate: 1 } });
    const client = clientFor(emulator);
    emulator.addInvocationJobs([
      {
        jobArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-invocation-job/ffffffffffff`,
        jobName: 'batch-f',
        modelId: 'anthropic.claude-3-haiku-20240307-v1:0',
        roleArn: `arn:aws:iam::${ACCOUNT}:role/Batch`,
        submitTime: new Date(),
        status: 'Scheduled',
        inputDataConfig: { s3InputDataConfig: { s3Uri: 's3://in/' } },
        outputDataConfig: { s3OutputDataConfig: { s3Uri: 's3://out/' } },
        durationMs: 10 * HOUR,
      },
    ]);
    const get = () => client.send(new GetModelInvocationJobCommand({ jobIdentifier: 'ffffffffffff' }));
    expect((await get()).status).toBe('Scheduled');
    emulator.advance(10 * HOUR);
    expect(await get()).toMatchObject({ status: 'Failed', message: expect.any(String), endTime: expect.any(Date) });
  });

  test('a created job runs lifecycle.durationMs, then Get and List both read it Completed with its endTime', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { durationMs: 6 * HOUR } });
    const client = clientFor(emulator);
    const { jobArn } = await client.send(new CreateModelCustomizationJobCommand(CREATE));
    const created = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    expect(created.status).toBe('InProgress');
    emulator.advance(6 * HOUR);
    const done = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: CREATE.jobName }));
    expect(done.status).toBe('Completed');
    expect(done.endTime?.getTime()).toBe((created.creationTime as Date).getTime() + 6 * HOUR);
    const listed = await client.send(new ListModelCustomizationJobsCommand({}));
    expect(listed.modelCustomizationJobSummaries?.[0]).toMatchObject({ jobArn, status: 'Completed', endTime: done.endTime });
  });

  test('Stop: Stopping, then Stopped after stopDelayMs of virtual time; the job no longer ends by its duration', async () => {
    const emulator = await useEmulator({ clock: 'virtual', stopDelayMs: 5 * 60_000, lifecycle: { durationMs: HOUR } });
    const client = clientFor(emulator);
    const { jobArn } = await client.send(new CreateModelCustomizationJobCommand(CREATE));
    await client.send(new StopModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    const get = () => client.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    expect((await get()).status).toBe('Stopping');
    emulator.advance(5 * 60_000 - 1);
    expect((await get()).status).toBe('Stopping');
    emulator.advance(1);
    const stopped = await get();
    expect(stopped.status).toBe('Stopped');
    expect(stopped.endTime).toBeInstanceOf(Date);
    expect(stopped.failureMessage).toBeUndefined();
    emulator.advance(2 * HOUR);
    expect((await get()).status).toBe('Stopped');
  });

  test('without lifecycle options nothing moves: a real clock, running jobs stay running, advance is a TypeError', async () => {
    const jobs = generateJobs({ count: 30, seed: 4 });
    const emulator = await useEmulator({ jobs });
    expect(() => emulator.advance(1000)).toThrow(TypeError);
    const client = clientFor(emulator);
    const listed = (await client.send(new ListModelCustomizationJobsCommand({}))).modelCustomizationJobSummaries ?? [];
    expect(listed.map((job) => job.status).sort()).toEqual(jobs.map((job) => job.status).sort());
  });

  test('bad options are named', async () => {
    await expect(useEmulator({ clock: 'fast' as never })).rejects.toThrow(/options\.clock/);
    await expect(useEmulator({ lifecycle: { failureRate: 2 } })).rejects.toThrow(/options\.lifecycle\.failureRate/);
    const emulator = await useEmulator({ clock: 'virtual' });
    expect(() => emulator.advance(-1)).toThrow(RangeError);
    expect(() =>
      emulator.addImportJobs([
        { jobArn: importArn('gggggggggggg'), jobName: 'g', status: 'InProgress', creationTime: new Date(), durationMs: -5 },
      ]),
    ).toThrow(/durationMs/);
  });
});

describe('durations drawn from lifecycle.seed', () => {
  /** Creates `count` customization jobs, advances past `maxMs`, and reads how long each ran, by Get. */
  async function createdDurations(emulator: Emulator, count: number, maxMs: number): Promise<number[]> {
    const client = clientFor(emulator);
    const arns: string[] = [];
    for (let i = 0; i < count; i++) {
      const { jobArn } = await client.send(new CreateModelCustomizationJobCommand({ ...CREATE, jobName: `drawn-${i}` }));
      arns.push(jobArn as string);
    }
    emulator.advance(maxMs);
    const durations: number[] = [];
    for (const jobArn of arns) {
      const job = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
      expect(job.status).toBe('Completed');
      durations.push((job.endTime as Date).getTime() - (job.creationTime as Date).getTime());
    }
    return durations;
  }

  test('a durationMs { min, max } draws each created job its own duration within it, and the same seed draws the same', async () => {
    const lifecycle: LifecycleOptions = { durationMs: { min: HOUR, max: 3 * HOUR }, seed: 11 };
    const first = await createdDurations(await useEmulator({ clock: 'virtual', lifecycle }), 20, 3 * HOUR);
    const again = await createdDurations(await useEmulator({ clock: 'virtual', lifecycle }), 20, 3 * HOUR);
    const other = await createdDurations(
      await useEmulator({ clock: 'virtual', lifecycle: { ...lifecycle, seed: 12 } }),
      20,
      3 * HOUR,
    );
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(10);
    for (const ms of first) {
      expect(Number.isInteger(ms)).toBe(true);
      expect(ms).toBeGreaterThanOrEqual(HOUR);
      expect(ms).toBeLessThanOrEqual(3 * HOUR);
    }
  });

  test('a lifecycle without durationMs: every running job, given or added without its own, ends within DEFAULT_DURATION_MS', async () => {
    expect(DEFAULT_DURATION_MS).toEqual({ min: 30 * 60_000, max: 4 * HOUR });
    const emulator = await useEmulator({
      clock: 'virtual',
      lifecycle: { failureRate: 0.2, seed: 5 },
      jobs: { count: 100, seed: 4 },
      importJobs: { count: 100 },
    });
    emulator.addImportJobs([
      { jobArn: importArn('hhhhhhhhhhhh'), jobName: 'import-h', status: 'InProgress', creationTime: new Date() },
    ]);
    const client = clientFor(emulator);
    const statuses = async () =>
      [
        ...((await client.send(new ListModelCustomizationJobsCommand({ maxResults: 100 }))).modelCustomizationJobSummaries ?? []),
        ...((await client.send(new ListModelImportJobsCommand({ maxResults: 101 }))).modelImportJobSummaries ?? []),
      ].map((job) => String(job.status));
    const running = (all: string[]) => all.filter((status) => ['InProgress', 'Stopping'].includes(status)).length;

    const before = await statuses();
    expect(before).toHaveLength(201);
    expect(running(before)).toBeGreaterThan(1);
    emulator.advance(DEFAULT_DURATION_MS.min - 1);
    expect(await statuses()).toEqual(before);
    emulator.advance(DEFAULT_DURATION_MS.max - DEFAULT_DURATION_MS.min + 1);
    expect(running(await statuses())).toBe(0);
    expect((await client.send(new GetModelImportJobCommand({ jobIdentifier: 'import-h' }))).status).toMatch(
      /^(Completed|Failed)$/,
    );
  });

  test('at a failureRate, some jobs added without a durationMs end Failed, and Get gives each a failureMessage', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { durationMs: { min: 0, max: HOUR }, failureRate: 0.5 } });
    const names = Array.from({ length: 30 }, (_, i) => `import-${i}`);
    emulator.addImportJobs(
      names.map((jobName, i) => ({
        jobArn: importArn(`job${String(i).padStart(9, '0')}`),
        jobName,
        status: 'InProgress',
        creationTime: new Date(),
      })),
    );
    emulator.advance(HOUR);
    const client = clientFor(emulator);
    const ended = await Promise.all(names.map((jobIdentifier) => client.send(new GetModelImportJobCommand({ jobIdentifier }))));
    const failed = ended.filter((job) => job.status === 'Failed');
    const completed = ended.filter((job) => job.status === 'Completed');
    expect(failed.length).toBeGreaterThan(0);
    expect(completed.length).toBeGreaterThan(0);
    expect(failed.length + completed.length).toBe(30);
    for (const job of failed) expect(job.failureMessage).toEqual(expect.any(String));
    for (const job of completed) expect(job.failureMessage).toBeUndefined();
  });

  test('a job that was Stopping when it arrived ends Stopped, with no failure message', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { durationMs: HOUR, failureRate: 1 } });
    const jobArn = `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-customization-job/amazon.titan-text-express-v1:0:8k/iiiiiiiiiiii`;
    emulator.addJobs([
      {
        jobArn,
        jobName: 'stopping-i',
        baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k',
        status: 'Stopping',
        creationTime: new Date(),
      },
    ]);
    emulator.advance(HOUR);
    const stopped = await clientFor(emulator).send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    expect(stopped).toMatchObject({ status: 'Stopped', endTime: expect.any(Date) });
    expect(stopped.failureMessage).toBeUndefined();
  });
});
