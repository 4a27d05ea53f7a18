/**
 * Pacing on the wire (issue 13): a pacer never reorders, drops or repeats
 * items, never delays a listing that is not throttled, waits its turn
 * outside the request timeout, gives way to an abort at once, shares a
 * quota among the clients of one region and account, and is the default
 * of the library's own clients only.
 */
import { afterEach, expect, test, vi } from 'vitest';
import { defaultPacer } from '../src/bedrock/default-pacer.js';
import { customizationJobs } from '../src/bedrock/kinds/index.js';
import { createPacer, paginateCustomizationJobs, waitForCustomizationJobs, watchCustomizationJobs } from '../src/index.js';
import { clientFor, TEST_CREDENTIALS } from './support/emulator-client.js';
import { read, running } from './support/job-kinds.js';
import { kindRequests, sdkListing, setupKind } from './support/kinds.js';
import { settle } from './support/settle.js';
import { MANY_REQUESTS_MS, REAL_WAITS_MS } from './support/timeouts.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
/** A retry that waits little, so that throttled pages come back soon. */
const QUICK_RETRY = { retries: 20, minTimeout: 10, maxTimeout: 200 };

test.each([
  ['an adaptive pacer', () => createPacer()],
  ['a fixed pacer', () => createPacer({ ratePerSecond: 40, burst: 40 })],
])(
  '%s shared by four listings under throttling: each yields exactly what the SDK lists, in order',
  async (_name, makePacer) => {
    const { emulator, client } = await setupKind(customizationJobs, 200, {});
    const reference = await sdkListing(customizationJobs, client);
    emulator.setFaults({ throttle: { ratePerSecond: 40, burst: 40 } });
    const pacer = makePacer();
    const listings = await Promise.all(
      [1, 2, 3, 4].map(() => paginateCustomizationJobs({}, { client, pacer, pageSize: 10, retry: QUICK_RETRY }).toArray()),
    );
    for (const items of listings) expect(items.map((job) => job.jobArn)).toEqual(reference.map((job) => job.jobArn));
    const stats = pacer.stats();
    const served = kindRequests(emulator, customizationJobs).slice(1);
    expect(stats.requests).toBe(served.length);
    expect(stats.throttled).toBe(served.filter((request) => request.status === 429).length);
    // Pacing happened: the adaptive pacer learned from throttles, the fixed one made pages wait.
    expect(stats.throttled + stats.waitedMs).toBeGreaterThan(0);
  },
  MANY_REQUESTS_MS,
);

test('a listing that is not throttled is not delayed: no wait, one request a page', async () => {
  const { emulator, client } = await setupKind(customizationJobs, 300, {});
  const pacer = createPacer();
  const items = await paginateCustomizationJobs({}, { client, pacer, pageSize: 20 }).toArray();
  expect(items).toHaveLength(300);
  expect(pacer.stats()).toMatchObject({ requests: 15, throttled: 0, waitedMs: 0, ratePerSecond: Number.POSITIVE_INFINITY });
  expect(kindRequests(emulator, customizationJobs)).toHaveLength(15);
});

test(
  'the request timeout runs for the request alone, not while it waits its turn',
  async () => {
    const { client } = await setupKind(customizationJobs, 20, {});
    // One request every 2 s: the second listing's first page waits about 2 s, four times its request timeout.
    const pacer = createPacer({ ratePerSecond: 0.5, burst: 1 });
    const options = { client, pacer, requestTimeout: 500, retry: false as const };
    const [first, second] = await Promise.all([
      paginateCustomizationJobs({}, options).toArray(),
      paginateCustomizationJobs({}, options).toArray(),
    ]);
    expect(first).toHaveLength(20);
    expect(second).toHaveLength(20);
    expect(pacer.stats().waitedMs).toBeGreaterThan(500);
  },
  REAL_WAITS_MS,
);

test('an abort while a page waits its turn rejects at once with its reason, sends nothing after, leaves no timer', async () => {
  const { emulator, client } = await setupKind(customizationJobs, 30, {});
  const pacer = createPacer({ ratePerSecond: 0.01, burst: 1 });
  const controller = new AbortController();
  const timersBefore = timers();
  const listing = paginateCustomizationJobs({}, { client, pacer, pageSize: 10, signal: controller.signal, prefetch: 0 });
  const iterator = listing[Symbol.asyncIterator]();
  await read(iterator, 10);
  // The next page waits 100 s for its turn.
  const pending = iterator.next();
  pending.catch(() => {});
  await settle();
  const sent = kindRequests(emulator, customizationJobs).length;
  const reason = new Error('user left');
  controller.abort(reason);
  await expect(pending).rejects.toBe(reason);
  await settle();
  expect(kindRequests(emulator, customizationJobs)).toHaveLength(sent);
  await expect.poll(timers).toBeLessThanOrEqual(timersBefore);
});

test('return() while a page waits its turn ends the listing at once: nothing sent after, no timer left', async () => {
  const { emulator, client } = await setupKind(customizationJobs, 30, {});
  const pacer = createPacer({ ratePerSecond: 0.01, burst: 1 });
  const timersBefore = timers();
  const iterator = paginateCustomizationJobs({}, { client, pacer, pageSize: 10, prefetch: 0 })[Symbol.asyncIterator]();
  await read(iterator, 10);
  const pending = iterator.next();
  await settle();
  const sent = kindRequests(emulator, customizationJobs).length;
  await iterator.return?.();
  await expect(pending).resolves.toMatchObject({ done: true });
  await settle();
  expect(kindRequests(emulator, customizationJobs)).toHaveLength(sent);
  await expect.poll(timers).toBeLessThanOrEqual(timersBefore);
});

test("a quota is an operation in a region and an account: one region's clients share it, another region's has its own", async () => {
  const { client } = await setupKind(customizationJobs, 5, {});
  const pacer = createPacer();
  const east = [client, clientFor(await emulatorOf(client), { maxAttempts: 1 })];
  const west = clientFor(await emulatorOf(client), { region: 'us-west-2', maxAttempts: 1 });
  for (const each of [...east, west]) await paginateCustomizationJobs({}, { client: each, pacer }).toArray();
  expect(Object.keys(pacer.stats().quotas).sort()).toEqual([
    `ListModelCustomizationJobs us-east-1 ${TEST_CREDENTIALS.accessKeyId}`,
    `ListModelCustomizationJobs us-west-2 ${TEST_CREDENTIALS.accessKeyId}`,
  ]);
  expect(pacer.stats().quotas[`ListModelCustomizationJobs us-east-1 ${TEST_CREDENTIALS.accessKeyId}`]?.requests).toBe(2);
});

/** The emulator a client points at, as `clientFor` takes it. */
async function emulatorOf(client: {
  config: { endpoint?: () => Promise<{ hostname: string; port?: number; protocol: string }> };
}) {
  const endpoint = await client.config.endpoint?.();
  return { url: `${endpoint?.protocol}//${endpoint?.hostname}:${endpoint?.port}` } as never;
}

test("the library's own clients share the process's pacer; a client of yours is paced only by a pacer you pass", async () => {
  const { emulator, client } = await setupKind(customizationJobs, 40, {});
  vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', emulator.url);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
  const before = defaultPacer().stats().requests;
  await paginateCustomizationJobs({}, { pageSize: 10 }).toArray();
  await paginateCustomizationJobs({}, { regions: ['us-east-1'], pageSize: 10 }).toArray();
  expect(defaultPacer().stats().requests - before).toBe(8);
  await paginateCustomizationJobs({}, { client, pageSize: 10 }).toArray();
  await paginateCustomizationJobs({}, { clients: [client], pageSize: 10 }).toArray();
  expect(defaultPacer().stats().requests - before).toBe(8);
});

test("a watch's polls and a wait's listings and Gets go through the pacer given", async () => {
  const { emulator, client } = await setupKind(customizationJobs, 30, { clock: 'virtual', lifecycle: { durationMs: 3_600_000 } });
  const pacer = createPacer();
  const jobs = await sdkListing(customizationJobs, client);
  const events = watchCustomizationJobs({}, { client, pacer, interval: 0 })[Symbol.asyncIterator]();
  await read(events, jobs.length);
  await events.return?.();
  const target = String(running(customizationJobs, jobs)[0]?.jobArn);
  await waitForCustomizationJobs([target], { client, pacer, interval: 0, onChange: () => emulator.advance(3_600_000) });
  const quotas = Object.keys(pacer.stats().quotas).map((key) => key.split(' ')[0]);
  expect(quotas.sort()).toEqual(['GetModelCustomizationJob', 'ListModelCustomizationJobs']);
  expect(pacer.stats().requests).toBe(emulator.requests.length - 1);
});
