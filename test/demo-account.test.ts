import { ListModelCustomizationJobsCommand, ListModelImportJobsCommand } from '@aws-sdk/client-bedrock';
import { afterEach, expect, test, vi } from 'vitest';
import { startDemoEmulator } from '../src/cli/demo-account.js';
import type { Emulator } from '../src/emulator/index.js';
import { clientFor } from './support/emulator-client.js';

let emulator: Emulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

/** How many of the demo account's customization and import jobs read InProgress. */
async function inProgress(running: Emulator): Promise<number> {
  const client = clientFor(running);
  const jobs = await client.send(new ListModelCustomizationJobsCommand({ statusEquals: 'InProgress', maxResults: 1000 }));
  const imports = await client.send(new ListModelImportJobsCommand({ statusEquals: 'InProgress', maxResults: 1000 }));
  return (jobs.modelCustomizationJobSummaries?.length ?? 0) + (imports.modelImportJobSummaries?.length ?? 0);
}

test('--emulator unpinned: every running job ends between 20 s and 3 min after the emulator starts', async () => {
  vi.stubEnv('BEDROCK_JOBS_EMULATOR_AT', '');
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-27T10:30:00Z') });
  emulator = await startDemoEmulator();
  const before = await inProgress(emulator);
  expect(before).toBeGreaterThan(0);
  vi.setSystemTime(Date.parse('2026-11-27T10:30:19.999Z'));
  expect(await inProgress(emulator)).toBe(before);
  vi.setSystemTime(Date.parse('2026-11-27T10:33:00Z'));
  expect(await inProgress(emulator)).toBe(0);
});

test('--emulator pinned by BEDROCK_JOBS_EMULATOR_AT: nothing moves', async () => {
  vi.stubEnv('BEDROCK_JOBS_EMULATOR_AT', '2026-11-27T10:00:00Z');
  vi.useFakeTimers({ toFake: ['Date'], now: Date.parse('2026-11-27T10:30:00Z') });
  emulator = await startDemoEmulator();
  const before = await inProgress(emulator);
  expect(before).toBeGreaterThan(0);
  vi.setSystemTime(Date.parse('2026-11-28T10:30:00Z'));
  expect(await inProgress(emulator)).toBe(before);
});
