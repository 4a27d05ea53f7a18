/**
 * Property: whatever the data, filters, page size, read-ahead, faults and
 * early exit, the listing yields exactly the reference list (or its exact
 * prefix), and a failure resumed from its resumeToken loses and repeats
 * nothing. Real SDK client, real wire, the emulator's seeded faults.
 *
 * PROPERTY_RUNS=2000 runs more; PROPERTY_SEED and PROPERTY_PATH replay a failure.
 */
import { FineTuningJobStatus } from '@aws-sdk/client-bedrock';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { type EmulatorJob, type Faults, generateJobs, startEmulator } from '../src/emulator/index.js';
import { PaginationError, paginateCustomizationJobs, RepeatedTokenError } from '../src/index.js';
import { clientFor } from './support/emulator-client.js';
import { type ReferenceFilter, referenceListing } from './support/reference-listing.js';

const RUNS = Number(process.env.PROPERTY_RUNS ?? 200);
const replay = {
  ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}),
  ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH } : {}),
};
const observed = { runs: 0, resumes: 0, longestRetrySequence: 0, items: 0, requests: 0 };

/** A page size, and a dataset small enough for it that a run stays around 40 pages at most. */
const sizes = fc
  .integer({ min: 1, max: 1000 })
  .chain((pageSize) =>
    fc.record({ pageSize: fc.constant(pageSize), count: fc.integer({ min: 0, max: Math.min(3000, pageSize * 40) }) }),
  );

const dataset = fc.record({
  seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
  // Coarser clocks make many jobs share a creation time, to exercise the tie order.
  granularity: fc.constantFrom(1, 1, 1000, 3_600_000),
});

const filterShape = fc.record(
  {
    statusEquals: fc.constantFrom(...(Object.values(FineTuningJobStatus) as FineTuningJobStatus[])),
    nameContains: fc.constantFrom('ft', 'support', 'qa', '2026', 'ft-2026', 'distill', 'a', 'zz', '0'),
    window: fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
    after: fc.boolean(),
    before: fc.boolean(),
    sortOrder: fc.constantFrom('Ascending' as const, 'Descending' as const),
    asString: fc.boolean(),
  },
  { requiredKeys: [] },
);

const faults = fc.record(
  {
    seed: fc.integer({ min: 1, max: 1_000_000 }),
    throttle: fc.record({ probability: fc.double({ min: 0, max: 0.3, noNaN: true }) }),
    serverError: fc.record({ probability: fc.double({ min: 0, max: 0.15, noNaN: true }) }),
    unavailable: fc.record({ probability: fc.double({ min: 0, max: 0.15, noNaN: true }) }),
    drop: fc.record({
      probability: fc.double({ min: 0, max: 0.1, noNaN: true }),
      phase: fc.constantFrom('before-response' as const, 'mid-response' as const),
    }),
    latency: fc.record({ min: fc.constant(0), max: fc.integer({ min: 0, max: 3 }) }),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Faults>;

const earlyExit = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('take' as const), count: fc.integer({ min: 0, max: 1500 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('break' as const), count: fc.integer({ min: 1, max: 1500 }) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('abort' as const), count: fc.integer({ min: 1, max: 1500 }) }), weight: 1 },
);

function jobsFor(count: number, seed: number, granularity: number): EmulatorJob[] {
  return generateJobs({ count, seed }).map((job) => ({
    ...job,
    creationTime: new Date(Math.floor(new Date(job.creationTime).getTime() / granularity) * granularity),
  }));
}

type FilterShape = typeof filterShape extends fc.Arbitrary<infer S> ? S : never;

function filterFor(jobs: readonly EmulatorJob[], shape: FilterShape) {
  const times = jobs.map((job) => new Date(job.creationTime).getTime());
  const [low, high] = [Math.min(...times, 0), Math.max(...times, 1)];
  const [a, b] = [...(shape.window ?? [0, 1])].sort((x, y) => x - y) as [number, number];
  const at = (fraction: number) => new Date(Math.round(low + fraction * (high - low)));
  const reference: ReferenceFilter = {};
  const filter: Record<string, unknown> = {};
  for (const key of ['statusEquals', 'nameContains', 'sortOrder'] as const) {
    if (shape[key] !== undefined) filter[key] = (reference as Record<string, unknown>)[key] = shape[key];
  }
  const after = shape.after ? at(a) : undefined;
  let before = shape.before ? at(b) : undefined;
  if (after && before && before.getTime() <= after.getTime()) before = undefined;
  if (after) {
    filter.creationTimeAfter = shape.asString ? after.toISOString() : after;
    reference.creationTimeAfter = after;
  }
  if (before) {
    filter.creationTimeBefore = shape.asString ? before.toISOString() : before;
    reference.creationTimeBefore = before;
  }
  return { filter, reference };
}

afterAll(() => {
  console.log(`property runs: ${JSON.stringify(observed)}`);
});

test(`the items are the reference list, or its exact prefix, through faults, early exits and resumes (${RUNS} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(
      sizes,
      dataset,
      filterShape,
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: 3 }),
      faults,
      earlyExit,
      async ({ pageSize, count }, { seed, granularity }, shape, prefetch, retries, faultSet, exit) => {
        const jobs = jobsFor(count, seed, granularity);
        const { filter, reference } = filterFor(jobs, shape);
        const expected = referenceListing(jobs, reference);
        const emulator = await startEmulator({ jobs, faults: faultSet });
        const client = clientFor(emulator, { maxAttempts: 1 });
        try {
          const controller = new AbortController();
          const wanted = exit.kind === 'none' ? Number.POSITIVE_INFINITY : exit.count;
          const got: string[] = [];
          let startingToken: string | undefined;
          let resumes = 0;
          const retry = {
            retries,
            minTimeout: 0,
            randomize: false,
            onRetry: ({ attemptNumber }: { attemptNumber: number }) => {
              observed.longestRetrySequence = Math.max(observed.longestRetrySequence, attemptNumber + 1);
            },
          };

          for (;;) {
            try {
              let listing = paginateCustomizationJobs(filter, {
                client,
                pageSize,
                prefetch,
                retry,
                startingToken,
                signal: controller.signal,
              });
              if (exit.kind === 'take') listing = listing.take(exit.count - got.length) as typeof listing;
              for await (const job of listing) {
                got.push(job.jobArn as string);
                if (got.length === wanted && exit.kind === 'break') break;
                if (got.length === wanted && exit.kind === 'abort') controller.abort(new Error('consumer aborted'));
              }
              break;
            } catch (error) {
              if (controller.signal.aborted) {
                expect(error).toBe(controller.signal.reason);
                break;
              }
              if (!(error instanceof PaginationError) || error instanceof RepeatedTokenError) throw error;
              // The fault outlasted the retry budget: resume from the failed page.
              expect(error.itemsDelivered).toBeLessThanOrEqual(got.length);
              startingToken = error.resumeToken;
              resumes++;
              if (resumes > 500) throw new Error('resumed 500 times without finishing');
            }
          }

          observed.runs++;
          observed.resumes += resumes;
          observed.items += got.length;
          observed.requests += emulator.requests.length;
          if (exit.kind === 'abort') {
            // The rest of the page in hand may still come: a prefix at least `count` long, or all of it.
            expect(got).toEqual(expected.slice(0, got.length));
            expect(got.length).toBeGreaterThanOrEqual(Math.min(exit.count, expected.length));
          } else {
            expect(got).toEqual(expected.slice(0, wanted));
          }
        } finally {
          client.destroy();
          await emulator.close();
        }
      },
    ),
    { numRuns: RUNS, ...replay },
  );
}, 170_000);
