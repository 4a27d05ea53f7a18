import { type RetryOptions, validateRetryOptions } from '../attempts/retry-options.js';
import { isPacer, type Pacer } from '../pacing/pacer.js';
import { assertOptionalObject, inputError } from '../validation/input-errors.js';
import { MAX_TIMER_MS, MAX_TIMER_TEXT } from '../validation/timer-limit.js';

/**
 * The paging options every listing takes. All are checked when the listing
 * is made, so that a mistake throws at the call, not at the first request.
 *
 * @example
 * ```ts
 * import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const jobs = paginateCustomizationJobs(
 *   { nameContains: 'support' },
 *   { pageSize: 50, prefetch: 2, requestTimeout: 10_000, signal: AbortSignal.timeout(60_000), retry: { retries: 3 } },
 * );
 * ```
 */
export interface ListingOptions {
  /** Items asked for per request, 1 to the API's maximum; default the maximum. */
  readonly pageSize?: number | undefined;
  /** Start from this page token instead of the first page: a page's `nextToken` or an error's `resumeToken`. */
  readonly startingToken?: string | undefined;
  /** Aborting it cancels the request in flight and any backoff wait; the iterator rejects with its reason. */
  readonly signal?: AbortSignal | undefined;
  /** Backoff for throttling and transient failures, per page; `false` turns retrying off. */
  readonly retry?: RetryOptions | false | undefined;
  /**
   * Pages to fetch ahead of the consumer, from 0 to 100; default 1: the next
   * page is on its way while the consumer works on this one. `0` fetches
   * only on demand.
   */
  readonly prefetch?: number | undefined;
  /**
   * Milliseconds one request may take before the paginator aborts it and
   * retries it as a transient failure; default 30,000. It holds whatever the
   * client's own settings. At most 2,147,483,647 (about 24.8 days, the
   * longest timer Node keeps); `Infinity` for no limit.
   */
  readonly requestTimeout?: number | undefined;
  /**
   * Paces the listing's requests with every other listing, watch and wait
   * that shares it: see {@link createPacer}. Default: for the library's own
   * clients, one adaptive pacer for the process; for a client of yours,
   * none.
   */
  readonly pacer?: Pacer | undefined;
}

export const LISTING_OPTION_KEYS = [
  'pageSize',
  'startingToken',
  'signal',
  'retry',
  'prefetch',
  'requestTimeout',
  'pacer',
] as const;

/** The default read-ahead: one page. */
export const DEFAULT_PREFETCH = 1;

/**
 * The most pages a listing may read ahead. One request is in flight at a
 * time, so past a few pages a deeper read-ahead buys little but memory:
 * up to 100 pages of items held unconsumed.
 */
export const MAX_PREFETCH = 100;

/** The default limit on one request, in ms. */
export const DEFAULT_REQUEST_TIMEOUT = 30_000;

/** Checked listing options. */
export interface ListingConfig {
  readonly operation: string;
  readonly pageSize: number;
  readonly startingToken: string | undefined;
  readonly signal: AbortSignal | undefined;
  readonly retry: RetryOptions | false;
  readonly prefetch: number;
  readonly requestTimeout: number;
}

export interface TokenRules {
  readonly maxPageSize: number;
  readonly maxTokenLength: number;
  /** The API's pattern for a page token. */
  readonly tokenPattern: RegExp;
}

/** Checks the paging options before any request, naming the field, the value and what is allowed. */
export function validateListingOptions(options: ListingOptions, operation: string, rules: TokenRules): ListingConfig {
  assertOptionalObject(options, 'options');
  const {
    pageSize = rules.maxPageSize,
    startingToken,
    signal,
    retry,
    prefetch = DEFAULT_PREFETCH,
    requestTimeout = DEFAULT_REQUEST_TIMEOUT,
  } = options;
  const pageSizeRule = `a whole number from 1 to ${rules.maxPageSize}`;
  if (typeof pageSize !== 'number') throw inputError(TypeError, 'options.pageSize', pageSize, pageSizeRule);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > rules.maxPageSize) {
    throw inputError(RangeError, 'options.pageSize', pageSize, pageSizeRule);
  }
  if (startingToken !== undefined) {
    const tokenRule = `a token from a page's nextToken or an error's resumeToken: 1 to ${rules.maxTokenLength} characters, no white space`;
    if (typeof startingToken !== 'string') throw inputError(TypeError, 'options.startingToken', startingToken, tokenRule);
    if (startingToken.length < 1 || startingToken.length > rules.maxTokenLength || !rules.tokenPattern.test(startingToken)) {
      throw inputError(RangeError, 'options.startingToken', startingToken, tokenRule);
    }
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw inputError(TypeError, 'options.signal', signal, 'an AbortSignal');
  }
  const prefetchRule = `a whole number of pages from 0 to ${MAX_PREFETCH}`;
  if (typeof prefetch !== 'number') throw inputError(TypeError, 'options.prefetch', prefetch, prefetchRule);
  if (!Number.isInteger(prefetch) || prefetch < 0 || prefetch > MAX_PREFETCH) {
    throw inputError(RangeError, 'options.prefetch', prefetch, prefetchRule);
  }
  const timeoutRule = `a number of ms > 0 and at most ${MAX_TIMER_TEXT}, or Infinity`;
  if (typeof requestTimeout !== 'number') throw inputError(TypeError, 'options.requestTimeout', requestTimeout, timeoutRule);
  if (!(requestTimeout > 0 && (requestTimeout <= MAX_TIMER_MS || requestTimeout === Number.POSITIVE_INFINITY))) {
    throw inputError(RangeError, 'options.requestTimeout', requestTimeout, timeoutRule);
  }
  if (options.pacer !== undefined && !isPacer(options.pacer)) {
    throw inputError(TypeError, 'options.pacer', options.pacer, 'a pacer made by createPacer()');
  }
  return { operation, pageSize, startingToken, signal, retry: validateRetryOptions(retry), prefetch, requestTimeout };
}
