import { request } from 'node:http';
import { BedrockClient, ListModelCustomizationJobsCommand } from '@aws-sdk/client-bedrock';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { type EmulatorJob, generateJobs } from '../src/emulator/index.js';
import { clientFor, TEST_CREDENTIALS, useEmulator } from './support/emulator-client.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the wire', () => {
  test('a default-constructed client reaches it through AWS_ENDPOINT_URL_BEDROCK', async () => {
    const emulator = await useEmulator({ jobs: generateJobs({ count: 12 }) });
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', emulator.url);
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
    const page = await new BedrockClient({}).send(new ListModelCustomizationJobsCommand({}));
    expect(page.modelCustomizationJobSummaries).toHaveLength(12);
    expect(emulator.requests).toHaveLength(1);
  });

  test('the request log has each request’s method, path, decoded query and status', async () => {
    const emulator = await useEmulator({ jobs: generateJobs({ count: 3 }) });
    await clientFor(emulator).send(
      new ListModelCustomizationJobsCommand({
        nameContains: 'a+b',
        creationTimeBefore: new Date('2026-01-02T03:04:05.678Z'),
        maxResults: 2,
      }),
    );
    expect(emulator.requests).toEqual([
      {
        method: 'GET',
        path: '/model-customization-jobs',
        query: { nameContains: 'a+b', creationTimeBefore: '2026-01-02T03:04:05.678Z', maxResults: '2' },
        operation: 'ListModelCustomizationJobs',
        requestId: expect.any(String),
        status: 200,
      },
    ]);
  });

  test('timestamps go out as ISO-8601 strings, whether the jobs were seeded with Dates or strings', async () => {
    const base = generateJobs({ count: 2 });
    const jobs: EmulatorJob[] = [
      { ...(base[0] as EmulatorJob), creationTime: new Date('2026-03-04T05:06:07.089Z') },
      { ...(base[1] as EmulatorJob), creationTime: '2026-03-04T05:06:07Z', endTime: '2026-03-05T00:00:00.000Z' },
    ];
    const emulator = await useEmulator({ jobs });
    const raw = (await (await fetch(`${emulator.url}/model-customization-jobs`)).json()) as {
      modelCustomizationJobSummaries: Record<string, unknown>[];
    };
    expect(raw.modelCustomizationJobSummaries.map((job) => job.creationTime)).toEqual([
      '2026-03-04T05:06:07.089Z',
      '2026-03-04T05:06:07Z',
    ]);

    const page = await clientFor(emulator).send(new ListModelCustomizationJobsCommand({}));
    expect(page.modelCustomizationJobSummaries?.map((job) => job.creationTime?.toISOString())).toEqual([
      '2026-03-04T05:06:07.089Z',
      '2026-03-04T05:06:07.000Z',
    ]);
    expect(page.modelCustomizationJobSummaries?.[1]?.endTime).toEqual(new Date('2026-03-05T00:00:00.000Z'));
  });

  test('errors carry the status, x-amzn-errortype and a JSON message', async () => {
    const emulator = await useEmulator({ faults: { throttle: { first: 1 } } });
    const response = await fetch(`${emulator.url}/model-customization-jobs`);
    expect(response.status).toBe(429);
    expect(response.headers.get('x-amzn-errortype')).toBe('ThrottlingException');
    expect(response.headers.get('x-amzn-requestid')).toBe(emulator.requests[0]?.requestId);
    expect(await response.json()).toEqual({ message: 'Rate exceeded' });
  });
});

describe('safety', () => {
  test('it listens on loopback only', async () => {
    const emulator = await useEmulator();
    expect(emulator.url).toBe(`http://127.0.0.1:${emulator.port}`);
  });

  async function raw(emulator: { port: number }, method: string, path: string, body?: string) {
    return new Promise<{ status: number; errorType: string | undefined }>((resolve, reject) => {
      const outgoing = request({ host: '127.0.0.1', port: emulator.port, method, path }, (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, errorType: response.headers['x-amzn-errortype'] as string | undefined }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  }

  test.each([
    ['GET', '/', undefined, 404],
    ['DELETE', '/model-customization-jobs', undefined, 404],
    ['GET', '/model-customization-jobs/%E0%A4%A', undefined, 400],
    ['POST', '/model-customization-jobs', '{not json', 400],
    ['POST', '/model-customization-jobs', '[1,2]', 400],
    ['POST', '/model-customization-jobs', '{"jobName": 5}', 400],
    ['GET', '/model-customization-jobs?maxResults=-1&sortOrder=&nextToken=%20', undefined, 400],
    ['POST', '/model-customization-jobs', 'x'.repeat(2 << 20), 413],
  ])('%s %s gets a 4xx, and it keeps serving', async (method, path, body, status) => {
    const emulator = await useEmulator({ jobs: generateJobs({ count: 3 }) });
    const answer = await raw(emulator, method, path, body);
    expect(answer.status).toBe(status);
    expect(answer.errorType).toEqual(expect.any(String));
    const page = await clientFor(emulator).send(new ListModelCustomizationJobsCommand({}));
    expect(page.modelCustomizationJobSummaries).toHaveLength(3);
  });
});
