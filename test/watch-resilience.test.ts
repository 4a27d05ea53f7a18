/**
 * Issue 12, point 3: a failed poll is retried with the listing's retry
 * policy; one that still fails goes to `onPollError` and the watch polls
 * again at the next interval, unless the failure is one that time does not
 * mend (access denied, a bad request), which ends the watch with it.
 */
import { expect, test } from 'vitest';
import { customizationJobs } from '../src/bedrock/kinds/index.js';
import { PaginationError, watchCustomizationJobs } from '../src/index.js';
import { clientFor, useEmulator } from './support/emulator-client.js';
import { read } from './support/job-kinds.js';
import { kindRequests, sdkListing, setupKind } from './support/kinds.js';

const NO_WAIT = { minTimeout: 0, randomize: false };

test("a throttled poll is retried with the listing's policy: no poll error, and the current state comes whole", async () => {
  const { emulator, client } = await setupKind(customizationJobs, 30, { clock: 'virtual' });
  const count = (await sdkListing(customizationJobs, client)).length;
  emulator.setFaults({ throttle: { first: 2 } });
  const errors: unknown[] = [];
  const events = watchCustomizationJobs(
    {},
    { client, interval: 0, retry: { retries: 3, ...NO_WAIT }, onPollError: (error) => errors.push(error) },
  )[Symbol.asyncIterator]();
  expect(await read(events, count)).toHaveLength(count);
  await events.return?.();
  expect(errors).toEqual([]);
  expect(
    kindRequests(emulator, customizationJobs)
      .map((request) => request.status)
      .slice(1, 4),
  ).toEqual([429, 429, 200]);
});

test.each([
  ['throttling', { throttle: { first: 4 } }, 'ThrottlingException'],
  ['a server error', { serverError: { first: 4 } }, 'InternalServerException'],
  ['the service unavailable', { unavailable: { first: 4 } }, 'ServiceUnavailableException'],
] as const)(
  'a poll failed by %s after its retries goes to onPollError, and the next poll goes on',
  async (_what, faults, name) => {
    const { emulator, client } = await setupKind(customizationJobs, 30, { clock: 'virtual' });
    const count = (await sdkListing(customizationJobs, client)).length;
    emulator.setFaults(faults);
    const errors: unknown[] = [];
    const events = watchCustomizationJobs(
      {},
      { client, interval: 0, retry: { retries: 1, ...NO_WAIT }, onPollError: (error) => errors.push(error) },
    )[Symbol.asyncIterator]();
    // Two polls of two attempts fail; the third poll is the current state.
    expect(await read(events, count)).toHaveLength(count);
    await events.return?.();
    expect(errors).toHaveLength(2);
    for (const error of errors) {
      expect(error).toBeInstanceOf(PaginationError);
      expect((error as PaginationError).cause).toMatchObject({ name });
    }
  },
);

test.each([['access denied', { deny: { first: 1 } }, 'AccessDeniedException']])(
  '%s ends the watch with its error, not onPollError, and nothing is sent after',
  async (_what, faults, name) => {
    const { emulator, client } = await setupKind(customizationJobs, 10, { clock: 'virtual' });
    emulator.setFaults(faults);
    const errors: unknown[] = [];
    const error = await watchCustomizationJobs({}, { client, interval: 0, onPollError: (caught) => errors.push(caught) })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).cause).toMatchObject({ name });
    expect(errors).toEqual([]);
    expect(kindRequests(emulator, customizationJobs)).toHaveLength(1);
  },
);

test('a bad request (a ValidationException) ends the watch too', async () => {
  // The SDK validates nothing: a creation bound the service refuses is the service's ValidationException.
  const refusing = {
    send: async () => {
      throw Object.assign(new Error('1 validation error detected'), {
        name: 'ValidationException',
        $fault: 'client',
        $metadata: { httpStatusCode: 400 },
      });
    },
  };
  const error = await watchCustomizationJobs({}, { client: refusing, interval: 0, onPollError: () => {} })
    .toArray()
    .catch((caught: unknown) => caught);
  expect((error as PaginationError).cause).toMatchObject({ name: 'ValidationException' });
});

test('what onPollError throws ends the watch', async () => {
  const { emulator, client } = await setupKind(customizationJobs, 10, { clock: 'virtual' });
  emulator.setFaults({ serverError: { first: 100 } });
  const failure = new Error('page the on-call');
  const error = await watchCustomizationJobs(
    {},
    {
      client,
      interval: 0,
      retry: false,
      onPollError: () => {
        throw failure;
      },
    },
  )
    .toArray()
    .catch((caught: unknown) => caught);
  expect(error).toBe(failure);
});

test('with several sources, one that fails transiently goes to onPollError while the others yield their events', async () => {
  const emulator = await useEmulator({
    clock: 'virtual',
    regions: {
      'us-east-1': { jobs: { count: 10, seed: 1 } },
      'eu-west-1': { jobs: { count: 10, seed: 2 } },
    },
  });
  const clients = ['us-east-1', 'eu-west-1'].map((region) => clientFor(emulator, { region, maxAttempts: 1 }));
  const counts = await Promise.all(clients.map(async (client) => (await sdkListing(customizationJobs, client)).length));
  emulator.region('us-east-1').setFaults({ serverError: { first: 2 } });
  const errors: unknown[] = [];
  const events = watchCustomizationJobs({}, { clients, interval: 0, retry: false, onPollError: (error) => errors.push(error) })[
    Symbol.asyncIterator
  ]();
  const all = await read(events, (counts[0] as number) + (counts[1] as number));
  await events.return?.();
  // eu-west-1's jobs came with the first poll, us-east-1's with the poll after its failures.
  expect(all.slice(0, counts[1]).every((event) => event.job.jobArn?.includes(':eu-west-1:'))).toBe(true);
  expect(all.slice(counts[1]).every((event) => event.job.jobArn?.includes(':us-east-1:'))).toBe(true);
  expect(errors.length).toBeGreaterThan(0);
});
