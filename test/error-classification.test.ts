/**
 * Issue 10: which failures are retried comes from the SDK's own runtime
 * (`@smithy/core/retry`), and a wait the service asks for is honoured.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { afterEach, describe, expect, test } from 'vitest';
import { BEDROCK_ATTEMPT_RULES } from '../src/bedrock/error-classification.js';
import { paginateCustomizationJobs, type RetryEvent } from '../src/index.js';

describe('classification', () => {
  test.each([
    ['ThrottlingException by name', { name: 'ThrottlingException' }, 'throttling'],
    ['any 429', { name: 'Whatever', $metadata: { httpStatusCode: 429 } }, 'throttling'],
    ['TooManyRequestsException', { name: 'TooManyRequestsException' }, 'throttling'],
    ['HTTP 500', { name: 'InternalServerException', $metadata: { httpStatusCode: 500 } }, 'transient'],
    ['HTTP 503', { name: 'ServiceUnavailableException', $metadata: { httpStatusCode: 503 } }, 'transient'],
    ['a reset connection', { name: 'Error', code: 'ECONNRESET' }, 'transient'],
    ['an aborted socket', { name: 'Error', code: 'ECONNABORTED' }, 'transient'],
    ['ValidationException', { name: 'ValidationException', $metadata: { httpStatusCode: 400 } }, undefined],
    ['AccessDeniedException', { name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } }, undefined],
    ['an abort', { name: 'AbortError', code: 'ECONNRESET' }, undefined],
    ['an unknown access key', { name: 'UnrecognizedClientException', $metadata: { httpStatusCode: 403 } }, undefined],
    ['a region not served', { name: 'InvalidSignatureException', $metadata: { httpStatusCode: 403 } }, undefined],
  ])('%s', (_, error, reason) => {
    expect(BEDROCK_ATTEMPT_RULES.classify(Object.assign(new Error('x'), error))?.reason).toBe(reason);
  });
});

describe('Retry-After', () => {
  let close: (() => void) | undefined;
  afterEach(() => close?.());

  test('a 429 with Retry-After: 1 waits about a second, not the 0 ms backoff asked for', async () => {
    let requests = 0;
    const server = createServer((_, response) => {
      requests++;
      if (requests === 1) {
        response.writeHead(429, {
          'x-amzn-errortype': 'ThrottlingException',
          'retry-after': '1',
          'content-type': 'application/json',
        });
        response.end(JSON.stringify({ message: 'Rate exceeded' }));
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ modelCustomizationJobSummaries: [] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => server.close();
    const client = new BedrockClient({
      endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      region: 'us-east-1',
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      maxAttempts: 1,
    });
    const events: RetryEvent[] = [];
    const jobs = await paginateCustomizationJobs(
      {},
      { client, retry: { minTimeout: 0, randomize: false, onRetry: (event) => events.push(event) } },
    ).toArray();
    expect(jobs).toEqual([]);
    expect(requests).toBe(2);
    expect(events).toHaveLength(1);
    expect(events[0]?.reason).toBe('throttling');
    expect(events[0]?.delayMs).toBeGreaterThan(500);
    expect(events[0]?.delayMs).toBeLessThanOrEqual(1000);
    client.destroy();
  });
});
