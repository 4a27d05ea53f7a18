import pRetry from 'p-retry';
import type { PaceTicket } from '../pacing/quota.js';
import { MAX_TIMER_MS } from '../validation/timer-limit.js';
import { abortableDelay } from './abortable-delay.js';
import { RequestTimeoutError } from './request-timeout-error.js';
import { DEFAULT_RETRY, type RetryEvent, type RetryOptions } from './retry-options.js';

/**
 * What only the API knows about a failed attempt, passed in by the front
 * end: the engine itself knows no service's errors.
 */
export interface AttemptRules {
  /** Why a failure is worth another attempt, and any wait the service asked for; `undefined`: not retried. */
  readonly classify: (
    error: unknown,
  ) => { readonly reason: RetryEvent['reason']; readonly retryAfterMs?: number | undefined } | undefined;
  /** HTTP requests one failed attempt sent: more than 1 where the client retried on its own. Default 1. */
  readonly requestsOf?: ((error: unknown) => number) | undefined;
  /** Makes an error safe to hand out (drops what must not leak); returns it. Default: as it is. */
  readonly redact?: ((error: unknown) => unknown) | undefined;
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
  /**
   * Waits for each attempt's turn in its quota, before the attempt's timer
   * starts, and is told how the attempt went: a pacer's, when there is one.
   */
  readonly pace?: ((signal: AbortSignal) => Promise<PaceTicket>) | undefined;
  /** Each attempt is aborted after this many ms; `Infinity` for no limit. */
  readonly requestTimeout: number;
}

/** p-retry's curve: `minTimeout · factor^n`, times [1, 2) when `randomize`, capped at `maxTimeout`. */
function backoffDelay(backoff: Backoff, retriesConsumed: number): number {
  const jitter = backoff.randomize ? 1 + Math.random() : 1;
  return Math.min(Math.round(jitter * backoff.minTimeout * backoff.factor ** retriesConsumed), backoff.maxTimeout);
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
  { retry, requestTimeout, pace }: AttemptPolicy,
  rules: AttemptRules,
  signal: AbortSignal,
  pageNumber: number,
): Promise<T> {
  const { classify, requestsOf = () => 1, redact = (error: unknown) => error } = rules;
  let attempts = 0;
  let requests = 0;
  let backoffMs = 0;
  let failedAt: number | undefined;
  const run = async () => {
    if (failedAt !== undefined) backoffMs += performance.now() - failedAt;
    // The turn in the quota comes first: the request timeout runs for the request alone.
    const ticket = pace === undefined ? undefined : await pace(signal);
    attempts++;
    // A timer of our own, cleared when the attempt settles: AbortSignal.timeout
    // would keep every page's signal alive until its timeout ran out.
    const attemptController = new AbortController();
    const forward = () => attemptController.abort(signal.reason);
    signal.addEventListener('abort', forward, { once: true });
    const timer = Number.isFinite(requestTimeout) ? setTimeout(() => attemptController.abort(), requestTimeout) : undefined;
    try {
      const result = await unlessAborted(attempt(attemptController.signal), attemptController.signal);
      ticket?.settle('succeeded');
      return result;
    } catch (error) {
      ticket?.settle(classify(error)?.reason === 'throttling' ? 'throttled' : 'failed');
      failedAt = performance.now();
      requests += requestsOf(error);
      if (attemptController.signal.aborted && !signal.aborted) {
        throw new RequestTimeoutError(requestTimeout, { cause: redact(error) });
      }
      throw redact(error);
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
        // A timeout is the engine's own doing, so it knows it is transient; everything else the front end judges.
        const verdict = error instanceof RequestTimeoutError ? { reason: 'transient' as const } : classify(error);
        if (verdict === undefined) return false;
        const { reason, retryAfterMs = 0 } = verdict;
        const left = backoff.maxRetryTime - (performance.now() - started);
        // A wait the service asked for (Retry-After) is honoured, even past maxTimeout: retrying sooner is throttled again.
        const wanted = Math.min(Math.max(backoffDelay(backoff, retriesConsumed), retryAfterMs), MAX_TIMER_MS);
        const delayMs = Math.max(0, Math.min(wanted, left));
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
