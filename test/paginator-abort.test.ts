import { describe, expect, test } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { paginateCustomizationJobs } from '../src/index.js';
import { listRequests, setup } from './support/listing.js';

const JOBS = generateJobs({ count: 300, seed: 4 });

describe('7. abort', () => {
  test('cancels the request in flight, and the iterator rejects with the signal’s reason', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { latency: 60_000 } });
    const controller = new AbortController();
    const reason = new Error('user cancelled');
    const pending = paginateCustomizationJobs({}, { client, signal: controller.signal }).toArray();
    await expect.poll(() => emulator.requests.length).toBe(1);
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    // The server saw the connection close before it answered.
    await expect.poll(() => emulator.requests[0]?.status).toBe(0);
  });

  test('cancels a backoff wait, and no request is sent after it', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { throttle: { probability: 1 } } });
    const controller = new AbortController();
    const pending = paginateCustomizationJobs({}, { client, signal: controller.signal, retry: { minTimeout: 60_000 } }).toArray();
    await expect.poll(() => emulator.requests[0]?.status).toBe(429);
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(emulator.requests).toHaveLength(1);
  });

  test('between pages: abort while the consumer works, and no further request is sent', async () => {
    // Read-ahead off here: with it on, the page in flight is aborted (test/read-ahead.test.ts).
    const { emulator, client } = await setup({ jobs: JOBS });
    const controller = new AbortController();
    const seen: string[] = [];
    const consume = async () => {
      for await (const job of paginateCustomizationJobs({}, { client, pageSize: 100, prefetch: 0, signal: controller.signal })) {
        seen.push(job.jobArn as string);
        if (seen.length === 100) controller.abort(new Error('enough'));
      }
    };
    await expect(consume()).rejects.toThrow('enough');
    expect(seen).toHaveLength(100);
    expect(listRequests(emulator)).toHaveLength(1);
  });

  test('an already aborted signal sends nothing', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const reason = new Error('already');
    await expect(paginateCustomizationJobs({}, { client, signal: AbortSignal.abort(reason) }).first()).rejects.toBe(reason);
    expect(emulator.requests).toHaveLength(0);
  });
});
