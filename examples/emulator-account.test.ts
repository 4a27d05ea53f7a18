import { BedrockClient } from '@aws-sdk/client-bedrock';
import {
  paginateCustomizationJobs,
  paginateCustomModels,
  paginateModelCopyJobs,
  paginateModelImportJobs,
} from 'bedrock-customization-jobs';
import { type Emulator, startEmulator } from 'bedrock-customization-jobs/emulator';
import { afterAll, beforeAll, expect, test } from 'vitest';

let emulator: Emulator;
let client: BedrockClient;

beforeAll(async () => {
  // One account: every kind generated from a count and a seed, all ending at the same instant.
  const endingAt = new Date('2026-11-01T00:00:00Z');
  emulator = await startEmulator({
    jobs: { count: 100, seed: 1, endingAt },
    customModels: { count: 20, seed: 1, endingAt },
    importJobs: { count: 10, seed: 1, endingAt },
    copyJobs: { count: 10, seed: 1, endingAt },
    invocationJobs: { count: 50, seed: 1, endingAt },
    evaluationJobs: { count: 50, seed: 1, endingAt },
  });
  client = new BedrockClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
});
afterAll(() => emulator.close());

test("every completed job's model is listed as a custom model", async () => {
  const models = new Set(
    await paginateCustomModels({}, { client })
      .map((model) => model.modelArn)
      .toArray(),
  );
  const jobs = await paginateCustomizationJobs({ statusEquals: 'Completed' }, { client }).toArray();
  expect(jobs.length).toBeGreaterThan(0);
  expect(jobs.every((job) => models.has(job.customModelArn))).toBe(true);
  const imports = await paginateModelImportJobs({ statusEquals: 'Completed' }, { client }).toArray();
  expect(imports.every((job) => models.has(job.importedModelArn))).toBe(true);
});

test('the models shared with this account, and the copies made of them', async () => {
  const shared = await paginateCustomModels({ isOwned: false }, { client }).toArray();
  expect(shared.length).toBeGreaterThan(0);
  expect(shared.every((model) => model.ownerAccountId !== '123456789012')).toBe(true);
  const copies = await paginateModelCopyJobs({ sourceAccountEquals: shared[0]?.ownerAccountId }, { client }).toArray();
  expect(copies.length).toBeGreaterThan(0);
  expect(copies.every((job) => job.sourceAccountId === shared[0]?.ownerAccountId)).toBe(true);
});
