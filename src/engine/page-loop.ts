import { PaginationError, RejectedTokenError, RepeatedTokenError } from './pagination-error.js';
import { type AttemptPolicy, AttemptsExhausted, withRetry } from './retry.js';

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

/** What only the API knows: which errors mean a rejected token, and what makes two items the same. */
export interface ApiRules<T> {
  readonly isRejectedToken?: ((error: unknown) => boolean) | undefined;
  /** When set, an item whose key was already delivered in this listing is dropped. */
  readonly uniqueBy?: ((item: T) => unknown) | undefined;
}

/** The error as a message shows it: name, message, HTTP status and request id, when it has them. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const { $metadata } = error as { $metadata?: { httpStatusCode?: number; requestId?: string } };
  const details = [
    $metadata?.httpStatusCode === undefined ? undefined : `HTTP ${$metadata.httpStatusCode}`,
    $metadata?.requestId === undefined ? undefined : `request id ${$metadata.requestId}`,
  ].filter(Boolean);
  const message = error.message.split('\n')[0];
  return `${error.name}: ${message}${details.length > 0 ? ` (${details.join(', ')})` : ''}`;
}

const duration = (ms: number) => (ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`);

/**
 * The whole loop over `nextToken`: each page retried on its own, the item
 * budget pushed down into `maxResults`, a repeated token refused, and an
 * abort honoured between pages as well as within them.
 */
export async function* pageLoop<T>(
  fetchPage: FetchPage<T>,
  options: PageLoopOptions,
  rules: ApiRules<T>,
  maxItems = Number.POSITIVE_INFINITY,
): AsyncGenerator<Page<T>, void, undefined> {
  const { operation, pageSize, signal } = options;
  const { isRejectedToken, uniqueBy } = rules;
  const used = new Set<string>();
  // With uniqueBy, keys already delivered in this listing are dropped.
  const seenKeys = new Set<unknown>();
  const unseen = (items: readonly T[]) => (uniqueBy ? items.filter((item) => !seenKeys.has(uniqueBy(item))) : items);
  let token = options.startingToken;
  if (token !== undefined) used.add(token);
  let pagesDelivered = 0;
  let itemsDelivered = 0;

  while (itemsDelivered < maxItems) {
    signal.throwIfAborted();
    const maxResults = Math.min(pageSize, maxItems - itemsDelivered);
    let page: FetchedPage<T>;
    try {
      page = await withRetry(
        (attemptSignal) => fetchPage({ token, maxResults, signal: attemptSignal }),
        options,
        signal,
        pagesDelivered + 1,
      );
    } catch (error) {
      if (!(error instanceof AttemptsExhausted)) throw error;
      const progress = {
        resumeToken: token,
        attempts: error.attempts,
        backoffMs: error.backoffMs,
        pagesDelivered,
        itemsDelivered,
      };
      const soFar = `${itemsDelivered} items on ${pagesDelivered} pages were delivered`;
      if (token !== undefined && isRejectedToken?.(error.error)) {
        throw new RejectedTokenError(
          `${operation} rejected the page token for page ${pagesDelivered + 1} as expired or invalid: ${describeError(error.error)}. ` +
            `${soFar}; resuming from this token cannot work: start a new listing from the last item seen.`,
          { cause: error.error, ...progress },
        );
      }
      const tries = error.attempts === 1 ? '1 attempt' : `${error.attempts} attempts and ${duration(error.backoffMs)} of backoff`;
      throw new PaginationError(
        `${operation} failed on page ${pagesDelivered + 1} after ${tries}: ${describeError(error.error)}. ` +
          `${soFar}; error.resumeToken continues from the failed page.`,
        { cause: error.error, ...progress },
      );
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
    if (used.has(nextToken)) {
      throw new RepeatedTokenError(
        `${operation} returned a nextToken that this listing had already used, on page ${pagesDelivered}: ` +
          `following it would loop forever, so the listing stops here. ${itemsDelivered} items on ${pagesDelivered} pages were delivered.`,
        { cause: undefined, resumeToken: nextToken, attempts: 0, backoffMs: 0, pagesDelivered, itemsDelivered },
      );
    }
    used.add(nextToken);
    token = nextToken;
  }
}
