import { BedrockClient, CreateModelCustomizationJobCommand, StopModelCustomizationJobCommand } from '@aws-sdk/client-bedrock';
import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
import { type Emulator, startEmulator } from 'bedrock-customization-jobs/emulator';
import { afterAll, beforeAll, expect, test } from 'vitest';

let emulator: Emulator;
let client: BedrockClient;

beforeAll(async () => {
  emulator = await startEmulator({ jobs: { count: 200, seed: 1 }, stopDelayMs: 0 });
  client = new BedrockClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});
afterAll(() => emulator.close());

test('a job I create shows up, and stops', async () => {
  const { jobArn } = await client.send(
    new CreateModelCustomizationJobCommand({
      jobName: 'my-fine-tune',
      customModelName: 'my-model',
      roleArn: 'arn:aws:iam::123456789012:role/Bedrock',
      baseModelIdentifier: 'amazon.titan-text-express-v1:0:8k',
      trainingDataConfig: { s3Uri: 's3://my-bucket/train.jsonl' },
      outputDataConfig: { s3Uri: 's3://my-bucket/out/' },
    }),
  );
  const newest = await paginateCustomizationJobs({}, { client }).first();
  expect(newest).toMatchObject({ jobArn, status: 'InProgress' });

  await client.send(new StopModelCustomizationJobCommand({ jobIdentifier: jobArn }));
  const stopped = await paginateCustomizationJobs({ statusEquals: 'Stopped', nameContains: 'my-fine' }, { client }).toArray();
  expect(stopped.map((job) => job.jobArn)).toEqual([jobArn]);
});

test('my code copes with throttling', async () => {
  emulator.setFaults({ throttle: { first: 3 } });
  const jobs = await paginateCustomizationJobs({}, { client, retry: { minTimeout: 10 } }).toArray();
  expect(jobs).toHaveLength(201);
  emulator.setFaults();
});
