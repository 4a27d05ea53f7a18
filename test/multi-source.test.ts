/**
 * Issue 11: one listing over several regions and accounts, through real SDK
 * clients on the wire. Until one emulator serves several regions, each
 * source is its own emulator, with jobs of its own region and account.
 */
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import { describe, expect, expectTypeOf, test, vi } from 'vitest';
import { defaultClientFor } from '../src/bedrock/default-client.js';
import { type Emulator, type EmulatorOptions, generateJobs } from '../src/emulator/index.js';
import {
  arnParts,
  type MergedListing,
  type ModelCustomizationJobSummary,
  PaginationError,
  paginateCustomizationJobs,
  paginateModelImportJobs,
} from '../src/index.js';
import { clientFor, TEST_CREDENTIALS, useEmulator } from './support/emulator-client.js';
import { gatedClient } from './support/gated-client.js';
import { arnsOf, listRequests } from './support/listing.js';
import { settle } from './support/settle.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;

interface SourceSpec {
  readonly region: string;
  readonly accountId: string;
  readonly count: number;
  readonly seed: number;
  /** When its newest job was created: older sources come later in a Descending listing. */
  readonly endingAt?: Date;
  readonly faults?: EmulatorOptions['faults'];
}

const THREE: readonly SourceSpec[] = [
  { region: 'us-east-1', accountId: '111111111111', count: 23, seed: 1 },
  { region: 'us-west-2', accountId: '222222222222', count: 31, seed: 2 },
  { region: 'eu-central-1', accountId: '111111111111', count: 17, seed: 3 },
];

/** One emulator a source, each with jobs of its own region and account, and a real client on it. */
async function sources(specs: readonly SourceSpec[] = THREE) {
  const started = await Promise.all(
    specs.map(async (spec) => {
      const jobs = generateJobs({
        count: spec.count,
        seed: spec.seed,
        region: spec.region,
        accountId: spec.accountId,
        endingAt: spec.endingAt ?? NOW,
      });
      const emulator = await useEmulator({
        jobs,
        region: spec.region,
        accountId: spec.accountId,
        ...(spec.faults ? { faults: spec.faults } : {}),
      });
      return { emulator, client: clientFor(emulator, { region: spec.region, maxAttempts: 1 }) };
    }),
  );
  return { emulators: started.map(({ emulator }) => emulator), clients: started.map(({ client }) => client) };
}

/** The merge as the issue defines it: each source alone, in the API's order, then by time, ties to the source listed first. */
async function expectedOrder(clients: readonly BedrockClient[], sortOrder: 'Ascending' | 'Descending' = 'Descending') {
  const alone = await Promise.all(clients.map((client) => paginateCustomizationJobs({ sortOrder }, { client }).toArray()));
  const sign = sortOrder === 'Ascending' ? 1 : -1;
  // A stable sort of the sources one after the other: ties keep the source order, and each source its own.
  return alone.flat().sort((a, b) => sign * ((a.creationTime?.getTime() ?? 0) - (b.creationTime?.getTime() ?? 0)));
}

const requestsOf = (emulators: readonly Emulator[]) => emulators.map((emulator) => listRequests(emulator).length);

describe('one listing over several sources (issue 11)', () => {
  test('point 1, order: by the time field in sortOrder (default Descending), each source kept, items untouched', async () => {
    const { clients } = await sources();
    for (const sortOrder of ['Descending', 'Ascending'] as const) {
      const expected = await expectedOrder(clients, sortOrder);
      const filter = sortOrder === 'Descending' ? {} : { sortOrder };
      const merged = await paginateCustomizationJobs(filter, { clients, pageSize: 7 }).toArray();
      expect(arnsOf(merged)).toEqual(arnsOf(expected));
      expect(merged).toEqual(expected);
    }
    // Ties go to the source listed first: the same jobs in two sources come first from the first.
    const twins = await sources([
      { region: 'us-east-1', accountId: '111111111111', count: 5, seed: 9 },
      { region: 'us-east-1', accountId: '222222222222', count: 5, seed: 9 },
    ]);
    const accounts = (await paginateCustomizationJobs({}, { clients: twins.clients }).toArray()).map(
      (job) => arnParts(job.jobArn ?? '').accountId,
    );
    expect(accounts).toEqual(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? '111111111111' : '222222222222')));
  });

  test('point 1, every kind: a merged import-job listing orders by creationTime too', async () => {
    const emulators = await Promise.all(
      [1, 2].map((seed) =>
        useEmulator({ importJobs: { count: 12, seed, endingAt: NOW, region: seed === 1 ? 'us-east-1' : 'us-west-2' } }),
      ),
    );
    const clients = emulators.map((emulator) => clientFor(emulator, { maxAttempts: 1 }));
    const merged = await paginateModelImportJobs({}, { clients, pageSize: 5 }).toArray();
    expect(merged).toHaveLength(24);
    const times = merged.map((job) => job.creationTime?.getTime() ?? 0);
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  test('point 2, concurrency: every source sends its first request before any has answered', async () => {
    const { clients } = await sources();
    const gates = clients.map((client) => gatedClient(client, 0));
    const iterator = paginateCustomizationJobs({}, { clients: gates.map((gate) => gate.client) })[Symbol.asyncIterator]();
    const first = iterator.next();
    await expect.poll(() => gates.map((gate) => gate.calls.length)).toEqual([1, 1, 1]);
    for (const gate of gates) gate.release(100);
    await expect(first).resolves.toMatchObject({ done: false });
    await iterator.return?.();
  });

  test('point 3, push-down: take(5) over three sources is one request of maxResults 5 a source', async () => {
    const { emulators, clients } = await sources();
    const expected = arnsOf((await expectedOrder(clients)).slice(0, 5));
    for (const emulator of emulators) emulator.requests.length = 0;
    const five = await paginateCustomizationJobs({}, { clients }).take(5).toArray();
    expect(arnsOf(five)).toEqual(expected);
    const requests = emulators.map((emulator) => listRequests(emulator));
    expect(requests.map((list) => list.map((request) => request.query.maxResults))).toEqual([['5'], ['5'], ['5']]);
    for (const emulator of emulators) emulator.requests.length = 0;
    await paginateCustomizationJobs({}, { clients }).first();
    expect(requestsOf(emulators)).toEqual([1, 1, 1]);
    expect(emulators.map((emulator) => listRequests(emulator)[0]?.query.maxResults)).toEqual(['1', '1', '1']);
  });

  test('point 3, push-down: a source whose head is not needed yet is not asked for its next page', async () => {
    const { emulators, clients } = await sources([
      { region: 'us-east-1', accountId: '111111111111', count: 20, seed: 4 },
      // Every job of this one is older than every job of the first.
      { region: 'us-west-2', accountId: '222222222222', count: 20, seed: 5, endingAt: new Date(NOW.getTime() - 400 * DAY) },
    ]);
    const six = await paginateCustomizationJobs({}, { clients, pageSize: 2, prefetch: 0 }).take(6).toArray();
    expect(six.every((job) => arnParts(job.jobArn ?? '').region === 'us-east-1')).toBe(true);
    await settle();
    expect(requestsOf(emulators)).toEqual([3, 1]);
  });

  test('point 4, one resume token: a failed source throws one token that resumes every source after the last item', async () => {
    const { emulators, clients } = await sources();
    const expected = arnsOf(await expectedOrder(clients));
    for (const emulator of emulators) emulator.requests.length = 0;
    // The second source fails on its third page; the others are then mid-page.
    emulators[1]?.setFaults({ serverError: { after: 2, first: Number.POSITIVE_INFINITY } });
    const delivered: ModelCustomizationJobSummary[] = [];
    const error = await paginateCustomizationJobs({}, { clients, pageSize: 4, retry: false })
      .forEach((job) => {
        delivered.push(job);
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    const failure = error as PaginationError;
    expect(failure.message).toMatch(/source 2 of 3 \(options\.clients\[1\]: region us-west-2, account 222222222222\)/);
    expect(failure.cause).toBeInstanceOf(PaginationError);
    expect(failure.resumable).toBe(true);
    expect(failure.itemsDelivered).toBe(delivered.length);
    expect(delivered.length).toBeGreaterThan(0);
    emulators[1]?.setFaults();
    const rest = await paginateCustomizationJobs({}, { clients, pageSize: 4, startingToken: failure.resumeToken }).toArray();
    // Nothing lost, nothing repeated, across every source.
    expect([...arnsOf(delivered), ...arnsOf(rest)]).toEqual(expected);
  });

  test('point 4, one resume token: every page carries one, and it resumes every source after that page', async () => {
    const { clients } = await sources();
    const expected = arnsOf(await expectedOrder(clients));
    const pages = await paginateCustomizationJobs({}, { clients, pageSize: 5 }).pages().take(9).toArray();
    const page = pages.at(-1);
    expect(page?.source).toEqual({
      index: expect.any(Number),
      id: expect.stringMatching(/^(us-east-1|us-west-2|eu-central-1)$/),
    });
    expect(pages.every((each) => each.items.every((job) => arnParts(job.jobArn ?? '').region === each.source.id))).toBe(true);
    const seen = pages.flatMap((each) => arnsOf(each.items));
    const rest = await paginateCustomizationJobs({}, { clients, pageSize: 5, startingToken: page?.nextToken }).toArray();
    expect([...seen, ...arnsOf(rest)]).toEqual(expected);
    // The last page of all says there is nothing after it.
    const all = await paginateCustomizationJobs({}, { clients, pageSize: 5 }).pages().toArray();
    expect(all.at(-1)?.nextToken).toBeUndefined();
    expect(all.at(-2)?.nextToken).toEqual(expect.any(String));
  });

  test('point 4, other sources than the token was made for: a clear RangeError', async () => {
    const { clients } = await sources();
    const [page] = await paginateCustomizationJobs({}, { clients, pageSize: 3 }).pages().take(1).toArray();
    const token = page?.nextToken;
    expect(() => paginateCustomizationJobs({}, { clients: clients.slice(0, 2), startingToken: token })).toThrow(
      /^options\.startingToken: the token was made for a listing over 3 sources \(us-east-1, us-west-2, eu-central-1\), and this listing has 2/,
    );
    const reordered = [clients[1], clients[0], clients[2]] as BedrockClient[];
    await expect(paginateCustomizationJobs({}, { clients: reordered, startingToken: token }).toArray()).rejects.toThrow(
      /^options\.startingToken: the token was made for the sources us-east-1, us-west-2, eu-central-1, and this listing's are us-west-2, us-east-1, eu-central-1/,
    );
    expect(() => paginateCustomizationJobs({}, { client: clients[0], startingToken: token })).toThrow(RangeError);
    expect(() => paginateCustomizationJobs({}, { clients, startingToken: 'plain-page-token' })).toThrow(
      /^options\.startingToken must be a page's nextToken or an error's resumeToken from a listing over the same 3 sources/,
    );
  });

  test("point 5, failure policy: 'skip' goes on without the failed source and reports it once", async () => {
    const { emulators, clients } = await sources();
    const expected = await expectedOrder(clients);
    emulators[1]?.setFaults({ serverError: { after: 1, first: Number.POSITIVE_INFINITY } });
    const skipped = vi.fn();
    const merged = await paginateCustomizationJobs(
      {},
      { clients, pageSize: 4, retry: false, onSourceError: 'skip', onSourceSkipped: skipped },
    ).toArray();
    expect(skipped).toHaveBeenCalledTimes(1);
    expect(skipped).toHaveBeenCalledWith({
      index: 1,
      region: 'us-west-2',
      accountId: '222222222222',
      error: expect.any(PaginationError),
    });
    // Every job of the other sources; of the failed one, only those before its failure.
    const others = expected.filter((job) => arnParts(job.jobArn ?? '').region !== 'us-west-2');
    expect(arnsOf(merged.filter((job) => arnParts(job.jobArn ?? '').region !== 'us-west-2'))).toEqual(arnsOf(others));
    expect(merged.filter((job) => arnParts(job.jobArn ?? '').region === 'us-west-2').length).toBeLessThanOrEqual(4);
    // By default, the same failure ends the listing: nothing is dropped silently.
    emulators[1]?.setFaults({ serverError: { first: Number.POSITIVE_INFINITY } });
    await expect(paginateCustomizationJobs({}, { clients, retry: false }).toArray()).rejects.toThrow(
      /stopped because source 2 of 3 \(options\.clients\[1\]: region us-west-2\) failed/,
    );
  });

  test('point 6, stop: return() with a next() pending aborts the request in flight at every source at once', async () => {
    const hang = { hang: { first: Number.POSITIVE_INFINITY } };
    const { emulators, clients } = await sources(THREE.map((spec) => ({ ...spec, faults: hang })));
    const iterator = paginateCustomizationJobs({}, { clients })[Symbol.asyncIterator]();
    const pending = iterator.next();
    await expect.poll(() => requestsOf(emulators)).toEqual([1, 1, 1]);
    await iterator.return?.();
    await expect(pending).resolves.toEqual({ done: true, value: undefined });
    // Each server saw its connection close unanswered.
    await expect.poll(() => emulators.map((emulator) => listRequests(emulator)[0]?.status)).toEqual([0, 0, 0]);
  });

  test('point 6, stop: an abort rejects with its reason and closes every request in flight', async () => {
    const hang = { hang: { first: Number.POSITIVE_INFINITY } };
    const { emulators, clients } = await sources(THREE.map((spec) => ({ ...spec, faults: hang })));
    const controller = new AbortController();
    const listing = paginateCustomizationJobs({}, { clients, signal: controller.signal }).toArray();
    await expect.poll(() => requestsOf(emulators)).toEqual([1, 1, 1]);
    const reason = new Error('enough');
    controller.abort(reason);
    await expect(listing).rejects.toBe(reason);
    await expect.poll(() => emulators.map((emulator) => listRequests(emulator)[0]?.status)).toEqual([0, 0, 0]);
  });

  test('point 6, stop: break and a satisfied take close the read-ahead in flight at every source', async () => {
    // Each source answers its first page and hangs on the next: the read-ahead's requests stay in flight.
    const hangAfterOne = { hang: { after: 1, first: Number.POSITIVE_INFINITY } };
    const { emulators, clients } = await sources(THREE.map((spec) => ({ ...spec, faults: hangAfterOne })));
    for await (const _job of paginateCustomizationJobs({}, { clients, pageSize: 3 })) {
      await expect.poll(() => requestsOf(emulators)).toEqual([2, 2, 2]);
      break;
    }
    await expect.poll(() => emulators.map((emulator) => listRequests(emulator)[1]?.status)).toEqual([0, 0, 0]);
    for (const emulator of emulators) {
      emulator.requests.length = 0;
      emulator.setFaults(hangAfterOne);
    }
    // take(4) over pages of 3: some source needs a second page; the others' read-ahead is cancelled once the take is met.
    const four = await paginateCustomizationJobs({}, { clients, pageSize: 3 }).take(4).toArray();
    expect(four).toHaveLength(4);
    await settle();
    await expect
      .poll(() => emulators.flatMap((emulator) => listRequests(emulator).map((request) => request.status)))
      .not.toContain(undefined);
  });

  test('point 7, same client rules: regions get one default client each, retries off, from the environment', async () => {
    // One emulator, two regions: each default client reaches its own region's account by its credential scope.
    const emulator = await useEmulator({
      regions: {
        'us-west-2': { jobs: { count: 6, seed: 8, endingAt: NOW } },
        'eu-central-1': { jobs: { count: 6, seed: 9, endingAt: NOW } },
      },
    });
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', emulator.url);
    vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
    try {
      const listing = paginateCustomizationJobs({}, { regions: ['us-west-2', 'eu-central-1'] });
      expectTypeOf(listing).toEqualTypeOf<MergedListing<ModelCustomizationJobSummary>>();
      const pages = await listing.pages().toArray();
      expect(new Set(pages.map((page) => page.source.id))).toEqual(new Set(['us-west-2', 'eu-central-1']));
      // Each region's own six jobs, each page's from the region its source names.
      expect(pages.flatMap((page) => page.items)).toHaveLength(12);
      for (const page of pages) {
        for (const job of page.items) expect(arnParts(job.jobArn as string).region).toBe(page.source.id);
      }
      for (const region of ['us-west-2', 'eu-central-1']) {
        const client = defaultClientFor(region);
        expect(defaultClientFor(region)).toBe(client);
        expect(await client.config.region()).toBe(region);
        expect(await client.config.maxAttempts()).toBe(1);
        expect((await client.config.credentials()).accessKeyId).toBe(TEST_CREDENTIALS.accessKeyId);
      }
      // SDK retries off: one failure is one request per source, and the paginator's retry is the only one.
      emulator.requests.length = 0;
      emulator.setFaults({ serverError: { first: Number.POSITIVE_INFINITY } });
      await expect(
        paginateCustomizationJobs({}, { regions: ['us-west-2', 'eu-central-1'], retry: false }).toArray(),
      ).rejects.toThrow(PaginationError);
      expect(listRequests(emulator).length).toBeLessThanOrEqual(2);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  test('bad options throw at the call, before any request', () => {
    const client = { send: async () => ({}) };
    expect(() => paginateCustomizationJobs({}, { regions: ['us-east-1'], clients: [client] } as never)).toThrow(
      /^options\.regions and options\.clients cannot both be given/,
    );
    expect(() => paginateCustomizationJobs({}, { regions: ['us-east-1'], client } as never)).toThrow(
      /^options\.client and options\.regions cannot both be given/,
    );
    expect(() => paginateCustomizationJobs({}, { regions: [] })).toThrow(/^options\.regions must be a non-empty array/);
    expect(() => paginateCustomizationJobs({}, { regions: ['US East'] })).toThrow(/^options\.regions\[0\] must be a region name/);
    expect(() => paginateCustomizationJobs({}, { regions: ['us-east-1', 'us-east-1'] })).toThrow(
      /^options\.regions\[1\] must be a region not listed before/,
    );
    expect(() => paginateCustomizationJobs({}, { clients: [client, {} as never] })).toThrow(
      /^options\.clients\[1\] must be an SDK client/,
    );
    expect(() => paginateCustomizationJobs({}, { clients: [client], onSourceError: 'ignore' as never })).toThrow(
      /^options\.onSourceError must be 'fail' \(the default\) or 'skip'/,
    );
    expect(() => paginateCustomizationJobs({}, { onSourceError: 'skip' } as never)).toThrow(
      /^options\.onSourceError must be left out/,
    );
  });
});

describe('arnParts (issue 11)', () => {
  test('splits an ARN into partition, service, region, account, resource type and id', () => {
    expect(arnParts('arn:aws:bedrock:us-west-2:111122223333:model-customization-job/abc123')).toEqual({
      partition: 'aws',
      service: 'bedrock',
      region: 'us-west-2',
      accountId: '111122223333',
      resourceType: 'model-customization-job',
      resourceId: 'abc123',
    });
    expect(arnParts('arn:aws-cn:bedrock:cn-north-1:111122223333:custom-model/amazon.titan/x1')).toMatchObject({
      partition: 'aws-cn',
      resourceType: 'custom-model',
      resourceId: 'amazon.titan/x1',
    });
    expect(arnParts('arn:aws:s3:::bucket')).toMatchObject({ region: '', accountId: '', resourceType: '', resourceId: 'bucket' });
  });

  test('a non-string is a TypeError, a non-ARN a RangeError, each naming the value', () => {
    expect(() => arnParts(42 as never)).toThrow(TypeError);
    expect(() => arnParts('not-an-arn')).toThrow(
      /^arnParts\(arn\): arn must be an ARN: arn:partition:service:region:account-id:resource; got 'not-an-arn'$/,
    );
    expect(() => arnParts('arn:aws:bedrock:us-east-1:123:job/x')).toThrow(RangeError);
  });
});
