import { describe, expect, test, vi } from 'vitest';
import { paginateCustomizationJobs } from '../src/index.js';

const send = vi.fn();
const client = { send } as never;
type Args = Parameters<typeof paginateCustomizationJobs>;

/** A bad input throws at the call, synchronously, before any request. */
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

// Every rejected input and its exact message: test/bad-input.test.ts, from test/support/bad-inputs.ts.
describe('9. eager validation', () => {
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
        {
          client,
          pageSize: 1,
          startingToken: 'abc',
          signal: new AbortController().signal,
          retry: { retries: Number.POSITIVE_INFINITY, maxRetryTime: 1000, onRetry: () => {} },
        },
      ),
    ).not.toThrow();
    expect(() => paginateCustomizationJobs(undefined, { client, retry: false })).not.toThrow();
    expect(send).not.toHaveBeenCalled();
  });
});
