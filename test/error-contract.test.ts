/**
 * Issue 9, items 9–12: what an error says and promises. A throwing onRetry
 * is named with the failure it was told of; resumeToken exists only where
 * resuming works; a client's own retries are counted; a client that cannot
 * send is a ConfigurationError, not a pagination failure.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import {
  ConfigurationError,
  PaginationError,
  paginateCustomizationJobs,
  RejectedTokenError,
  RepeatedTokenError,
} from '../src/index.js';
import { FAST_RETRY, listRequests, setup } from './support/listing.js';

const JOBS = generateJobs({ count: 120, seed: 3 });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.unreachable('the listing should fail'),
    (error: unknown) => error as PaginationError,
  );

describe('9. a throwing onRetry', () => {
  test('says the callback threw, keeps the throttling it was told of as cause, and resumes', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { throttle: { first: 1 } } });
    const thrown = new Error('from onRetry');
    const error = await failure(
      paginateCustomizationJobs(
        {},
        {
          client,
          retry: {
            ...FAST_RETRY,
            onRetry: () => {
              throw thrown;
            },
          },
        },
      ).toArray(),
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect(error.message).toMatch(
      /^ListModelCustomizationJobs stopped on page 1 after 1 attempt because options\.retry\.onRetry threw Error: from onRetry when told of the failure ThrottlingException: .*\(HTTP 429/,
    );
    expect(error.callbackError).toBe(thrown);
    expect(error.cause).toMatchObject({ name: 'ThrottlingException' });
    expect(error).toMatchObject({ resumable: true, resumeToken: undefined });
    expect(listRequests(emulator)).toHaveLength(1);
  });

  test('onRetry is told how long the wait before the retry will be', async () => {
    const { client } = await setup({ jobs: JOBS, faults: { throttle: { first: 2 } } });
    const delays: number[] = [];
    await paginateCustomizationJobs(
      {},
      { client, retry: { minTimeout: 5, factor: 3, randomize: false, onRetry: ({ delayMs }) => delays.push(delayMs) } },
    ).toArray();
    expect(delays).toEqual([5, 15]);
  });
});

describe('10. the resume contract of every error class', () => {
  test('a failed page: resumable, and resumeToken continues', async () => {
    const { client } = await setup({ jobs: JOBS, faults: { serverError: { after: 1, first: 1 } } });
    const error = await failure(paginateCustomizationJobs({}, { client, pageSize: 50, prefetch: 0, retry: false }).toArray());
    expect(error).toMatchObject({ resumable: true, itemsDelivered: 50 });
    expect(error.resumeToken).toEqual(expect.any(String));
    expect(error.message).toMatch(/error\.resumeToken continues from the failed page\.$/);
    const rest = await paginateCustomizationJobs({}, { client, pageSize: 50, startingToken: error.resumeToken }).toArray();
    expect(rest).toHaveLength(70);
  });

  test('a rejected token: not resumable, no resumeToken, the token kept as rejectedToken', async () => {
    const { client } = await setup({ jobs: JOBS, faults: { rejectToken: { after: 1, first: 1 } } });
    const error = await failure(paginateCustomizationJobs({}, { client, pageSize: 50, retry: FAST_RETRY }).toArray());
    expect(error).toBeInstanceOf(RejectedTokenError);
    expect(error).toMatchObject({ resumable: false, resumeToken: undefined, rejectedToken: expect.any(String) });
    expect(error.message).toMatch(/no token can resume this listing/);
  });

  test('a repeated token: not resumable, no resumeToken, the token kept as repeatedToken', async () => {
    const { client } = await setup({ jobs: JOBS, faults: { repeatToken: { after: 1, first: 1 } } });
    const error = await failure(paginateCustomizationJobs({}, { client, pageSize: 50 }).toArray());
    expect(error).toBeInstanceOf(RepeatedTokenError);
    expect(error).toMatchObject({ resumable: false, resumeToken: undefined, repeatedToken: expect.any(String) });
  });
});

describe('11. two retry layers in one message', () => {
  test('a client with its own retries on: the message and requests count what the server saw', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { throttle: { probability: 1 } } }, 3);
    const error = await failure(
      paginateCustomizationJobs({}, { client, retry: { retries: 1, minTimeout: 0, randomize: false } }).toArray(),
    );
    const sent = listRequests(emulator).length;
    expect(sent).toBe(6);
    expect(error).toMatchObject({ attempts: 2, requests: sent });
    expect(error.message).toMatch(/after 2 attempts \(6 requests, counting the client's own retries\) and/);
  }, 30_000);

  test('with the SDK retries off, attempts and requests agree and the message says attempts alone', async () => {
    const { emulator, client } = await setup({ jobs: JOBS, faults: { throttle: { probability: 1 } } });
    const error = await failure(paginateCustomizationJobs({}, { client, retry: { retries: 2, minTimeout: 0 } }).toArray());
    expect(error).toMatchObject({ attempts: 3, requests: 3 });
    expect(listRequests(emulator)).toHaveLength(3);
    expect(error.message).not.toMatch(/requests/);
  });
});

describe('12. configuration is not pagination', () => {
  const dummy = { accessKeyId: 'a', secretAccessKey: 'b' };
  test.each([
    ['no region', { credentials: dummy }, 'region', /no AWS region is set\. Set AWS_REGION/],
    [
      'no credentials',
      {
        region: 'us-east-1',
        credentials: () =>
          Promise.reject(
            Object.assign(new Error('Could not load credentials from any providers'), { name: 'CredentialsProviderError' }),
          ),
      },
      'credentials',
      /no AWS credentials were found\. Set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
    ],
    [
      'an endpoint that is not a URL',
      { region: 'us-east-1', credentials: dummy, endpoint: 'not-a-url' },
      'endpoint',
      /the endpoint "not-a-url" is not a URL/,
    ],
  ] as const)('%s is a ConfigurationError naming the setting, with no resume hint', async (_, config, setting, message) => {
    const savedRegion = process.env.AWS_REGION;
    delete process.env.AWS_REGION;
    try {
      const client = new BedrockClient({ maxAttempts: 1, ...config });
      const error = await paginateCustomizationJobs({}, { client })
        .first()
        .then(
          () => expect.unreachable(),
          (caught: unknown) => caught as ConfigurationError,
        );
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error).not.toBeInstanceOf(PaginationError);
      expect(error.setting).toBe(setting);
      expect(error.message).toMatch(/^ListModelCustomizationJobs could not be sent: /);
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/resumeToken|page 1/);
      client.destroy();
    } finally {
      if (savedRegion !== undefined) process.env.AWS_REGION = savedRegion;
    }
  });
});
