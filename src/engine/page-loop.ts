import { PaginationError, RepeatedTokenError } from './pagination-error.js';
import { AttemptsExhausted, type RetryOptions, withRetry } from './retry.js';

/** What the engine asks of one page. */
export interface PageRequest {
  /** `undefined` for the first page. */
  readonly token: string | undefined;
  /** How many items the page may hold: the page size, or fewer when fewer are still wanted. */
  readonly maxResults: number;
  /** Aborts the request when the listing stops. */
  readonly signal: AbortSignal;
}

/** One page of a listing. */
export interface Page<T> {
  readonly items: readonly T[];
  /** The token of the next page: pass it as `startingToken` to resume after this page. `undefined` on the last page. */
  readonly nextToken: string | undefined;
}

/** How to get one page: all the engine knows of the API it lists. */
export type FetchPage<T> = (request: PageRequest) => Promise<Page<T>>;

export interface PageLoopOptions {
  /** Names the operation in error messages. */
  readonly operation: string;
  readonly pageSize: number;
  readonly startingToken: string | undefined;
  /** Aborts the request in flight and any backoff wait; the loop then rejects with its reason. */
  readonly signal: AbortSignal;
  readonly retry: RetryOptions | false;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * The whole loop over `nextToken`: each page retried on its own, the item
 * budget pushed down into `maxResults`, a repeated token refused, and an
 * abort honoured between pages as well as within them.
 */
export async function* pageLoop<T>(
  fetchPage: FetchPage<T>,
  options: PageLoopOptions,
  maxItems = Number.POSITIVE_INFINITY,
): AsyncGenerator<Page<T>, void, undefined> {
  const { operation, pageSize, retry, signal } = options;
  const used = new Set<string>();
  let token = options.startingToken;
  if (token !== undefined) used.add(token);
  let pagesDelivered = 0;
  let itemsDelivered = 0;

  while (itemsDelivered < maxItems) {
    signal.throwIfAborted();
    const request: PageRequest = { token, maxResults: Math.min(pageSize, maxItems - itemsDelivered), signal };
    let page: Page<T>;
    try {
      page = (await withRetry(() => fetchPage(request), retry, signal, pagesDelivered + 1)).value;
    } catch (error) {
      if (!(error instanceof AttemptsExhausted)) throw error;
      const attempts = error.attempts === 1 ? '1 attempt' : `${error.attempts} attempts`;
      throw new PaginationError(
        `${operation} failed on page ${pagesDelivered + 1} after ${attempts}: ${describeError(error.error)}. ` +
          `${itemsDelivered} items on ${pagesDelivered} pages were delivered; error.resumeToken continues from the failed page.`,
        { cause: error.error, resumeToken: token, attempts: error.attempts, pagesDelivered, itemsDelivered },
      );
    }

    const items = page.items.length > maxItems - itemsDelivered ? page.items.slice(0, maxItems - itemsDelivered) : page.items;
    // An empty string ends a listing as an absent token does.
    const nextToken = page.nextToken || undefined;
    pagesDelivered++;
    itemsDelivered += items.length;
    yield { items, nextToken };

    if (nextToken === undefined) return;
    if (used.has(nextToken)) {
      throw new RepeatedTokenError(
        `${operation} returned a nextToken that this listing had already used, on page ${pagesDelivered}: ` +
          `following it would loop forever, so the listing stops here. ${itemsDelivered} items on ${pagesDelivered} pages were delivered.`,
        { cause: undefined, resumeToken: nextToken, attempts: 0, pagesDelivered, itemsDelivered },
      );
    }
    used.add(nextToken);
    token = nextToken;
  }
}
