import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import packageJson from '../package.json' with { type: 'json' };
import { type Faults, generateJobs, startEmulator } from '../src/emulator/index.js';
import { paginateCustomizationJobs, type RetryEvent } from '../src/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';
import { FAST_RETRY } from './support/listing.js';
import { MANY_REQUESTS_MS, REAL_WAITS_MS } from './support/timeouts.js';

const SECRETS = {
  accessKeyId: 'AKIAIOSFODNN7LEAKCHK',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYLEAKCHECKKEY',
  sessionToken: 'FwoGZXIvYXdzEBLEAKCHECKSESSIONTOKENvalue',
};
const FORBIDDEN = [
  SECRETS.accessKeyId,
  SECRETS.secretAccessKey,
  SECRETS.sessionToken,
  'Signature=',
  'AWS4-HMAC-SHA256',
  /authorization/i,
];

afterEach(() => {
  vi.restoreAllMocks();
});

// The client's own retries (maxAttempts: 2) wait out the SDK's real backoff.
describe('no credentials, signatures or Authorization header in what the library shows', { timeout: REAL_WAITS_MS }, () => {
  test.each<[string, Faults, Record<string, unknown>]>([
    ['throttling, retried then failed', { throttle: { probability: 1 } }, { retry: { ...FAST_RETRY, retries: 2 } }],
    ['HTTP 500', { serverError: { probability: 1 } }, { retry: { ...FAST_RETRY, retries: 1 } }],
    ['a dropped connection', { drop: { probability: 1 } }, { retry: { ...FAST_RETRY, retries: 1 } }],
    ['a timeout', { hang: { probability: 1 } }, { requestTimeout: 30, retry: { ...FAST_RETRY, retries: 1 } }],
    ['access denied', { deny: { probability: 1 } }, {}],
    ['malformed JSON', { malformed: { probability: 1 } }, {}],
    ['a rejected token', { rejectToken: { probability: 1 } }, { startingToken: 'abc' }],
  ])('%s', async (_case, faults, options) => {
    const emulator = await useEmulator({ jobs: generateJobs({ count: 20 }), faults });
    const client = clientFor(emulator, { credentials: SECRETS, maxAttempts: 2 });
    const shown: string[] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation(
        (...args: unknown[]) => void shown.push(inspect(args, { depth: Number.POSITIVE_INFINITY })),
      );
    }
    const events: RetryEvent[] = [];
    const retry = { ...(options.retry as object), onRetry: (event: RetryEvent) => events.push(event) };
    const error = await paginateCustomizationJobs({}, { client, ...options, retry })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    shown.push(
      String(error),
      (error as Error).stack ?? '',
      inspect(error, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
      JSON.stringify(error),
      ...events.map((event) => inspect(event, { depth: Number.POSITIVE_INFINITY, showHidden: true })),
    );
    const everything = shown.join('\n');
    expect(everything.length).toBeGreaterThan(100);
    for (const secret of FORBIDDEN) {
      if (typeof secret === 'string') expect(everything).not.toContain(secret);
      else expect(everything).not.toMatch(secret);
    }
  });
});

describe('the emulator under fuzzing', { timeout: MANY_REQUESTS_MS }, () => {
  test('random methods, paths, queries and bodies get answers below 500, and it keeps serving', async () => {
    const emulator = await startEmulator({ jobs: generateJobs({ count: 50 }) });
    const client = clientFor(emulator);
    const send = (method: string, path: string, body: string) =>
      new Promise<number>((resolve, reject) => {
        const outgoing = request({ host: '127.0.0.1', port: emulator.port, method, path }, (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        });
        outgoing.on('error', reject);
        outgoing.end(body);
      });
    const segment = fc.oneof(fc.constantFrom('model-customization-jobs', 'stop', '%', '%ZZ', '..', ''), fc.webSegment());
    const query = fc.dictionary(
      fc.constantFrom(
        'maxResults',
        'nextToken',
        'statusEquals',
        'nameContains',
        'sortOrder',
        'sortBy',
        'creationTimeAfter',
        'junk',
      ),
      fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('', '-1', '1001', 'NaN', '2026-13-01', 'Completed')),
    );
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS'),
          fc.array(segment, { maxLength: 4 }),
          query,
          fc.oneof(fc.string(), fc.json(), fc.constant('{"jobName":"x","customModelName":"y"}')),
          async (method, segments, params, body) => {
            const path = `/${segments.join('/')}?${new URLSearchParams(params)}`;
            const status = await send(method, path, method === 'GET' || method === 'HEAD' ? '' : body);
            expect(status, `${method} ${path}`).toBeGreaterThanOrEqual(200);
            expect(status, `${method} ${path}`).toBeLessThan(500);
          },
        ),
        { numRuns: 300 },
      );
      const page = await paginateCustomizationJobs({}, { client }).toArray();
      expect(page).toHaveLength(50);
    } finally {
      await emulator.close();
    }
  });
});

describe('dependencies', () => {
  test("the runtime dependencies stay at p-retry and the SDK's own @smithy/core (in the range the SDK asks for), with the SDK as a peer dependency", () => {
    expect(Object.keys(packageJson.dependencies).sort()).toEqual(['@smithy/core', 'p-retry']);
    const sdk = JSON.parse(
      readFileSync(new URL('../node_modules/@aws-sdk/client-bedrock/package.json', import.meta.url), 'utf8'),
    );
    expect(packageJson.dependencies['@smithy/core']).toBe(sdk.dependencies['@smithy/core']);
    expect(Object.keys(packageJson.peerDependencies)).toEqual(['@aws-sdk/client-bedrock']);
  });
});
