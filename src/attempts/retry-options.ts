import {
  assertOptionalBoolean,
  assertOptionalFunction,
  assertOptionalObject,
  inputError,
  rejectUnknownKeys,
} from '../validation/input-errors.js';
import { MAX_TIMER_MS, MAX_TIMER_TEXT } from '../validation/timer-limit.js';

/**
 * What `onRetry` is told before each retry of a page, so that a log or a
 * metric can show throttling as it happens rather than only when a listing
 * gives up. See {@link RetryOptions.onRetry}.
 */
export interface RetryEvent {
  /** The error of the attempt that failed. */
  readonly error: unknown;
  /** The attempt that failed, from 1. */
  readonly attemptNumber: number;
  /** Retries left for this page after this one. */
  readonly retriesLeft: number;
  /** The page being fetched, from 1 in this listing. */
  readonly pageNumber: number;
  /** Why it is retried. */
  readonly reason: 'throttling' | 'transient';
  /** How long the listing waits before the retry, in ms: the backoff drawn for it. */
  readonly delayMs: number;
}

/**
 * Backoff for each page, with p-retry's names and meaning. The delay before
 * retry n (from 1) is `minTimeout · factor^(n−1)`, times a random factor in
 * [1, 2) when `randomize`, capped at `maxTimeout`; no retry starts after
 * `maxRetryTime` ms.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * // A nightly export can wait longer than an interactive tool.
 * const jobs = paginateCustomizationJobs(
 *   {},
 *   {
 *     retry: {
 *       retries: 10,
 *       maxTimeout: 60_000,
 *       maxRetryTime: 10 * 60_000,
 *       onRetry: ({ reason, pageNumber, attemptNumber, retriesLeft }) =>
 *         console.warn(`page ${pageNumber}: attempt ${attemptNumber} failed (${reason}); ${retriesLeft} retries left`),
 *     },
 *   },
 * );
 * ```
 */
export interface RetryOptions {
  /** Retries after the first attempt; default 5. */
  readonly retries?: number | undefined;
  /**
   * Delay before the first retry, in ms, from 0 to 2,147,483,647 (about
   * 24.8 days, the longest timer Node keeps); default 500.
   */
  readonly minTimeout?: number | undefined;
  /**
   * Cap on one delay, in ms, from 0 to 2,147,483,647 (about 24.8 days, the
   * longest timer Node keeps); default 20,000. `Infinity` for no cap of
   * your own: a delay is still never longer than that timer.
   */
  readonly maxTimeout?: number | undefined;
  /** Growth of the delay per retry; default 2. */
  readonly factor?: number | undefined;
  /** Multiply each delay by a random factor in [1, 2) (jitter); default true. */
  readonly randomize?: boolean | undefined;
  /**
   * Give up on a page once this many ms have passed since its first attempt;
   * default Infinity. Any value ≥ 0 works: it is compared with the time
   * spent, never set as a timer.
   */
  readonly maxRetryTime?: number | undefined;
  /** Called before each retry; what it throws ends the listing. */
  readonly onRetry?: ((event: RetryEvent) => void) | undefined;
}

/**
 * The defaults: up to 5 retries a page, 0.5–1, 1–2, 2–4, 4–8 and 8–16 s apart.
 * Exported so that options can be written relative to them.
 *
 * @example
 * ```ts
 * import { DEFAULT_RETRY, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * // Twice the default patience, with the same backoff curve.
 * const jobs = paginateCustomizationJobs({}, { retry: { retries: DEFAULT_RETRY.retries * 2 } });
 * ```
 */
export const DEFAULT_RETRY = {
  /** Retries after the first attempt. */
  retries: 5,
  /** Delay before the first retry, in ms. */
  minTimeout: 500,
  /** Cap on one delay, in ms. */
  maxTimeout: 20_000,
  /** Growth of the delay per retry. */
  factor: 2,
  /** Each delay is multiplied by a random factor in [1, 2), so that clients throttled together do not retry together. */
  randomize: true,
  /** No limit on the time spent on one page: `retries` bounds it. */
  maxRetryTime: Number.POSITIVE_INFINITY,
} as const satisfies RetryOptions;

const RETRY_KEYS = ['retries', 'minTimeout', 'maxTimeout', 'factor', 'randomize', 'maxRetryTime', 'onRetry'];

/**
 * Checks `retry` eagerly, with p-retry's own ranges and the longest timer,
 * and returns a copy: the caller's object is never read again.
 */
export function validateRetryOptions(retry: unknown): RetryOptions | false {
  if (retry === false) return false;
  assertOptionalObject(retry, 'options.retry');
  if (retry === undefined) return {};
  rejectUnknownKeys(retry, RETRY_KEYS, 'options.retry');
  const options = retry as Record<string, unknown>;
  const number = (key: string, allowed: string, ok: (value: number) => boolean) => {
    const value = options[key];
    if (value === undefined) return;
    if (typeof value !== 'number') throw inputError(TypeError, `options.retry.${key}`, value, allowed);
    if (!ok(value)) throw inputError(RangeError, `options.retry.${key}`, value, allowed);
  };
  number(
    'retries',
    'a whole number ≥ 0, or Infinity',
    (value) => value >= 0 && (Number.isInteger(value) || value === Number.POSITIVE_INFINITY),
  );
  const timer = `a number of ms from 0 to ${MAX_TIMER_TEXT}`;
  number('minTimeout', timer, (value) => value >= 0 && value <= MAX_TIMER_MS);
  number(
    'maxTimeout',
    `${timer}, or Infinity`,
    (value) => value >= 0 && (value <= MAX_TIMER_MS || value === Number.POSITIVE_INFINITY),
  );
  number('factor', 'a finite number > 0', (value) => value > 0 && Number.isFinite(value));
  number('maxRetryTime', 'a number of ms ≥ 0, or Infinity', (value) => value >= 0);
  assertOptionalBoolean(options.randomize, 'options.retry.randomize');
  assertOptionalFunction(options.onRetry, 'options.retry.onRetry');
  // p-retry multiplies minTimeout by the jitter and the growth before it
  // applies the cap, so with no cap a delay could pass the longest timer
  // and fire at once; the longest timer is the cap that "none" can mean.
  const checked = { ...(retry as RetryOptions) };
  if (checked.maxTimeout === Number.POSITIVE_INFINITY) checked.maxTimeout = MAX_TIMER_MS;
  return checked;
}
