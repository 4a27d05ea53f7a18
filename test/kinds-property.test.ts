/**
 * Issue 10: the listing property, for every kind as a parameter. Whatever
 * the page size, read-ahead, faults and early exit, a listing yields
 * exactly what the SDK pages through without faults (or its exact prefix),
 * and failures resumed from their resumeToken lose and repeat nothing.
 *
 * KIND_PROPERTY_RUNS (default 50 a kind) runs more.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { PaginationError } from '../src/index.js';
import { arnsOfKind, KINDS, sdkListing, setupKind } from './support/kinds.js';
import { MANY_REQUESTS_MS } from './support/timeouts.js';

const RUNS = Number(process.env.KIND_PROPERTY_RUNS ?? 50);

const scenario = fc.record({
  pageSize: fc.integer({ min: 1, max: 300 }),
  count: fc.integer({ min: 0, max: 400 }),
  prefetch: fc.integer({ min: 0, max: 3 }),
  take: fc.option(fc.integer({ min: 0, max: 450 }), { nil: undefined }),
  sortOrder: fc.constantFrom('Ascending' as const, 'Descending' as const),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
  throttle: fc.double({ min: 0, max: 0.3, noNaN: true }),
  serverError: fc.double({ min: 0, max: 0.2, noNaN: true }),
});

describe.each(KINDS)('$name', ({ kind, paginate }) => {
  test('the listing is the SDK’s own, or its exact prefix, through faults and resumes', {
    timeout: MANY_REQUESTS_MS * 2,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async ({ pageSize, count, prefetch, take, sortOrder, seed, throttle, serverError }) => {
        const { emulator, client } = await setupKind(kind, count);
        const expected = arnsOfKind(kind, await sdkListing(kind, client, { sortOrder }));
        emulator.setFaults({ seed, throttle: { probability: throttle }, serverError: { probability: serverError } });
        const got: unknown[] = [];
        let startingToken: string | undefined;
        // A failure resumes from its token; at most 50 resumes, far more than these fault rates need.
        for (let resumes = 0; resumes <= 50; resumes++) {
          const left = take === undefined ? undefined : take - got.length;
          try {
            let listing = paginate({ sortOrder } as object, {
              client,
              pageSize,
              prefetch,
              startingToken,
              retry: { retries: 2, minTimeout: 0 },
            });
            if (left !== undefined) listing = listing.take(left) as typeof listing;
            for await (const item of listing) got.push(item[kind.arnField]);
            break;
          } catch (error) {
            if (!(error instanceof PaginationError) || !error.resumable) throw error;
            // Items before the failure were delivered; the token fetches the failed page again.
            startingToken = error.resumeToken;
          }
        }
        expect(got).toEqual(take === undefined ? expected : expected.slice(0, take));
      }),
      { numRuns: RUNS },
    );
  });
});
