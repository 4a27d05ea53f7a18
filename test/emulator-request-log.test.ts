import { ListModelCustomizationJobsCommand } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { DEFAULT_REQUEST_LOG_SIZE, type Emulator, type EmulatorOptions, generateJobs } from '../src/emulator/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';

const JOBS = generateJobs({ count: 5, seed: 3, endingAt: new Date('2026-11-01T00:00:00Z') });

/** Sends `count` list requests one after another, and returns the request IDs that the answers carried, in order. */
async function send(emulator: Emulator, count: number): Promise<string[]> {
  const client = clientFor(emulator, { maxAttempts: 1 });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const page = await client.send(new ListModelCustomizationJobsCommand({ maxResults: 1 }));
    ids.push(page.$metadata.requestId as string);
  }
  return ids;
}

async function logAfter(count: number, options: EmulatorOptions = {}) {
  const emulator = await useEmulator({ jobs: JOBS, ...options });
  const ids = await send(emulator, count);
  return { ids, logged: emulator.requests.map((request) => request.requestId), emulator };
}

describe('the request log is bounded', () => {
  test(`by default it keeps the latest ${DEFAULT_REQUEST_LOG_SIZE} requests, oldest first`, async () => {
    expect(DEFAULT_REQUEST_LOG_SIZE).toBe(1000);
    const { ids, logged } = await logAfter(DEFAULT_REQUEST_LOG_SIZE + 25);
    expect(logged).toEqual(ids.slice(25));
  }, 60_000);

  test('requestLogSize sets the bound', async () => {
    const { ids, logged } = await logAfter(7, { requestLogSize: 3 });
    expect(logged).toEqual(ids.slice(4));
  });

  test('requestLogSize: 0 keeps none, and every request is still answered', async () => {
    const { ids, logged } = await logAfter(5, { requestLogSize: 0 });
    expect(ids).toHaveLength(5);
    expect(logged).toEqual([]);
  });

  test('requestLogSize: Infinity keeps every request', async () => {
    const { ids, logged } = await logAfter(DEFAULT_REQUEST_LOG_SIZE + 25, { requestLogSize: Number.POSITIVE_INFINITY });
    expect(logged).toEqual(ids);
  }, 60_000);

  test('requests.length = 0 clears the log, which fills again from there', async () => {
    const { emulator } = await logAfter(2, { requestLogSize: 1 });
    expect(emulator.requests).toHaveLength(1);
    expect(emulator.requests[0]?.status).toBe(200);
    emulator.requests.length = 0;
    const ids = await send(emulator, 1);
    expect(emulator.requests.map((request) => request.requestId)).toEqual(ids);
  });
});
