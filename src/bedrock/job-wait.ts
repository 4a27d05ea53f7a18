/**
 * `waitFor*Job` and `waitFor*Jobs`: any number of jobs waited for with one
 * listing a poll, of the window from the oldest job not yet ended. A job is
 * read with its kind's Get only where the listing cannot say: once at its
 * end, for what the summary lacks (the failure message, the output model),
 * and when the listing does not show it yet (a job created a moment ago).
 */
import { AttemptsExhausted, withRetry } from '../attempts/retry.js';
import { validateRetryOptions } from '../attempts/retry-options.js';
import { DEFAULT_REQUEST_TIMEOUT } from '../paging/listing-options.js';
import { assertOptionalFunction, assertOptionalObject, inputError, rejectUnknownKeys } from '../validation/input-errors.js';
import { pollLoop } from '../watch/poll-loop.js';
import { runSignal } from '../watch/run-signal.js';
import type { WatchEvent } from '../watch/watch-event.js';
import { validatePolling } from '../watch/watch-options.js';
import { WatchState } from '../watch/watch-state.js';
import { NAME_CONTAINS_PATTERN } from './api-limits.js';
import { arnParts } from './arn-parts.js';
import { configurationError } from './client-configuration.js';
import { defaultClient } from './default-client.js';
import { pacerOf } from './default-pacer.js';
import { BEDROCK_ATTEMPT_RULES } from './error-classification.js';
import { JobFailedError } from './job-failed-error.js';
import { isRunning, jobStateRules, WINDOW_MARGIN_MS, windowLister } from './job-window.js';
import { type AnyListingKind, itemArn, itemTime, type ListingKind } from './listing-kind.js';
import { type PaginateOptions, type Paginator, paginatorOf } from './paginate.js';
import { pacing } from './quota-key.js';

/**
 * Options of every `waitFor*` function.
 *
 * @example
 * ```ts
 * import { type WaitOptions, waitForCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const options: WaitOptions = {
 *   interval: 60_000,
 *   timeout: 12 * 3_600_000,
 *   onChange: (event) => console.log(`${event.job.jobName}: ${event.job.status}`),
 * };
 * const results = await waitForCustomizationJobs(['support-bot-v2', 'support-bot-v3'], options);
 * ```
 */
export interface WaitOptions<Summary = Record<string, unknown>>
  extends Pick<PaginateOptions, 'client' | 'signal' | 'retry' | 'requestTimeout' | 'pageSize' | 'pacer'> {
  /**
   * Milliseconds from the end of one poll to the start of the next, from 0
   * to 2,147,483,647; default 30,000, each wait times a random factor in
   * [0.9, 1.1).
   */
  readonly interval?: number | undefined;
  /**
   * Rejects the wait after this many ms with a `TimeoutError` DOMException,
   * as `AbortSignal.timeout` does: more than 0 and at most 2,147,483,647, or
   * Infinity (default: no limit, since a fine-tuning job runs for hours).
   */
  readonly timeout?: number | undefined;
  /**
   * Told of each job's state as the polls see it: `added` when it is first
   * found, then `changed` at each change of its status or times. What it
   * throws rejects the wait.
   */
  readonly onChange?: ((event: WatchEvent<Summary>) => void) | undefined;
}

/** One job's end, as `waitFor*Jobs` resolves with it. */
export interface WaitResult<Job> {
  /** The identifier as it was given. */
  readonly identifier: string;
  /** The status it ended with: `Completed`, `Failed`, `Stopped` … */
  readonly status: string;
  /** Its Get output at its end. */
  readonly job: Job;
}

const WAIT_OPTION_KEYS = ['client', 'signal', 'retry', 'requestTimeout', 'pageSize', 'pacer', 'interval', 'timeout', 'onChange'];

/** The most jobs one wait takes. */
export const MAX_WAIT_IDENTIFIERS = 1000;

const JOB_ID_PATTERN = /^[a-z0-9]{12}$/;

/** The identifiers a kind's waits take: the ARN, and what its Get takes besides, in words. */
export function identifierRule(kind: AnyListingKind): string {
  const also = {
    name: ', or its job name (1 to 63 letters, digits and + - ., the first a letter or a digit)',
    resourceId: ', or the 12-character job ID that ends its ARN',
  };
  return `the ARN of a ${kind.noun} (arn:aws:bedrock:…)${kind.get?.alsoBy ? also[kind.get.alsoBy] : ''}`;
}

/** Checks one identifier against the forms that the kind's Get takes. */
function checkIdentifier(kind: AnyListingKind, value: unknown, field: string): void {
  const rule = identifierRule(kind);
  if (typeof value !== 'string') throw inputError(TypeError, field, value, rule);
  let valid: boolean;
  if (value.startsWith('arn:')) {
    try {
      valid = arnParts(value).service === 'bedrock';
    } catch {
      valid = false;
    }
  } else if (kind.get?.alsoBy === 'name') {
    valid = value.length <= 63 && NAME_CONTAINS_PATTERN.test(value);
  } else {
    valid = kind.get?.alsoBy === 'resourceId' && JOB_ID_PATTERN.test(value);
  }
  if (!valid) throw inputError(RangeError, field, value, rule);
}

/** The identifiers that name a listed job, in the forms the kind's Get takes: its ARN, and its name or its ID. */
function namesOf(kind: AnyListingKind, job: object): string[] {
  const arn = itemArn(kind, job);
  if (kind.get?.alsoBy === 'name') return [arn, String((job as { jobName?: unknown }).jobName)];
  if (kind.get?.alsoBy === 'resourceId') return [arn, arn.slice(arn.lastIndexOf('/') + 1)];
  return [arn];
}

/** Whether a listed job is the one an identifier names, by the forms the kind's Get takes. */
export function isNamedBy(kind: AnyListingKind, job: object, identifier: string): boolean {
  return namesOf(kind, job).includes(identifier);
}

/** Why a job failed, from the Get output's own field for it. */
export function failureMessageOf(kind: AnyListingKind, job: object): string | undefined {
  const value = (job as Record<string, unknown>)[kind.get?.failureField ?? 'failureMessage'];
  if (Array.isArray(value)) return value.length > 0 ? value.join('; ') : undefined;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The waits of one kind of jobs. */
export interface Waiters<Summary extends object, Job extends object> {
  readonly one: (identifier: string, options?: WaitOptions<Summary>) => Promise<Job>;
  readonly all: (identifiers: readonly string[], options?: WaitOptions<Summary>) => Promise<WaitResult<Job>[]>;
}

/** Makes the waits of a kind of jobs from its declaration. Bad input rejects before any request. */
export function waitersOf<Request extends object, Summary extends object, Job extends object>(
  kind: ListingKind<Request, Summary>,
): Waiters<Summary, Job> {
  const paginate = paginatorOf(kind) as unknown as Paginator<object, Summary>;
  const get = kind.get;
  if (get === undefined || kind.lifecycle === undefined) throw new TypeError(`${kind.operation} lists no jobs to wait for`);
  const getMember = (get.schemas.request[4] as readonly string[])[0] as string;

  const all = async (identifiers: readonly string[], options: WaitOptions<Summary> = {}, one = false) => {
    const field = one ? 'identifier' : 'identifiers';
    if (!one) {
      const rule = `an array of 1 to ${MAX_WAIT_IDENTIFIERS} identifiers: ${identifierRule(kind)}`;
      if (!Array.isArray(identifiers)) throw inputError(TypeError, field, identifiers, rule);
      if (identifiers.length < 1 || identifiers.length > MAX_WAIT_IDENTIFIERS) {
        throw inputError(RangeError, field, identifiers, rule);
      }
    }
    for (const [index, identifier] of identifiers.entries()) {
      checkIdentifier(kind, identifier, one ? field : `${field}[${index}]`);
    }
    assertOptionalObject(options, 'options');
    rejectUnknownKeys(options, WAIT_OPTION_KEYS, 'options');
    const { interval, timeout, onChange, client, signal, retry, requestTimeout = DEFAULT_REQUEST_TIMEOUT, pageSize } = options;
    const pacer = pacerOf(options);
    const polling = validatePolling({ interval, timeout });
    assertOptionalFunction(onChange, 'options.onChange', '(event) => void');
    // The paginator checks the listing options, and makes no request.
    paginate({}, { client, signal, retry, requestTimeout, pageSize, pacer });
    const sender = () => client ?? defaultClient();
    const policy = {
      retry: validateRetryOptions(retry),
      requestTimeout,
      pace: pacer && pacing(pacer, get.operation, sender),
    };

    /** The kind's Get of one job, with the listing's retries; its own error when it fails (ResourceNotFoundException …). */
    const read = async (identifier: string, abort: AbortSignal): Promise<Job> => {
      const command = new get.command({ [getMember]: identifier } as never);
      try {
        return await withRetry(
          (attemptSignal) => sender().send(command as never, { abortSignal: attemptSignal }) as Promise<Job>,
          policy,
          BEDROCK_ATTEMPT_RULES,
          abort,
          1,
        );
      } catch (error) {
        if (!(error instanceof AttemptsExhausted)) throw error;
        throw configurationError(error.error, get.operation) ?? error.error;
      }
    };

    // Newest first, said rather than assumed (the API documents no default order): the first poll stops at the last job found.
    const newestFirst = { sortBy: 'CreationTime', sortOrder: 'Descending' };
    const list = windowLister(kind, paginate, newestFirst, { pageSize, retry, requestTimeout, pacer }, sender);
    const statusOf = (job: object) => String((job as { status?: unknown }).status);
    const changes = new WatchState<Summary>(jobStateRules(kind));
    /** Each identifier not yet ended, with the service's time of its job once known. */
    const pending = new Map<string, number | undefined>(identifiers.map((identifier) => [identifier, undefined]));
    const ended = new Map<string, WaitResult<Job>>();
    const endings = new Map<string, Promise<Job>>();

    const poll = async (abort: AbortSignal, round: number) => {
      const times = [...pending.values()];
      const start =
        round === 0 || times.some((time) => time === undefined || Number.isNaN(time))
          ? undefined
          : Math.min(...(times as number[])) - WINDOW_MARGIN_MS;
      /** Each pending identifier's job, as the listing shows it. */
      const found = new Map<string, Summary>();
      for await (const job of list(start, abort)) {
        for (const name of namesOf(kind, job)) if (pending.has(name)) found.set(name, job);
        // The first poll lists the whole account, newest first, only until every job is found: most waits are for recent jobs.
        if (round === 0 && found.size === pending.size) break;
      }
      const seen = new Map<string, Summary>();
      for (const identifier of [...pending.keys()]) {
        let job: object | undefined = found.get(identifier);
        let fromGet: Job | undefined;
        // Not listed (yet): a job created a moment ago, or none at all, which rejects the wait.
        if (job === undefined) job = fromGet = await read(identifier, abort);
        pending.set(identifier, itemTime(kind, job));
        seen.set(itemArn(kind, job), job as Summary);
        if (isRunning(kind, job)) continue;
        const arn = itemArn(kind, job);
        let ending = endings.get(arn);
        if (ending === undefined) {
          ending = fromGet !== undefined ? Promise.resolve(fromGet) : read(arn, abort);
          endings.set(arn, ending);
        }
        const final = await ending;
        // Should the Get lag behind the listing, the listing's end stands.
        const status = statusOf(isRunning(kind, final) ? job : final);
        ended.set(identifier, { identifier, status, job: final });
        pending.delete(identifier);
      }
      for (const event of changes.observe([...seen.values()])) onChange?.(event);
      return pending.size === 0 ? [true] : [];
    };

    const run = runSignal(`wait for ${identifiers.length === 1 ? kind.noun : `${identifiers.length} ${kind.noun}s`}`, {
      signal,
      timeout: polling.timeout,
    });
    try {
      for await (const _done of pollLoop({ poll, interval: polling.interval }, run.signal)) break;
    } finally {
      run.dispose();
    }
    return identifiers.map((identifier) => ended.get(identifier) as WaitResult<Job>);
  };

  return {
    all: (identifiers, options) => all(identifiers, options),
    one: async (identifier, options) => {
      const [result] = (await all([identifier], options, true)) as [WaitResult<Job>];
      if (kind.lifecycle?.succeeded.includes(result.status)) return result.job;
      throw new JobFailedError(kind.noun, identifier, result.status, failureMessageOf(kind, result.job), result.job);
    },
  };
}
