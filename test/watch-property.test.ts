/**
 * Property (issue 12, point 2): over a random history of creations and
 * transitions, a watch yields one event per job that changed between two
 * polls, in the order the polls saw them, none missed and none repeated;
 * the first poll's `added` events list every job once. The service is a
 * model behind a stand-in client, whose clock is years away from the
 * machine's either way (point 5: windows come from the service's own
 * timestamps), whose time filter excludes its own bound, whose pages are
 * small, whose jobs come to match a status filter and stop matching it as
 * they run, and whose jobs may show up in the listing a few minutes after the
 * time they carry.
 *
 * WATCH_PROPERTY_RUNS=2000 runs more.
 */
import { ListModelCustomizationJobsCommand, type ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';
import { type WatchEvent, watchCustomizationJobs } from '../src/index.js';

const RUNS = Number(process.env.WATCH_PROPERTY_RUNS ?? 300);
const MINUTE = 60_000;
const YEAR = 365 * 24 * 60 * MINUTE;
const observed = { runs: 0, polls: 0, events: 0, windowedRequests: 0 };

type Step =
  | { readonly type: 'create'; readonly late: number }
  | { readonly type: 'end'; readonly pick: number; readonly to: 'Completed' | 'Failed' | 'Stopping' }
  | { readonly type: 'stop'; readonly pick: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  // A job may carry a time up to 4 minutes older than when it shows up: within the watch's 5-minute margin.
  fc.record({ type: fc.constant('create' as const), late: fc.integer({ min: 0, max: 4 * MINUTE }) }),
  fc.record({
    type: fc.constant('end' as const),
    pick: fc.nat(),
    to: fc.constantFrom('Completed' as const, 'Failed' as const, 'Stopping' as const),
  }),
  fc.record({ type: fc.constant('stop' as const), pick: fc.nat() }),
);

const history = fc.record({
  // The service's clock against the machine's: up to 30 years either way.
  offset: fc.integer({ min: -30 * YEAR, max: 30 * YEAR }),
  jobsAtStart: fc.integer({ min: 0, max: 12 }),
  pageSize: fc.integer({ min: 1, max: 6 }),
  initial: fc.boolean(),
  // A status filter, at times: a job comes to match it, or stops matching, as it runs.
  statusEquals: fc.option(
    fc.constantFrom('InProgress' as const, 'Completed' as const, 'Failed' as const, 'Stopping' as const, 'Stopped' as const),
    { nil: undefined },
  ),
  // Between two polls: how far the service's clock moves, and what happens.
  rounds: fc.array(
    fc.record({ advance: fc.integer({ min: 0, max: 48 * 60 * MINUTE }), steps: fc.array(step, { maxLength: 6 }) }),
    {
      minLength: 1,
      maxLength: 8,
    },
  ),
});

/** The service: its jobs, its clock, and its List as the API defines it (newest first, `creationTimeAfter` exclusive). */
class ModelService {
  now: number;
  readonly jobs: ModelCustomizationJobSummary[] = [];
  #serial = 0;

  constructor(offset: number) {
    this.now = Date.UTC(2026, 0, 1) + offset;
  }

  create(late = 0): void {
    const n = this.#serial++;
    const at = new Date(this.now - late);
    this.jobs.push({
      jobArn: `arn:aws:bedrock:us-east-1:123456789012:model-customization-job/${String(n).padStart(12, '0')}`,
      jobName: `job-${n}`,
      baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0',
      status: 'InProgress',
      creationTime: at,
      lastModifiedTime: at,
    });
  }

  apply(change: Step): void {
    if (change.type === 'create') {
      this.create(change.late);
      return;
    }
    const candidates = this.jobs.filter((job) =>
      change.type === 'stop' ? job.status === 'Stopping' : job.status === 'InProgress',
    );
    const job = candidates[change.pick % Math.max(candidates.length, 1)];
    if (job === undefined) return;
    const to = change.type === 'stop' ? 'Stopped' : change.to;
    const index = this.jobs.indexOf(job);
    const at = new Date(this.now);
    this.jobs[index] = { ...job, status: to, lastModifiedTime: at, ...(to === 'Stopping' ? {} : { endTime: at }) };
  }

  list(after: Date | undefined, status?: string): ModelCustomizationJobSummary[] {
    return this.jobs
      .filter((job) => after === undefined || (job.creationTime as Date).getTime() > after.getTime())
      .filter((job) => status === undefined || job.status === status)
      .sort(
        (a, b) =>
          (b.creationTime as Date).getTime() - (a.creationTime as Date).getTime() ||
          String(b.jobArn).localeCompare(String(a.jobArn)),
      );
  }
}

const stateOf = (job: ModelCustomizationJobSummary) =>
  JSON.stringify([job.status, job.lastModifiedTime?.getTime(), job.endTime?.getTime()]);

test(`a watch yields each change once, in order, none missed, whatever the history and the service's clock (${RUNS} runs)`, async () => {
  await fc.assert(
    fc.asyncProperty(history, async ({ offset, jobsAtStart, pageSize, initial, statusEquals, rounds }) => {
      observed.runs++;
      const service = new ModelService(offset);
      for (let n = 0; n < jobsAtStart; n++) {
        service.create();
        service.now += MINUTE;
      }
      const expected: { type: string; arn: string; state: string; previous?: string }[] = [];
      /** What the watch saw at its last poll: the state of each job. */
      let seen = new Map<string, string>();
      const stop = new AbortController();
      let polls = 0;
      // Each poll's first page starts a round: the round's history is applied first, and its events worked out.
      const expectPoll = () => {
        const round = polls === 0 ? undefined : rounds[polls - 1];
        if (round !== undefined) {
          service.now += round.advance;
          for (const change of round.steps) service.apply(change);
        }
        const matching = service.list(undefined, statusEquals);
        const now = new Map(matching.map((job) => [job.jobArn as string, stateOf(job)]));
        for (const job of matching) {
          const arn = job.jobArn as string;
          const before = seen.get(arn);
          if (before === undefined && (polls > 0 || initial)) expected.push({ type: 'added', arn, state: stateOf(job) });
          if (before !== undefined && before !== stateOf(job)) {
            expected.push({ type: 'changed', arn, state: stateOf(job), previous: before });
          }
        }
        seen = now;
        polls++;
      };
      const client = {
        send: async (command: ListModelCustomizationJobsCommand) => {
          expect(command).toBeInstanceOf(ListModelCustomizationJobsCommand);
          const { nextToken, maxResults = 1000, creationTimeAfter, statusEquals: sent } = command.input;
          if (nextToken === undefined) {
            // One poll after the last round's: then the watch has had its chance to see every change.
            if (polls === rounds.length + 1) {
              stop.abort(new Error('history done'));
              throw stop.signal.reason;
            }
            expectPoll();
            if (creationTimeAfter !== undefined) observed.windowedRequests++;
          }
          const after = creationTimeAfter === undefined ? undefined : new Date(creationTimeAfter);
          const all = service.list(after, sent);
          const start = Number(nextToken ?? 0);
          const page = all.slice(start, start + maxResults);
          return {
            modelCustomizationJobSummaries: page.map((job) => ({ ...job })),
            nextToken: start + maxResults < all.length ? String(start + maxResults) : undefined,
            $metadata: {},
          };
        },
      };
      const events: WatchEvent<ModelCustomizationJobSummary>[] = [];
      const watch = watchCustomizationJobs(statusEquals === undefined ? {} : { statusEquals }, {
        client,
        interval: 0,
        initial,
        pageSize,
        signal: stop.signal,
        retry: false,
      });
      await expect(
        (async () => {
          for await (const event of watch) events.push(event);
        })(),
      ).rejects.toThrow('history done');
      observed.polls += polls;
      observed.events += events.length;
      const got = events.map((event) => ({
        type: event.type,
        arn: event.job.jobArn as string,
        state: stateOf(event.job),
        ...(event.type === 'changed' ? { previous: stateOf(event.previous) } : {}),
      }));
      expect(got).toEqual(expected);
    }),
    { numRuns: RUNS },
  );
}, 120_000);

afterAll(() => {
  // The runs must have exercised what the property is about.
  expect(observed.runs).toBeGreaterThanOrEqual(RUNS);
  expect(observed.events).toBeGreaterThan(RUNS);
  expect(observed.windowedRequests).toBeGreaterThan(RUNS / 2);
  console.log(`watch property: ${observed.runs} runs, ${observed.polls} polls, ${observed.events} events`);
});
