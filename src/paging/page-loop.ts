import { type AttemptPolicy, type AttemptRules, AttemptsExhausted, RetryCallbackFailure, withRetry } from '../attempts/retry.js';
import { PaginationError, RejectedTokenError, RepeatedTokenError } from './pagination-error.js';
import { TokenGuard } from './token-guard.js';

/** What the engine asks of one page. */
export interface PageRequest {
  /** `undefined` for the first page. */
  readonly token: string | undefined;
  /** How many items the page may hold: the page size, or fewer when fewer are still wanted. */
  readonly maxResults: number;
  /** Aborts the request when the listing stops, or when it takes longer than the request timeout. */
  readonly signal: AbortSignal;
}

/** One page of a listing, as {@link Listing.pages} delivers it. */
export interface Page<T> {
  /** The page's items, in the API's order; with `dedupe`, only those not delivered before. */
  readonly items: readonly T[];
  /** The token of the next page: pass it as `startingToken` to resume after this page. `undefined` on the last page. */
  readonly nextToken: string | undefined;
  /** The token this page was fetched with: pass it as `startingToken` to fetch this page again. `undefined` for the first page. */
  readonly pageToken: string | undefined;
}

/** What one request returns. */
export interface FetchedPage<T> {
  readonly items: readonly T[];
  readonly nextToken: string | undefined;
}

/** How to get one page: all the engine knows of the API it lists. */
export type FetchPage<T> = (request: PageRequest) => Promise<FetchedPage<T>>;

export interface PageLoopOptions extends AttemptPolicy {
  /** Names the operation in error messages. */
  readonly operation: string;
  readonly pageSize: number;
  readonly startingToken: string | undefined;
  /** Aborts the request in flight and any backoff wait; the loop then rejects with its reason. */
  readonly signal: AbortSignal;
}

/**
 * What only the API knows: which errors mean a rejected token or a client
 * that is not set up, and what makes two items the same.
 */
export interface ApiRules<T> {
  readonly isRejectedToken?: ((error: unknown) => boolean) | undefined;
  /**
   * Recognises a failure that is not about paging at all (a client that
   * cannot send: no region, no credentials) and returns the error to throw
   * instead of a {@link PaginationError}, which would offer a resume.
   */
  readonly notPaging?: ((error: unknown, operation: string) => Error | undefined) | undefined;
  /** When set, an item whose key was already delivered in this listing is dropped. */
  readonly uniqueBy?: ((item: T) => unknown) | undefined;
  /** Which failures are retried, how many requests each was, and what must not leak: see {@link AttemptRules}. */
  readonly attempts?: AttemptRules | undefined;
  /** An error as messages show it: with the API's status and request id. */
  readonly describeError?: ((error: unknown) => string) | undefined;
  /** Waits for each request's turn in its quota: a pacer's, when the listing has one. */
  readonly pace?: AttemptPolicy['pace'];
}

/** The error as a message shows it, when the front end gives no better way: its name and the first line of its message. */
function describeAnyError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
}

/** Without rules of the API's, nothing is retried but the engine's own timeouts. */
const NO_RETRIES: AttemptRules = { classify: () => undefined };

const duration = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/** "after 3 attempts (9 requests, counting the client's own retries) and 1.2 s of backoff" */
function triesText({ attempts, requests, backoffMs }: AttemptsExhausted): string {
  if (attempts === 1 && requests === 1) return 'after 1 attempt';
  const count = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  const sent = requests > attempts ? ` (${requests} requests, counting the client's own retries)` : '';
  return attempts === 1 ? `after ${count}${sent}` : `after ${count}${sent} and ${duration(backoffMs)} of backoff`;
}

/**
 * The whole loop over `nextToken`: each page retried on its own, the item
 * budget pushed down into `maxResults`, a repeated token refused (see
 * {@link TokenGuard}: exact over the last 128 tokens), and an
 * abort honoured between pages as well as within them.
 */
export async function* pageLoop<T>(
  fetchPage: FetchPage<T>,
  options: PageLoopOptions,
  rules: ApiRules<T>,
  maxItems = Number.POSITIVE_INFINITY,
): AsyncGenerator<Page<T>, void, undefined> {
  const { operation, pageSize, signal } = options;
  const { isRejectedToken, notPaging, uniqueBy, attempts = NO_RETRIES, describeError = describeAnyError } = rules;
  const used = new TokenGuard();
  // With uniqueBy, keys already delivered in this listing are dropped.
  const seenKeys = new Set<unknown>();
  const unseen = (items: readonly T[]) => (uniqueBy ? items.filter((item) => !seenKeys.has(uniqueBy(item))) : items);
  let token = options.startingToken;
  if (token !== undefined) used.use(token);
  let pagesDelivered = 0;
  let itemsDelivered = 0;

  while (itemsDelivered < maxItems) {
    signal.throwIfAborted();
    const maxResults = Math.min(pageSize, maxItems - itemsDelivered);
    let page: FetchedPage<T>;
    try {
      page = await withRetry(
        (attemptSignal) => fetchPage({ token, maxResults, signal: attemptSignal }),
        { ...options, pace: rules.pace },
        attempts,
        signal,
        pagesDelivered + 1,
      );
    } catch (error) {
      if (!(error instanceof AttemptsExhausted)) throw error;
      const other = notPaging?.(error.error, operation);
      if (other) throw other;
      const progress = {
        resumeToken: token,
        attempts: error.attempts,
        requests: error.requests,
        backoffMs: error.backoffMs,
        pagesDelivered,
        itemsDelivered,
      };
      const soFar = `${itemsDelivered} items on ${pagesDelivered} pages were delivered`;
      const page = `page ${pagesDelivered + 1}`;
      if (token !== undefined && isRejectedToken?.(error.error)) {
        throw new RejectedTokenError(
          `${operation} rejected the page token for ${page} as expired or invalid: ${describeError(error.error)}. ` +
            `${soFar}; no token can resume this listing: start a new one from the last item seen.`,
          { cause: error.error, ...progress, rejectedToken: token },
        );
      }
      const resume = `${soFar}; error.resumeToken continues from the failed page.`;
      if (error.error instanceof RetryCallbackFailure) {
        const { callbackError, failure } = error.error;
        throw new PaginationError(
          `${operation} stopped on ${page} ${triesText(error)} because options.retry.onRetry threw ${describeError(callbackError)} ` +
            `when told of the failure ${describeError(failure)}. ${resume}`,
          { cause: failure, callbackError, ...progress },
        );
      }
      throw new PaginationError(`${operation} failed on ${page} ${triesText(error)}: ${describeError(error.error)}. ${resume}`, {
        cause: error.error,
        ...progress,
      });
    }

    let items = unseen(page.items);
    if (items.length > maxItems - itemsDelivered) items = items.slice(0, maxItems - itemsDelivered);
    if (uniqueBy) for (const item of items) seenKeys.add(uniqueBy(item));
    // An empty string ends a listing as an absent token does.
    const nextToken = page.nextToken || undefined;
    pagesDelivered++;
    itemsDelivered += items.length;
    yield { items, nextToken, pageToken: token };

    if (nextToken === undefined) return;
    if (used.seen(nextToken)) {
      throw new RepeatedTokenError(
        `${operation} returned a nextToken that this listing had already used, on page ${pagesDelivered}: ` +
          `following it would loop forever, so the listing stops here, and no token can resume it. ` +
          `${itemsDelivered} items on ${pagesDelivered} pages were delivered.`,
        { cause: undefined, repeatedToken: nextToken, attempts: 0, backoffMs: 0, pagesDelivered, itemsDelivered },
      );
    }
    used.use(nextToken);
    token = nextToken;
  }
}
