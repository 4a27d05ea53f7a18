import pRetry from 'p-retry';
import { redactTransport } from '../bedrock/redact-transport.js';
import { assertOptionalObject, inputError, rejectUnknownKeys } from '../validation/input-errors.js';
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
  if (options.randomize !== undefined && typeof options.randomize !== 'boolean') {
    throw inputError(TypeError, 'options.retry.randomize', options.randomize, 'a boolean');
  }
  if (options.onRetry !== undefined && typeof options.onRetry !== 'function') {
    throw inputError(TypeError, 'options.retry.onRetry', options.onRetry, 'a function');
  }
  // p-retry multiplies minTimeout by the jitter and the growth before it
  // applies the cap, so with no cap a delay could pass the longest timer
  // and fire at once; the longest timer is the cap that "none" can mean.
  const checked = { ...(retry as RetryOptions) };
  if (checked.maxTimeout === Number.POSITIVE_INFINITY) checked.maxTimeout = MAX_TIMER_MS;
  return checked;
}

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
]);
const TRANSIENT_NAMES = new Set([
  'InternalServerException',
  'ServiceUnavailableException',
  'InternalFailure',
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutError',
]);
const TRANSIENT_STATUSES = new Set([500, 502, 503, 504]);
const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
]);

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: { throttling?: unknown };
}

/**
 * Whether a failed request is worth retrying, by the error's name, HTTP
 * status and network code; the SDK leaves `$retryable` unset on
 * ThrottlingException, so it cannot be relied on.
 */
export function retryReason(error: unknown): RetryEvent['reason'] | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code, $metadata, $retryable } = error as ErrorLike;
  const status = $metadata?.httpStatusCode;
  if (status === 429 || THROTTLING_NAMES.has(name as string) || $retryable?.throttling === true) return 'throttling';
  if (TRANSIENT_STATUSES.has(status as number) || TRANSIENT_NAMES.has(name as string)) return 'transient';
  if (NETWORK_CODES.has(code as string)) return 'transient';
  return undefined;
}

/**
 * A request that took longer than the listing's `requestTimeout`: the
 * paginator aborted it itself, so the limit holds whatever the client's own
 * settings. Retried as a transient failure.
 *
 * `onRetry` sees it as the event's `error`; when the retries run out, it is
 * the `cause` of the listing's {@link PaginationError}.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs, RequestTimeoutError } from 'bedrock-customization-jobs';
 *
 * const jobs = paginateCustomizationJobs(
 *   {},
 *   {
 *     requestTimeout: 5_000,
 *     retry: {
 *       onRetry: ({ error, pageNumber }) => {
 *         if (error instanceof RequestTimeoutError) console.warn(`page ${pageNumber}: no answer in ${error.timeoutMs} ms`);
 *       },
 *     },
 *   },
 * );
 * ```
 */
export class RequestTimeoutError extends Error {
  /** `'RequestTimeoutError'`: what stack traces and logs show, and what the retry rules recognise. */
  override readonly name = 'RequestTimeoutError';
  /**
   * Paginators make these; the constructor is public so that tests and
   * wrappers can make the same error.
   *
   * @param timeoutMs - The limit that was exceeded.
   * @param options - The error the aborted request ended with, as `cause`.
   */
  constructor(
    /** The `requestTimeout` that the request exceeded, in ms. */
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(`the request got no answer within ${timeoutMs} ms`, options);
  }
}

/** An error from the last attempt, with how many attempts and requests were made and how long was spent waiting between them. */
export class AttemptsExhausted extends Error {
  constructor(
    readonly error: unknown,
    readonly attempts: number,
    readonly requests: number,
    readonly backoffMs: number,
  ) {
    super('attempts exhausted', { cause: error });
  }
}

/** `onRetry` threw: what it threw, and the failure it was told of. */
export class RetryCallbackFailure extends Error {
  constructor(
    readonly callbackError: unknown,
    readonly failure: unknown,
  ) {
    super('options.retry.onRetry threw', { cause: callbackError });
  }
}

/**
 * Requests one failed attempt sent: a client whose own retries are on
 * reports them in the SDK's `$metadata.attempts`.
 */
function requestsOf(error: unknown): number {
  const attempts = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata?.attempts;
  return typeof attempts === 'number' && Number.isInteger(attempts) && attempts > 1 ? attempts : 1;
}

/**
 * `promise`, or a rejection as soon as `signal` aborts, whichever comes
 * first: a client that ignores its `abortSignal` is cut off all the same,
 * and its late outcome is dropped.
 */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(signal.reason);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => {
      promise.catch(() => {});
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** How one page is tried. */
export interface AttemptPolicy {
  readonly retry: RetryOptions | false;
  /** Each attempt is aborted after this many ms; `Infinity` for no limit. */
  readonly requestTimeout: number;
}

/** p-retry's curve: `minTimeout · factor^n`, times [1, 2) when `randomize`, capped at `maxTimeout`. */
function backoffDelay(backoff: Backoff, retriesConsumed: number): number {
  const jitter = backoff.randomize ? 1 + Math.random() : 1;
  return Math.min(Math.round(jitter * backoff.minTimeout * backoff.factor ** retriesConsumed), backoff.maxTimeout);
}

/** Waits `ms`, or rejects with the signal's reason the moment it aborts; no timer is left behind either way. */
function abortableDelay(ms: number, signal: AbortSignal): Promise<void> {
  signal.throwIfAborted();
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

type Backoff = { -readonly [K in keyof typeof DEFAULT_RETRY]: (typeof DEFAULT_RETRY)[K] extends boolean ? boolean : number };

function withDefaults(retry: RetryOptions): Backoff {
  // An option given as undefined takes its default, as if it were left out.
  const backoff: Backoff = { ...DEFAULT_RETRY };
  for (const [key, value] of Object.entries(retry)) {
    if (value !== undefined && key !== 'onRetry') Object.assign(backoff, { [key]: value });
  }
  return backoff;
}

/**
 * Runs `attempt` until it succeeds, retrying throttling and transient
 * failures, timeouts included, with backoff through p-retry; anything else
 * fails at once. An abort of `signal` rejects with its reason, mid-request
 * or mid-wait.
 */
export async function withRetry<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  { retry, requestTimeout }: AttemptPolicy,
  signal: AbortSignal,
  pageNumber: number,
): Promise<T> {
  let attempts = 0;
  let requests = 0;
  let backoffMs = 0;
  let failedAt: number | undefined;
  const run = async () => {
    if (failedAt !== undefined) backoffMs += performance.now() - failedAt;
    attempts++;
    // A timer of our own, cleared when the attempt settles: AbortSignal.timeout
    // would keep every page's signal alive until its timeout ran out.
    const attemptController = new AbortController();
    const forward = () => attemptController.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    const timer = Number.isFinite(requestTimeout) ? setTimeout(() => attemptController.abort(), requestTimeout) : undefined;
    try {
      return await unlessAborted(attempt(attemptController.signal), attemptController.signal);
    } catch (error) {
      failedAt = performance.now();
      requests += requestsOf(error);
      if (attemptController.signal.aborted && !signal.aborted) {
        throw new RequestTimeoutError(requestTimeout, { cause: redactTransport(error) });
      }
      throw redactTransport(error);
    } finally {
      clearTimeout(timer);
      signal.removeEventListener('abort', forward);
    }
  };
  try {
    if (retry === false) return await run();
    const backoff = withDefaults(retry);
    const started = performance.now();
    // p-retry counts the attempts and keeps maxRetryTime; the wait is ours, so
    // that onRetry can be told how long it will be before it begins.
    return await pRetry(run, {
      ...backoff,
      // The wait itself is drawn in shouldRetry; p-retry's own is zero.
      minTimeout: 0,
      randomize: false,
      signal,
      shouldRetry: async ({ error, attemptNumber, retriesLeft, retriesConsumed }) => {
        if (signal.aborted) return false;
        const reason = retryReason(error);
        if (reason === undefined) return false;
        const left = backoff.maxRetryTime - (performance.now() - started);
        const delayMs = Math.max(0, Math.min(backoffDelay(backoff, retriesConsumed), left));
        try {
          retry.onRetry?.({ error, attemptNumber, retriesLeft: retriesLeft - 1, pageNumber, reason, delayMs });
        } catch (callbackError) {
          throw new RetryCallbackFailure(callbackError, error);
        }
        await abortableDelay(delayMs, signal);
        return true;
      },
    });
  } catch (error) {
    signal.throwIfAborted();
    throw new AttemptsExhausted(error, attempts, requests, backoffMs);
  }
}
