/**
 * The fault matrix: one named test per row of the table in docs/reliability.md. Every
 * test runs the real SDK client against the emulator's seeded faults.
 */
import { AccessDeniedException, ThrottlingException, ValidationException } from '@aws-sdk/client-bedrock';
import { describe, expect, test, vi } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import {
  MalformedResponseError,
  PaginationError,
  paginateCustomizationJobs,
  RejectedTokenError,
  RepeatedTokenError,
  RequestTimeoutError,
} from '../src/index.js';
import { arnsOf, FAST_RETRY, listRequests, setup } from './support/listing.js';
import { referenceListing } from './support/reference-listing.js';
import { MANY_REQUESTS_MS } from './support/timeouts.js';

// Pinned, so that the jobs added during a listing below (2027) are always the newest.
const JOBS = generateJobs({ count: 5000, seed: 41, endingAt: new Date('2026-11-01T00:00:00Z') });
const SMALL = JOBS.slice(0, 300);

async function failure(run: Promise<unknown>): Promise<PaginationError> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(PaginationError);
  return error as PaginationError;
}

describe('fault matrix', () => {
  test('persistent throttling gives up after the configured retries, naming the attempts and the delay spent', async () => {
    const { emulator, client } = await setup({ jobs: SMALL, faults: { throttle: { probability: 1 } } });
    const error = await failure(
      paginateCustomizationJobs({}, { client, retry: { retries: 3, minTimeout: 5, randomize: false } }).toArray(),
    );
    expect(error.cause).toBeInstanceOf(ThrottlingException);
    expect(error).toMatchObject({ attempts: 4, resumeToken: undefined });
    expect(error.backoffMs).toBeGreaterThan(0);
    expect(error.message).toMatch(/after 4 attempts and \d+(\.\d)? m?s of backoff: ThrottlingException/);
    expect(listRequests(emulator)).toHaveLength(4);
  });

  test('persistent throttling gives up when maxRetryTime runs out', async () => {
    const { emulator, client } = await setup({ jobs: SMALL, faults: { throttle: { probability: 1 } } });
    // p-retry reads maxRetryTime on performance.now(). That clock stands still here
    // and moves 100 ms at each retry, so the count is exact however slow the machine:
    // retried at 0, 100, … 500 ms of retry time, out of time at the 7th failure.
    vi.useFakeTimers({ toFake: ['performance'] });
    try {
      const error = await failure(
        paginateCustomizationJobs(
          {},
          {
            client,
            retry: {
              retries: 1000,
              minTimeout: 0,
              randomize: false,
              maxRetryTime: 600,
              onRetry: () => vi.advanceTimersByTime(100),
            },
          },
        ).toArray(),
      );
      expect(error.cause).toBeInstanceOf(ThrottlingException);
      expect(error.attempts).toBe(7);
      expect(listRequests(emulator)).toHaveLength(7);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a throttling storm (30% of requests throttled) over 5,000 items completes, every item exactly once', {
    timeout: MANY_REQUESTS_MS,
  }, async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { seed: 7, throttle: { probability: 0.3 } } });
    const jobs = await paginateCustomizationJobs({}, { client, pageSize: 100, retry: { ...FAST_RETRY, retries: 10 } }).toArray();
    expect(arnsOf(jobs)).toEqual(referenceListing(JOBS));
    const throttled = listRequests(emulator).filter((request) => request.status === 429).length;
    expect(throttled).toBeGreaterThan(5);
  });

  test('500 and 503 bursts are retried, and the listing completes', async () => {
    const { emulator, client } = await setup({
      jobs: SMALL,
      faults: { serverError: { after: 1, first: 3 }, unavailable: { after: 5, first: 3 } },
    });
    const jobs = await paginateCustomizationJobs({}, { client, pageSize: 50, retry: FAST_RETRY }).toArray();
    expect(arnsOf(jobs)).toEqual(referenceListing(SMALL));
    expect(listRequests(emulator).map((request) => request.status)).toEqual([
      200, 500, 500, 500, 200, 503, 503, 503, 200, 200, 200, 200,
    ]);
  });

  test('a connection dropped mid-response is retried, and the listing completes', async () => {
    const { emulator, client } = await setup({ jobs: SMALL, faults: { drop: { after: 1, first: 2, phase: 'mid-response' } } });
    const jobs = await paginateCustomizationJobs({}, { client, pageSize: 100, retry: FAST_RETRY }).toArray();
    expect(arnsOf(jobs)).toEqual(referenceListing(SMALL));
    expect(listRequests(emulator).filter((request) => request.fault === 'drop')).toHaveLength(2);
  });

  test('a server that never answers: the request times out, is retried, then the listing fails', async () => {
    const { emulator, client } = await setup({ jobs: SMALL, faults: { hang: { probability: 1 } } });
    const error = await failure(
      paginateCustomizationJobs({}, { client, requestTimeout: 50, retry: { ...FAST_RETRY, retries: 2 } }).toArray(),
    );
    expect(error.cause).toBeInstanceOf(RequestTimeoutError);
    expect(error.attempts).toBe(3);
    expect(error.message).toMatch(/RequestTimeoutError: the request got no answer within 50 ms/);
    await expect.poll(() => listRequests(emulator).map((request) => request.status)).toEqual([0, 0, 0]);
  });

  test('a request that hangs once is retried after the timeout, and the listing completes', async () => {
    const { client } = await setup({ jobs: SMALL, faults: { hang: { after: 1, first: 1 } } });
    const jobs = await paginateCustomizationJobs({}, { client, pageSize: 100, requestTimeout: 250, retry: FAST_RETRY }).toArray();
    expect(arnsOf(jobs)).toEqual(referenceListing(SMALL));
  });

  test.each([
    ['malformed JSON', 'invalid-json' as const, SyntaxError, /SyntaxError: .*\(HTTP 200, request id [0-9a-f-]{36}\)/],
    [
      'a 200 without the summaries list',
      'missing-summaries' as const,
      MalformedResponseError,
      /without a modelCustomizationJobSummaries list \(request id [0-9a-f-]{36}\)/,
    ],
  ])('%s is a clear error naming the operation and the request id, not retried', async (_case, kind, Cause, message) => {
    const { emulator, client } = await setup({ jobs: SMALL, faults: { malformed: { first: 1, kind } } });
    const error = await failure(paginateCustomizationJobs({}, { client, retry: FAST_RETRY }).toArray());
    expect(error.cause).toBeInstanceOf(Cause);
    expect(error.message).toMatch(/^ListModelCustomizationJobs failed on page 1 after 1 attempt: /);
    expect(error.message).toMatch(message);
    expect(error.message).toContain(listRequests(emulator)[0]?.requestId);
    expect(listRequests(emulator)).toHaveLength(1);
  });

  test('the same nextToken returned again is a loop-guard error after at most one extra request', async () => {
    const { emulator, client } = await setup({ jobs: SMALL, faults: { repeatToken: { after: 2, first: 1 } } });
    const error = await failure(paginateCustomizationJobs({}, { client, pageSize: 50 }).toArray());
    expect(error).toBeInstanceOf(RepeatedTokenError);
    expect(listRequests(emulator)).toHaveLength(3);
  });

  test('a token the server rejects (expired or garbled): the error says so, keeps the token for the record, and is not resumable', async () => {
    const { emulator, client } = await setup({ jobs: SMALL, faults: { rejectToken: { after: 2, first: 1 } } });
    const error = await failure(paginateCustomizationJobs({}, { client, pageSize: 50, retry: FAST_RETRY }).toArray());
    expect(error).toBeInstanceOf(RejectedTokenError);
    expect(error.cause).toBeInstanceOf(ValidationException);
    expect(error.message).toMatch(/rejected the page token for page 3 as expired or invalid/);
    expect((error as RejectedTokenError).rejectedToken).toBe(listRequests(emulator)[2]?.query.nextToken);
    expect(error).toMatchObject({ resumable: false, resumeToken: undefined, pagesDelivered: 2, itemsDelivered: 100 });
    expect(listRequests(emulator)).toHaveLength(3);
  });

  test('restarting from the last seen creation time, as docs/guide.md shows, completes the listing', async () => {
    const { client } = await setup({ jobs: SMALL, faults: { rejectToken: { after: 2, first: 1 } } });
    const seen: { jobArn?: string | undefined; creationTime?: Date | undefined }[] = [];
    try {
      for await (const job of paginateCustomizationJobs({}, { client, pageSize: 50 })) seen.push(job);
    } catch (error) {
      if (!(error instanceof RejectedTokenError)) throw error;
      // Descending: what is left was created at or before the last job seen. Jobs
      // created in that same millisecond may come again, so skip the ARNs already seen.
      const last = seen.at(-1)?.creationTime as Date;
      const known = new Set(seen.map((job) => job.jobArn));
      const restart = paginateCustomizationJobs({ creationTimeBefore: new Date(last.getTime() + 1) }, { client, pageSize: 50 });
      for await (const job of restart.filter((job) => !known.has(job.jobArn))) seen.push(job);
    }
    expect(arnsOf(seen)).toEqual(referenceListing(SMALL));
  });

  test('jobs created while a listing is under way: with offset tokens one comes twice; dedupe drops it by jobArn', async () => {
    const newer = generateJobs({ count: 3, seed: 99, endingAt: new Date('2027-06-01T00:00:00Z') });
    for (const dedupe of [false, true]) {
      const { emulator, client } = await setup({ jobs: SMALL, tokenStyle: 'offset' });
      const arns: string[] = [];
      for await (const job of paginateCustomizationJobs({}, { client, pageSize: 100, prefetch: 0, dedupe })) {
        arns.push(job.jobArn as string);
        if (arns.length === 150) emulator.addJobs(newer);
      }
      if (dedupe) expect(arns).toEqual(referenceListing(SMALL));
      else {
        expect(arns).toHaveLength(SMALL.length + 3);
        expect(new Set(arns).size).toBe(SMALL.length);
      }
    }
  });

  test('jobs created while a listing is under way: with the emulator’s keyset tokens, nothing shifts', async () => {
    const { emulator, client } = await setup({ jobs: SMALL });
    const arns: string[] = [];
    for await (const job of paginateCustomizationJobs({}, { client, pageSize: 100, prefetch: 0 })) {
      arns.push(job.jobArn as string);
      if (arns.length === 150) emulator.addJobs(generateJobs({ count: 3, seed: 99, endingAt: new Date('2027-06-01T00:00:00Z') }));
    }
    expect(arns).toEqual(referenceListing(SMALL));
  });

  test('abort during a backoff wait rejects at once, and no further request is sent', async () => {
    const { emulator, client } = await setup({ jobs: SMALL, faults: { throttle: { probability: 1 } } });
    const controller = new AbortController();
    const pending = paginateCustomizationJobs(
      {},
      { client, signal: controller.signal, retry: { minTimeout: 600_000 } },
    ).toArray();
    await expect.poll(() => listRequests(emulator)[0]?.status).toBe(429);
    controller.abort(new Error('cancelled'));
    // A 10-minute backoff: this resolves only because the abort cut it short.
    await expect(pending).rejects.toThrow('cancelled');
    expect(listRequests(emulator)).toHaveLength(1);
  });

  test.each([
    ['AccessDeniedException', { deny: { first: 1 } }, AccessDeniedException],
    ['ValidationException', { rejectToken: { first: 1 } }, ValidationException],
  ])('%s: exactly one request, no retry', async (_name, faults, ErrorClass) => {
    const { emulator, client } = await setup({ jobs: SMALL, faults });
    const listing =
      _name === 'ValidationException'
        ? paginateCustomizationJobs({ nameContains: 'x' }, { client, startingToken: 'bad-token' })
        : paginateCustomizationJobs({}, { client });
    const error = await failure(listing.toArray());
    expect(error.cause).toBeInstanceOf(ErrorClass);
    expect(error.attempts).toBe(1);
    expect(listRequests(emulator)).toHaveLength(1);
  });
});
