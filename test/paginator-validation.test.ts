import { describe, expect, test, vi } from 'vitest';
import { paginateCustomizationJobs } from '../src/index.js';

const send = vi.fn();
const client = { send } as never;
type Args = Parameters<typeof paginateCustomizationJobs>;

/** Every bad input throws at the call, synchronously, before any request. */
function rejects(filter: unknown, options: unknown = { client }) {
  let thrown: unknown;
  try {
    paginateCustomizationJobs(filter as Args[0], options as Args[1]);
  } catch (error) {
    thrown = error;
  }
  expect(send).not.toHaveBeenCalled();
  return thrown as Error;
}

describe('9. eager validation', () => {
  test.each([
    [{ statusEquals: 'Running' }, RangeError, /^filter.statusEquals must be one of Completed, Failed, InProgress, Stopped, Stopping; got 'Running'$/],
    [{ statusEquals: 3 }, TypeError, /filter.statusEquals must be one of .*; got 3/],
    [{ sortBy: 'Name' }, RangeError, /^filter.sortBy must be one of CreationTime; got 'Name'$/],
    [{ sortOrder: 'descending' }, RangeError, /^filter.sortOrder must be one of Ascending, Descending; got 'descending'$/],
    [{ creationTimeAfter: 'yesterday' }, RangeError, /^filter.creationTimeAfter must be a valid Date or an ISO-8601 string .*; got 'yesterday'$/],
    [{ creationTimeBefore: new Date('nope') }, RangeError, /^filter.creationTimeBefore must be a valid Date .*; got Invalid Date$/],
    [{ creationTimeBefore: '2026-02-30T00:00:00Z' }, RangeError, /filter.creationTimeBefore .*got '2026-02-30T00:00:00Z'/],
    [{ creationTimeAfter: 1735689600000 }, TypeError, /filter.creationTimeAfter .*got 1735689600000/],
    [
      { creationTimeAfter: '2026-02-01T00:00:00Z', creationTimeBefore: new Date('2026-01-01T00:00:00Z') },
      RangeError,
      /^filter.creationTimeAfter must be earlier than filter.creationTimeBefore; got Date\(2026-02-01T00:00:00.000Z\) and Date\(2026-01-01T00:00:00.000Z\)$/,
    ],
    [{ creationTimeAfter: '2026-01-01T00:00:00Z', creationTimeBefore: '2026-01-01T00:00:00Z' }, RangeError, /earlier than/],
    [{ nameContains: '' }, RangeError, /^filter.nameContains must be 1 to 63 characters matching .*; got ''$/],
    [{ nameContains: 'x'.repeat(64) }, RangeError, /filter.nameContains must be 1 to 63 characters/],
    [{ nameContains: 'my job' }, RangeError, /filter.nameContains .*got 'my job'/],
    [{ nameContains: '_x' }, RangeError, /filter.nameContains .*got '_x'/],
    [{ nameContains: ['a'] }, TypeError, /filter.nameContains .*got \[ 'a' \]/],
    [{ statusEqual: 'Failed' }, TypeError, /^filter has an unknown key 'statusEqual'. Did you mean 'statusEquals'\? Allowed keys: /],
    [{ maxResults: 10 }, TypeError, /^filter has an unknown key 'maxResults'/],
    [null, TypeError, /^filter must be an object or undefined; got null$/],
    ['Failed', TypeError, /^filter must be an object or undefined; got 'Failed'$/],
  ])('filter %o throws %s', (filter, Kind, message) => {
    const error = rejects(filter);
    expect(error).toBeInstanceOf(Kind);
    expect(error.message).toMatch(message);
  });

  test.each([
    [{ pageSize: 0 }, RangeError, /^options.pageSize must be a whole number from 1 to 1000; got 0$/],
    [{ pageSize: 1001 }, RangeError, /got 1001$/],
    [{ pageSize: 2.5 }, RangeError, /got 2.5$/],
    [{ pageSize: Number.NaN }, RangeError, /got NaN$/],
    [{ pageSize: '10' }, TypeError, /^options.pageSize must be .*; got '10'$/],
    [{ startingToken: '' }, RangeError, /^options.startingToken must be a token .*; got ''$/],
    [{ startingToken: 'has space' }, RangeError, /options.startingToken/],
    [{ startingToken: 42 }, TypeError, /options.startingToken .*got 42$/],
    [{ signal: {} }, TypeError, /^options.signal must be an AbortSignal; got \{\}$/],
    [{ client: {} }, TypeError, /^options.client must be an SDK client with a send method, such as new BedrockClient\(\); got \{\}$/],
    [{ client: null }, TypeError, /options.client .*got null$/],
    [{ pagesize: 10 }, TypeError, /^options has an unknown key 'pagesize'. Did you mean 'pageSize'\?/],
    [{ maxItems: 10 }, TypeError, /^options has an unknown key 'maxItems'/],
    [{ retry: { retrys: 3 } }, TypeError, /^options.retry has an unknown key 'retrys'. Did you mean 'retries'\?/],
    [{ retry: { retries: -1 } }, RangeError, /^options.retry.retries must be a whole number ≥ 0, or Infinity; got -1$/],
    [{ retry: { retries: 1.5 } }, RangeError, /options.retry.retries/],
    [{ retry: { minTimeout: '5' } }, TypeError, /options.retry.minTimeout .*got '5'$/],
    [{ retry: { factor: 0 } }, RangeError, /options.retry.factor must be a finite number > 0; got 0$/],
    [{ retry: { randomize: 'yes' } }, TypeError, /options.retry.randomize must be a boolean/],
    [{ retry: { onRetry: 'log' } }, TypeError, /options.retry.onRetry must be a function/],
    [{ retry: true }, TypeError, /^options.retry must be an object or undefined; got true$/],
  ])('options %o throws %s', (options, Kind, message) => {
    const error = rejects({}, { client, ...options });
    expect(error).toBeInstanceOf(Kind);
    expect(error.message).toMatch(message);
  });

  test('options that are not an object are rejected', () => {
    expect(rejects({}, 5)).toBeInstanceOf(TypeError);
  });

  test('valid input of every kind is accepted', () => {
    expect(() =>
      paginateCustomizationJobs(
        {
          statusEquals: 'Completed',
          nameContains: 'a-b+c.d',
          sortBy: 'CreationTime',
          sortOrder: 'Ascending',
          creationTimeAfter: '2025-01-01',
          creationTimeBefore: new Date('2026-01-01T00:00:00+02:00'),
        },
        { client, pageSize: 1, startingToken: 'abc', signal: new AbortController().signal, retry: { retries: Number.POSITIVE_INFINITY, maxRetryTime: 1000, onRetry: () => {} } },
      ),
    ).not.toThrow();
    expect(() => paginateCustomizationJobs(undefined, { client, retry: false })).not.toThrow();
    expect(send).not.toHaveBeenCalled();
  });
});
