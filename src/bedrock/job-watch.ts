/**
 * `watch*Jobs`: the jobs that match a filter as events, from one listing
 * per source per poll. Each source keeps its own record and its own window,
 * reckoned from its own timestamps, so that regions whose clocks differ do
 * not narrow one another's windows.
 */
import { AsyncChain } from '../chain/async-chain.js';
import { LISTING_OPTION_KEYS } from '../paging/listing-options.js';
import {
  assertOptionalBoolean,
  assertOptionalFunction,
  assertOptionalObject,
  rejectUnknownKeys,
} from '../validation/input-errors.js';
import { pollLoop } from '../watch/poll-loop.js';
import { runSignal } from '../watch/run-signal.js';
import type { WatchEvent } from '../watch/watch-event.js';
import { validatePolling } from '../watch/watch-options.js';
import { WatchState } from '../watch/watch-state.js';
import type { BedrockClientLike } from './client-like.js';
import { defaultClient } from './default-client.js';
import { pacerOf } from './default-pacer.js';
import { passesWithTime } from './error-classification.js';
import { jobStateRules, type ListWindow, nextWindowStart, type PollListingOptions, windowLister } from './job-window.js';
import { type AnyListingKind, type FilterOf, type FilterRule, itemArn, itemTime, type ListingKind } from './listing-kind.js';
import { sourcesOf } from './multi-source.js';
import { type MultiSourceOptions, type Paginator, paginatorOf } from './paginate.js';

/**
 * Options of every `watch*` function: those of a listing (without a
 * starting token: a watch starts from the current state), a single `client`
 * or several sources (`regions` or `clients`), and how to poll.
 *
 * @example
 * ```ts
 * import { type WatchOptions, watchCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const options: WatchOptions = {
 *   interval: 60_000,
 *   initial: false,
 *   regions: ['us-east-1', 'us-west-2'],
 *   onPollError: (error) => console.warn(`poll failed, trying again at the next interval: ${error}`),
 *   timeout: 8 * 3_600_000,
 * };
 * const changes = watchCustomizationJobs({}, options);
 * ```
 */
export interface WatchOptions extends Omit<MultiSourceOptions, 'startingToken' | 'dedupe' | 'onSourceError' | 'onSourceSkipped'> {
  /** The client of a single source; default the library's own, as for listings. Not with `regions` or `clients`. */
  readonly client?: BedrockClientLike | undefined;
  /**
   * Milliseconds from the end of one poll to the start of the next, from 0
   * to 2,147,483,647; default 30,000. Each wait is this times a random factor
   * in [0.9, 1.1), so that watches started together spread out.
   */
  readonly interval?: number | undefined;
  /** Whether the first poll yields an `added` event for every job that matches now; default true. `false` yields changes only. */
  readonly initial?: boolean | undefined;
  /**
   * Ends the watch after this many ms, rejecting with a `TimeoutError`
   * DOMException as `AbortSignal.timeout` does: more than 0 and at most
   * 2,147,483,647, or Infinity (default: no limit).
   */
  readonly timeout?: number | undefined;
  /**
   * Told of a poll that failed after its retries with a failure that time
   * may mend (throttling, a server error, a timeout); the watch polls again
   * at the next interval. A failure that time does not mend (access denied,
   * a bad request, no credentials) ends the watch instead. What it throws
   * ends the watch.
   */
  readonly onPollError?: ((error: unknown) => void) | undefined;
}

const WATCH_OPTION_KEYS = [
  ...LISTING_OPTION_KEYS.filter((key) => key !== 'startingToken'),
  'client',
  'regions',
  'clients',
  'interval',
  'initial',
  'timeout',
  'onPollError',
];

/**
 * One source's record of what it has seen, and its window. The window is
 * reckoned over every job listed, matching or not, so that a job that
 * comes to match the filter later (a running job that fails, under
 * `statusEquals: 'Failed'`) is still inside it when it does.
 */
class WatchedSource<Summary extends object> {
  readonly #kind: ListingKind<object, Summary>;
  readonly #list: ListWindow<Summary>;
  readonly #matches: (job: Summary) => boolean;
  /** The events' record: the jobs that match. */
  readonly #state: WatchState<Summary>;
  /** Every job in the window, matching or not, by ARN: what the next window is reckoned from. */
  readonly #jobs = new Map<string, Summary>();
  /** Where the next poll's window opens; `undefined` lists every job. */
  #start: number | undefined;
  /** Whether a poll of this source has succeeded: the first one is the current state. */
  #polled = false;

  constructor(kind: ListingKind<object, Summary>, list: ListWindow<Summary>, matches: (job: Summary) => boolean) {
    this.#kind = kind;
    this.#list = list;
    this.#matches = matches;
    this.#state = new WatchState<Summary>(jobStateRules(kind));
  }

  #forget(key: string): void {
    this.#jobs.delete(key);
    this.#state.forget(key);
  }

  async poll(signal: AbortSignal, initial: boolean): Promise<WatchEvent<Summary>[]> {
    const start = this.#start;
    const jobs = await this.#list(start, signal).toArray();
    const events = this.#state.observe(jobs.filter(this.#matches), this.#polled || initial);
    this.#polled = true;
    const listed = new Set<string>();
    for (const job of jobs) {
      const key = itemArn(this.#kind, job);
      listed.add(key);
      this.#jobs.set(key, job);
      // A job that no longer matches leaves the record: it will not match again, its status having moved on.
      if (!this.#matches(job)) this.#state.forget(key);
    }
    // A job inside the window that the listing no longer shows is gone, or no longer matches the filter.
    for (const [key, job] of this.#jobs) {
      if (!listed.has(key) && (start === undefined || itemTime(this.#kind, job) > start)) this.#forget(key);
    }
    this.#start = nextWindowStart(this.#kind, this.#jobs.values());
    // A job that ended before the next window opens is final: it needs no record.
    if (this.#start !== undefined) {
      for (const [key, job] of this.#jobs) if (itemTime(this.#kind, job) < this.#start) this.#forget(key);
    }
    return events;
  }
}

/**
 * The filter fields that a job can come to match or stop matching as it
 * runs (`statusEquals`): a watch applies them to what it lists rather than
 * sending them, so that its window sees every job that can still change.
 */
function changingFields(kind: AnyListingKind, filter: Readonly<Record<string, unknown>>) {
  const local = Object.entries(kind.filters).flatMap(([member, rule]) => {
    const match = (rule as FilterRule & { match?: { field: string; how: string } }).match;
    return filter[member] !== undefined && match?.field === 'status' && match.how === 'equals'
      ? [{ member, field: match.field, value: filter[member] }]
      : [];
  });
  const sent = Object.fromEntries(Object.entries(filter).filter(([member]) => !local.some((each) => each.member === member)));
  const matches = (job: object) => local.every(({ field, value }) => (job as Record<string, unknown>)[field] === value);
  return { sent, matches };
}

/** The signature of every `watch*` function. */
export type Watcher<Request extends object, Summary extends object> = (
  filter?: FilterOf<Request>,
  options?: WatchOptions,
) => AsyncChain<WatchEvent<Summary>>;

/**
 * Makes the watch of a kind of jobs from its declaration. Bad input throws at
 * the call, before any request; nothing is requested before the first `next()`.
 */
export function watcherOf<Request extends object, Summary extends object>(
  kind: ListingKind<Request, Summary>,
): Watcher<Request, Summary> {
  const paginate = paginatorOf(kind) as unknown as Paginator<object, Summary>;
  return (filter, options = {}) => {
    assertOptionalObject(options, 'options');
    rejectUnknownKeys(options, WATCH_OPTION_KEYS, 'options');
    const { interval, initial = true, timeout, onPollError, ...listing } = options;
    const polling = validatePolling({ interval, timeout });
    assertOptionalBoolean(initial, 'options.initial');
    assertOptionalFunction(onPollError, 'options.onPollError', '(error) => void');
    // The paginator checks the filter and the listing options, and makes no request.
    paginate(filter as object, listing as never);
    const { pageSize, retry, requestTimeout, prefetch, signal } = listing;
    // Each poll names its client, so the pacer is chosen here, from the options as given.
    const pacer = pacerOf(listing);
    const pollOptions: PollListingOptions = { pageSize, retry, requestTimeout, prefetch, pacer };
    const clients = sourcesOf(listing)?.map((source) => source.client) ?? [() => listing.client ?? defaultClient()];
    const what = `watch of ${kind.operation}`;

    return AsyncChain.ofBatches<WatchEvent<Summary>>((_limit, cancel) => {
      const { sent, matches } = changingFields(kind, (filter ?? {}) as Record<string, unknown>);
      const sources = clients.map(
        (client) =>
          new WatchedSource<Summary>(
            kind as unknown as ListingKind<object, Summary>,
            windowLister(kind, paginate, sent, pollOptions, client),
            matches,
          ),
      );
      return watchRun(sources, { ...polling, initial, onPollError, signal, cancel, what });
    });
  };
}

/** One run of a watch: every source polled together at each round, the events in the sources' order. */
async function* watchRun<Summary extends object>(
  sources: readonly WatchedSource<Summary>[],
  options: {
    interval: number;
    timeout: number | undefined;
    initial: boolean;
    onPollError: ((error: unknown) => void) | undefined;
    signal: AbortSignal | undefined;
    cancel: AbortSignal | undefined;
    what: string;
  },
): AsyncGenerator<readonly WatchEvent<Summary>[]> {
  const run = runSignal(options.what, options);
  try {
    const poll = async (signal: AbortSignal) => {
      const results = await Promise.allSettled(sources.map((source) => source.poll(signal, options.initial)));
      const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      signal.throwIfAborted();
      const fatal = failures.find((error) => !passesWithTime(error));
      if (fatal !== undefined) throw fatal;
      for (const error of failures) options.onPollError?.(error);
      return results.flatMap((result) => (result.status === 'fulfilled' ? result.value : []));
    };
    yield* pollLoop({ poll, interval: options.interval }, run.signal);
  } finally {
    run.dispose();
  }
}
