import { AccessDeniedException, ThrottlingException, ValidationException } from '@aws-sdk/client-bedrock';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { DEFAULT_RETRY, PaginationError, paginateCustomizationJobs, type RetryEvent } from '../src/index.js';
import { TEST_CREDENTIALS } from './support/emulator-client.js';
import { arnsOf, FAST_RETRY, listRequests, setup } from './support/listing.js';
import { referenceListing } from './support/reference-listing.js';

const JOBS = generateJobs({ count: 450, seed: 8 });

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('5. throttling and transient failures are retried per page', () => {
  test('ThrottlingException (429) is retried with backoff until the page comes through', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { throttle: { first: 3 } } });
    const events: RetryEvent[] = [];
    const jobs = await paginateCustomizationJobs(
      {},
      { client, pageSize: 100, retry: { ...FAST_RETRY, onRetry: (event) => events.push(event) } },
    ).toArray();
    expect(arnsOf(jobs)).toEqual(referenceListing(JOBS));
    expect(listRequests(emulator).map((request) => request.status)).toEqual([429, 429, 429, 200, 200, 200, 200, 200]);
    expect(
      events.map(({ attemptNumber, retriesLeft, pageNumber, reason }) => ({ attemptNumber, retriesLeft, pageNumber, reason })),
    ).toEqual([
      { attemptNumber: 1, retriesLeft: 4, pageNumber: 1, reason: 'throttling' },
      { attemptNumber: 2, retriesLeft: 3, pageNumber: 1, reason: 'throttling' },
      { attemptNumber: 3, retriesLeft: 2, pageNumber: 1, reason: 'throttling' },
    ]);
    expect(events[0]?.error).toBeInstanceOf(ThrottlingException);
  });

  test('the backoff is p-retry’s: minTimeout · factor^(n−1), here 40 ms then 80 ms', async () => {
    const { client } = await setup({ jobs: JOBS, faults: { throttle: { first: 2 } } });
    const timers = vi.spyOn(globalThis, 'setTimeout');
    await paginateCustomizationJobs({}, { client, retry: { minTimeout: 40, factor: 2, randomize: false } }).first();
    const delays = timers.mock.calls.map((call) => call[1]).filter((delay) => delay === 40 || delay === 80);
    timers.mockRestore();
    expect(delays).toEqual([40, 80]);
  });

  test.each([
    ['HTTP 500', { serverError: { first: 2 } }],
    ['HTTP 503', { unavailable: { first: 2 } }],
    ['a dropped connection', { drop: { first: 2 } }],
    ['a connection dropped mid-response', { drop: { first: 2, phase: 'mid-response' as const } }],
  ])('%s is retried, and the listing completes', async (_case, faults) => {
    const { emulator, client } = await setup({ jobs: JOBS, faults });
    const reasons: string[] = [];
    const jobs = await paginateCustomizationJobs(
      {},
      { client, pageSize: 200, retry: { ...FAST_RETRY, onRetry: ({ reason }) => reasons.push(reason) } },
    ).toArray();
    expect(arnsOf(jobs)).toEqual(referenceListing(JOBS));
    expect(reasons).toEqual(['transient', 'transient']);
    expect(listRequests(emulator)).toHaveLength(5);
  });

  test('pages already yielded are never fetched again', async () => {
    // The fourth and fifth requests are throttled.
    const { emulator, client } = await setup({ jobs: JOBS, faults: { throttle: { after: 3, first: 2 } } });
    const listing = paginateCustomizationJobs({}, { client, pageSize: 100, retry: FAST_RETRY });
    const seen: string[] = [];
    for await (const job of listing) {
      seen.push(job.jobArn as string);
    }
    expect(seen).toEqual(referenceListing(JOBS));
    const tokens = listRequests(emulator).map((request) => request.query.nextToken);
    // Page 4 was asked three times (twice throttled); every other page once.
    expect(new Set(tokens).size).toBe(5);
    expect(tokens).toHaveLength(7);
    expect(tokens[3]).toBe(tokens[4]);
    expect(tokens[4]).toBe(tokens[5]);
  });

  test.each([
    ['ValidationException', 400, ValidationException],
    ['AccessDeniedException', 403, AccessDeniedException],
  ])('%s fails at once, without retry', async (name, status, ErrorClass) => {
    const send = vi.fn(async () => {
      throw Object.assign(new ErrorClass({ message: 'no', $metadata: { httpStatusCode: status } }), { name });
    });
    const error = await paginateCustomizationJobs({}, { client: { send } as never, retry: FAST_RETRY })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).cause).toBeInstanceOf(ErrorClass);
    expect((error as PaginationError).attempts).toBe(1);
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('a ValidationException from the service, on the wire, is one request', async () => {
    const { emulator, client } = await setup({ jobs: JOBS });
    const error = await paginateCustomizationJobs({}, { client, startingToken: 'garbled', retry: FAST_RETRY })
      .first()
      .catch((caught: unknown) => caught);
    expect((error as PaginationError).cause).toBeInstanceOf(ValidationException);
    expect(listRequests(emulator)).toHaveLength(1);
  });

  test.each([404, 409, 413, 422])('any other 4xx (%i) fails at once', async (status) => {
    const send = vi.fn(async () => {
      throw Object.assign(new Error('client error'), { name: 'SomeClientError', $metadata: { httpStatusCode: status } });
    });
    await expect(paginateCustomizationJobs({}, { client: { send } as never, retry: FAST_RETRY }).first()).rejects.toThrow(
      PaginationError,
    );
    expect(send).toHaveBeenCalledTimes(1);
  });

  test('retry: false turns retrying off', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { throttle: { first: 1 } } });
    await expect(paginateCustomizationJobs({}, { client, retry: false }).first()).rejects.toThrow(PaginationError);
    expect(listRequests(emulator)).toHaveLength(1);
  });

  test('retries: N gives up after N retries', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { throttle: { probability: 1 } } });
    const error = (await paginateCustomizationJobs({}, { client, retry: { ...FAST_RETRY, retries: 3 } })
      .first()
      .catch((caught: unknown) => caught)) as PaginationError;
    expect(error.attempts).toBe(4);
    expect(error.message).toMatch(
      /^ListModelCustomizationJobs failed on page 1 after 4 attempts and \d+(\.\d)? m?s of backoff: ThrottlingException: Rate exceeded \(HTTP 429, request id [0-9a-f-]+\)\. 0 items on 0 pages were delivered; error.resumeToken continues from the failed page\.$/,
    );
    expect(listRequests(emulator)).toHaveLength(4);
  });

  test('the defaults are documented: 5 retries, 500 ms doubling with jitter, capped at 20 s', () => {
    expect(DEFAULT_RETRY).toEqual({
      retries: 5,
      minTimeout: 500,
      maxTimeout: 20_000,
      factor: 2,
      randomize: true,
      maxRetryTime: Number.POSITIVE_INFINITY,
    });
  });
});

describe('5. the two retry layers', () => {
  test('the client the library creates has the SDK’s own retries off: one request per attempt', async () => {
    const { emulator } = await setup({ jobs: JOBS, faults: { throttle: { first: 1 } } });
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', emulator.url);
    vi.stubEnv('AWS_REGION', 'us-east-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
    await expect(paginateCustomizationJobs({}, { retry: false }).first()).rejects.toThrow(PaginationError);
    expect(listRequests(emulator)).toHaveLength(1);
    expect(await paginateCustomizationJobs({}, { pageSize: 100 }).toArray()).toHaveLength(JOBS.length);
  });

  test('a client passed in keeps its own retries, which multiply with ours', async () => {
    // SDK default: 3 attempts per send. With retries: 1 here, that is 2 sends × 3 attempts.
    const { emulator, client } = await setup({ jobs: JOBS, faults: { serverError: { probability: 1 } } }, 3);
    const error = (await paginateCustomizationJobs({}, { client, retry: { ...FAST_RETRY, retries: 1 } })
      .first()
      .catch((caught: unknown) => caught)) as PaginationError;
    expect(error.attempts).toBe(2);
    expect(listRequests(emulator)).toHaveLength(6);
  });
});
