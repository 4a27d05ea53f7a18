import {
  ConflictException,
  CreateModelCustomizationJobCommand,
  type CreateModelCustomizationJobCommandInput,
  CustomizationType,
  GetModelCustomizationJobCommand,
  ListModelCustomizationJobsCommand,
  ModelCustomizationJobStatus,
  ResourceNotFoundException,
  StopModelCustomizationJobCommand,
  ValidationException,
} from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';

const CREATE: CreateModelCustomizationJobCommandInput = {
  jobName: 'support-summarize-ft-1',
  customModelName: 'support-summarize-v1',
  roleArn: 'arn:aws:iam::123456789012:role/BedrockCustomization',
  baseModelIdentifier: 'amazon.titan-text-express-v1:0:8k',
  trainingDataConfig: { s3Uri: 's3://my-bucket/train.jsonl' },
  outputDataConfig: { s3Uri: 's3://my-bucket/output/' },
  hyperParameters: { epochCount: '2' },
};

describe('Create, Get and Stop through the SDK', () => {
  test('a created job is InProgress, and Get and List both show it', async () => {
    const emulator = await useEmulator({ jobs: generateJobs({ count: 5 }) });
    const client = clientFor(emulator);
    const { jobArn } = await client.send(new CreateModelCustomizationJobCommand(CREATE));
    expect(jobArn).toMatch(
      /^arn:aws:bedrock:us-east-1:123456789012:model-customization-job\/amazon\.titan-text-express-v1:0:8k\/[a-z0-9]{12}$/,
    );
    expect(emulator.requests[0]).toMatchObject({ method: 'POST', path: '/model-customization-jobs', status: 201 });

    const job = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    expect(job).toMatchObject({
      jobArn,
      jobName: CREATE.jobName,
      outputModelName: CREATE.customModelName,
      roleArn: CREATE.roleArn,
      status: 'InProgress',
      baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-express-v1:0:8k',
      customizationType: 'FINE_TUNING',
      trainingDataConfig: CREATE.trainingDataConfig,
      outputDataConfig: CREATE.outputDataConfig,
      hyperParameters: CREATE.hyperParameters,
    });
    expect(job.creationTime).toBeInstanceOf(Date);
    expect(await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: CREATE.jobName }))).toMatchObject({ jobArn });

    const listed = await client.send(new ListModelCustomizationJobsCommand({ nameContains: 'support-summarize-ft-1' }));
    expect(listed.modelCustomizationJobSummaries?.map((summary) => summary.jobArn)).toEqual([jobArn]);
  });

  test('Stop moves a job from InProgress to Stopping, then to Stopped', async () => {
    // Long enough that Stop and the Get after it fall inside it on a busy machine too.
    const emulator = await useEmulator({ stopDelayMs: 1_000 });
    const client = clientFor(emulator);
    const { jobArn } = await client.send(new CreateModelCustomizationJobCommand(CREATE));
    await client.send(new StopModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    const stopping = await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    expect(stopping.status).toBe('Stopping');
    expect(stopping.endTime).toBeUndefined();
    await expect
      .poll(async () => (await client.send(new GetModelCustomizationJobCommand({ jobIdentifier: jobArn }))).status, {
        interval: 20,
      })
      .toBe('Stopped');
    const stopped = await client.send(new ListModelCustomizationJobsCommand({ statusEquals: 'Stopped' }));
    expect(stopped.modelCustomizationJobSummaries?.[0]).toMatchObject({ jobArn, status: 'Stopped', endTime: expect.any(Date) });
  });

  test('stopping a job that is not InProgress is a ConflictException', async () => {
    const emulator = await useEmulator({ stopDelayMs: 60_000 });
    const client = clientFor(emulator);
    const { jobArn } = await client.send(new CreateModelCustomizationJobCommand(CREATE));
    await client.send(new StopModelCustomizationJobCommand({ jobIdentifier: jobArn }));
    await expect(client.send(new StopModelCustomizationJobCommand({ jobIdentifier: jobArn }))).rejects.toThrow(ConflictException);
  });

  test('an unknown job is a ResourceNotFoundException, for Get and Stop', async () => {
    const emulator = await useEmulator();
    const client = clientFor(emulator);
    await expect(client.send(new GetModelCustomizationJobCommand({ jobIdentifier: 'nope' }))).rejects.toThrow(
      ResourceNotFoundException,
    );
    await expect(client.send(new StopModelCustomizationJobCommand({ jobIdentifier: 'nope' }))).rejects.toThrow(
      ResourceNotFoundException,
    );
  });

  test.each([
    ['jobName', { jobName: undefined }, /at 'jobName' failed to satisfy constraint: Member must not be null/],
    ['jobName', { jobName: 'bad name' }, /'bad name' at 'jobName'/],
    ['customModelName', { customModelName: undefined }, /at 'customModelName'/],
    ['roleArn', { roleArn: 'not-an-arn' }, /'not-an-arn' at 'roleArn'/],
    ['baseModelIdentifier', { baseModelIdentifier: undefined }, /at 'baseModelIdentifier'/],
    ['trainingDataConfig', { trainingDataConfig: undefined }, /at 'trainingDataConfig'/],
    ['outputDataConfig.s3Uri', { outputDataConfig: { s3Uri: 'http://x' } }, /at 'outputDataConfig.s3Uri'/],
    ['customizationType', { customizationType: 'MAGIC' as never }, /'MAGIC' at 'customizationType'/],
  ])('Create requires a valid %s', async (_field, change, message) => {
    const emulator = await useEmulator();
    const error = await clientFor(emulator)
      .send(new CreateModelCustomizationJobCommand({ ...CREATE, ...change }))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationException);
    expect((error as Error).message).toMatch(message);
  });

  test('the same clientRequestToken creates one job; the same name twice is refused', async () => {
    const emulator = await useEmulator();
    const client = clientFor(emulator);
    const first = await client.send(new CreateModelCustomizationJobCommand({ ...CREATE, clientRequestToken: 'token-1' }));
    const again = await client.send(new CreateModelCustomizationJobCommand({ ...CREATE, clientRequestToken: 'token-1' }));
    expect(again.jobArn).toBe(first.jobArn);
    await expect(
      client.send(new CreateModelCustomizationJobCommand({ ...CREATE, clientRequestToken: 'token-2' })),
    ).rejects.toThrow(/already exists/);
  });
});

describe('generated jobs', () => {
  const endingAt = new Date('2026-11-01T00:00:00Z');
  const jobs = generateJobs({ count: 2000, seed: 9, endingAt });

  test('are the same for the same seed and endingAt, and differ for another seed', () => {
    expect(generateJobs({ count: 2000, seed: 9, endingAt })).toEqual(jobs);
    expect(generateJobs({ count: 2000, seed: 10, endingAt })).not.toEqual(jobs);
  });

  test('end now by default: the newest, from generateJobs and from startEmulator’s { count }, is from the last hour', async () => {
    const HOUR = 3_600_000;
    const before = Date.now();
    const [newest] = generateJobs({ count: 10 });
    expect(new Date(newest?.creationTime as Date).getTime()).toBeGreaterThan(before - HOUR);

    const emulator = await useEmulator({ jobs: { count: 10 } });
    const page = await clientFor(emulator).send(new ListModelCustomizationJobsCommand({ maxResults: 1 }));
    const created = page.modelCustomizationJobSummaries?.[0]?.creationTime?.getTime() as number;
    expect(created).toBeGreaterThan(before - HOUR);
    expect(created).toBeLessThanOrEqual(Date.now());
  });

  test('end at endingAt when it is given', () => {
    const [newest] = jobs;
    const created = new Date(newest?.creationTime as Date).getTime();
    expect(created).toBeLessThanOrEqual(endingAt.getTime());
    expect(created).toBeGreaterThan(endingAt.getTime() - 3_600_000);
  });

  test('cover every status and every customization type the SDK knows', () => {
    expect(new Set(jobs.map((job) => job.status))).toEqual(new Set(Object.values(ModelCustomizationJobStatus)));
    expect(new Set(jobs.map((job) => job.customizationType))).toEqual(new Set(Object.values(CustomizationType)));
  });

  test('have the service’s ARN and name shapes', () => {
    for (const job of jobs) {
      expect(job.jobArn).toMatch(/^arn:aws:bedrock:us-east-1:123456789012:model-customization-job\/[a-z0-9.:-]+\/[a-z0-9]{12}$/);
      expect(job.baseModelArn).toMatch(/^arn:aws:bedrock:us-east-1::foundation-model\/[a-z0-9.:-]+$/);
      expect(job.jobName).toMatch(/^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/);
      expect(job.jobName.length).toBeLessThanOrEqual(63);
    }
    expect(new Set(jobs.map((job) => job.jobArn)).size).toBe(jobs.length);
  });

  test('carry endTime, customModelArn and customModelName exactly where the status implies them', () => {
    for (const job of jobs) {
      const ended = ['Completed', 'Failed', 'Stopped'].includes(job.status);
      expect(job.endTime !== undefined, `${job.status} endTime`).toBe(ended);
      expect(job.customModelArn !== undefined, `${job.status} customModelArn`).toBe(job.status === 'Completed');
      expect(job.customModelName !== undefined, `${job.status} customModelName`).toBe(job.status === 'Completed');
      if (job.endTime) expect(new Date(job.endTime).getTime()).toBeGreaterThanOrEqual(new Date(job.creationTime).getTime());
    }
  });

  test('include jobs created in the same millisecond', () => {
    const times = jobs.map((job) => new Date(job.creationTime).getTime());
    expect(times.length - new Set(times).size).toBeGreaterThan(20);
  });
});

test('generated statusDetails follow the API reference: sub-tasks for distillation and RFT jobs, data processing for distillation only', () => {
  const jobs = generateJobs({ count: 1000, seed: 4 });
  for (const job of jobs) {
    const newer = job.customizationType === 'DISTILLATION' || job.customizationType === 'REINFORCEMENT_FINE_TUNING';
    expect(job.statusDetails !== undefined, job.customizationType).toBe(newer);
    expect(job.statusDetails?.dataProcessingDetails !== undefined).toBe(job.customizationType === 'DISTILLATION');
  }
});
