import {
  InternalServerException,
  ListModelCustomizationJobsCommand,
  ServiceUnavailableException,
  ThrottlingException,
} from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { type Faults, generateJobs } from '../src/emulator/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';

const JOBS = generateJobs({ count: 30, seed: 2 });

/** Sends `count` list requests one after another, with SDK retries off, and names how each ended. */
async function outcomes(faults: Faults, count: number) {
  const emulator = await useEmulator({ jobs: JOBS, faults });
  const client = clientFor(emulator, { maxAttempts: 1 });
  const results: string[] = [];
  for (let i = 0; i < count; i++) {
    results.push(
      await client.send(new ListModelCustomizationJobsCommand({ maxResults: 10 })).then(
        () => 'ok',
        (error: Error) => error.name,
      ),
    );
  }
  return { results, emulator, client };
}

describe('fault injection', () => {
  test('throttling for the first N requests reaches the SDK as ThrottlingException, HTTP 429', async () => {
    const emulator = await useEmulator({ jobs: JOBS, faults: { throttle: { first: 2 } } });
    const client = clientFor(emulator, { maxAttempts: 1 });
    const error = await client.send(new ListModelCustomizationJobsCommand({})).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect((error as ThrottlingException).$metadata.httpStatusCode).toBe(429);
    expect((error as ThrottlingException).$metadata.requestId).toBe(emulator.requests[0]?.requestId);
    await expect(client.send(new ListModelCustomizationJobsCommand({}))).rejects.toThrow(ThrottlingException);
    await expect(client.send(new ListModelCustomizationJobsCommand({}))).resolves.toBeDefined();
    expect(emulator.requests.map((request) => [request.status, request.fault])).toEqual([
      [429, 'throttle'],
      [429, 'throttle'],
      [200, undefined],
    ]);
  });

  test('the SDK’s own retries get through a short burst of 500s', async () => {
    const emulator = await useEmulator({ jobs: JOBS, faults: { serverError: { first: 2 } } });
    const page = await clientFor(emulator).send(new ListModelCustomizationJobsCommand({ maxResults: 3 }));
    expect(page.modelCustomizationJobSummaries).toHaveLength(3);
    expect(page.$metadata.attempts).toBe(3);
  });

  test('throttling with a probability is seeded: the same seed gives the same requests throttled', async () => {
    const first = await outcomes({ seed: 42, throttle: { probability: 0.4 } }, 40);
    const again = await outcomes({ seed: 42, throttle: { probability: 0.4 } }, 40);
    const other = await outcomes({ seed: 43, throttle: { probability: 0.4 } }, 40);
    expect(first.results).toEqual(again.results);
    expect(first.results).not.toEqual(other.results);
    const throttled = first.results.filter((result) => result === 'ThrottlingException').length;
    expect(throttled).toBeGreaterThan(5);
    expect(throttled).toBeLessThan(30);
  });

  test('a token-bucket rate limit throttles what exceeds the rate', async () => {
    const { results } = await outcomes({ throttle: { ratePerSecond: 1, burst: 3 } }, 6);
    expect(results.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    expect(results.slice(3)).toContain('ThrottlingException');
  });

  test('a rate below 1 a second still lets a request through now and then: the burst is at least 1', async () => {
    // At 0.01 a second, the second request comes long before the bucket refills.
    const { results } = await outcomes({ throttle: { ratePerSecond: 0.01 } }, 2);
    expect(results).toEqual(['ok', 'ThrottlingException']);
  });

  test('HTTP 500 reaches the SDK as InternalServerException', async () => {
    const { emulator, client } = await outcomes({ serverError: { first: 1 } }, 0);
    const error = await client.send(new ListModelCustomizationJobsCommand({})).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InternalServerException);
    expect(emulator.requests[0]?.status).toBe(500);
  });

  test('HTTP 503 reaches the SDK as ServiceUnavailableException', async () => {
    const { emulator, client } = await outcomes({ unavailable: { first: 1 } }, 0);
    const error = await client.send(new ListModelCustomizationJobsCommand({})).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceUnavailableException);
    expect(emulator.requests[0]?.status).toBe(503);
  });

  test('a dropped connection reaches the SDK as a network error', async () => {
    const { results, emulator } = await outcomes({ drop: { first: 1 } }, 2);
    expect(results[0]).not.toBe('ok');
    expect(results[1]).toBe('ok');
    expect(emulator.requests[0]?.status).toBe(0);
  });

  test('a connection dropped mid-response fails the call', async () => {
    const { results } = await outcomes({ drop: { first: 1, phase: 'mid-response' } }, 2);
    expect(results).toHaveLength(2);
    expect(results[0]).not.toBe('ok');
    expect(results[1]).toBe('ok');
  });

  test('latency holds each answer back', async () => {
    const emulator = await useEmulator({ jobs: JOBS, faults: { latency: 60_000 } });
    const abort = new AbortController();
    const call = clientFor(emulator).send(new ListModelCustomizationJobsCommand({}), { abortSignal: abort.signal });
    await expect.poll(() => emulator.requests.length).toBe(1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(emulator.requests[0]?.status).toBeUndefined();
    abort.abort();
    await expect(call).rejects.toThrow(/abort/i);
  });

  test('a hung request is never answered, until the client gives up', async () => {
    const emulator = await useEmulator({ jobs: JOBS, faults: { hang: { first: 1 } } });
    const client = clientFor(emulator, { maxAttempts: 1 });
    const abort = new AbortController();
    const call = client.send(new ListModelCustomizationJobsCommand({}), { abortSignal: abort.signal });
    await expect.poll(() => emulator.requests[0]?.fault).toBe('hang');
    expect(emulator.requests[0]?.status).toBeUndefined();
    abort.abort();
    await expect(call).rejects.toThrow(/abort/i);
    await expect.poll(() => emulator.requests[0]?.status).toBe(0);
    await expect(client.send(new ListModelCustomizationJobsCommand({}))).resolves.toBeDefined();
  });

  test('a rule with after sleeps through that many requests first', async () => {
    const { results } = await outcomes({ serverError: { after: 2, first: 2 } }, 5);
    expect(results).toEqual(['ok', 'ok', 'InternalServerException', 'InternalServerException', 'ok']);
  });

  test('a repeated nextToken: the page returns the token it was asked with', async () => {
    const emulator = await useEmulator({ jobs: JOBS, faults: { repeatToken: { probability: 1 } } });
    const client = clientFor(emulator);
    const first = await client.send(new ListModelCustomizationJobsCommand({ maxResults: 5 }));
    const second = await client.send(new ListModelCustomizationJobsCommand({ maxResults: 5, nextToken: first.nextToken }));
    expect(first.nextToken).toEqual(expect.any(String));
    expect(second.nextToken).toBe(first.nextToken);
  });

  test('faults change while it runs, and their counts restart', async () => {
    const emulator = await useEmulator({ jobs: JOBS });
    const client = clientFor(emulator, { maxAttempts: 1 });
    await expect(client.send(new ListModelCustomizationJobsCommand({}))).resolves.toBeDefined();
    emulator.setFaults({ throttle: { first: 1 } });
    expect(emulator.faults).toEqual({ throttle: { first: 1 } });
    await expect(client.send(new ListModelCustomizationJobsCommand({}))).rejects.toThrow(ThrottlingException);
    await expect(client.send(new ListModelCustomizationJobsCommand({}))).resolves.toBeDefined();
    emulator.setFaults();
    await expect(client.send(new ListModelCustomizationJobsCommand({}))).resolves.toBeDefined();
  });
});
