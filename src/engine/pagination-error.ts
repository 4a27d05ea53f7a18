/** How far a listing got before it stopped. */
export interface ListingProgress {
  /** Pages the listing delivered before it stopped. */
  readonly pagesDelivered: number;
  /** Items the listing delivered before it stopped, before any combinator. */
  readonly itemsDelivered: number;
}

/**
 * A listing stopped because a page could not be fetched, after any retries.
 * Nothing is lost: `resumeToken` fetches the failed page again.
 *
 * @example
 * ```ts
 * try {
 *   for await (const job of paginateCustomizationJobs(filter)) save(job);
 * } catch (error) {
 *   if (!(error instanceof PaginationError)) throw error;
 *   // Later: continue exactly where it stopped.
 *   for await (const job of paginateCustomizationJobs(filter, { startingToken: error.resumeToken })) save(job);
 * }
 * ```
 */
export class PaginationError extends Error {
  override readonly name: string = 'PaginationError';
  /** The token that fetches the failed page again; `undefined` when the first page failed. */
  readonly resumeToken: string | undefined;
  readonly pagesDelivered: number;
  readonly itemsDelivered: number;
  /** Requests made for the failed page, retries included. */
  readonly attempts: number;
  /** Milliseconds spent waiting between those attempts. */
  readonly backoffMs: number;

  constructor(
    message: string,
    options: { cause: unknown; resumeToken: string | undefined; attempts: number; backoffMs: number } & ListingProgress,
  ) {
    super(message, { cause: options.cause });
    this.resumeToken = options.resumeToken;
    this.pagesDelivered = options.pagesDelivered;
    this.itemsDelivered = options.itemsDelivered;
    this.attempts = options.attempts;
    this.backoffMs = options.backoffMs;
  }
}

/**
 * The service refused a page token, as expired or invalid. Resuming from it
 * cannot work (`resumeToken` is that token, for the record): start a new
 * listing from the last item you saw instead; the README shows how.
 */
export class RejectedTokenError extends PaginationError {
  override readonly name: string = 'RejectedTokenError';
}

/**
 * The service answered with a `nextToken` that this listing had already
 * used: following it would loop forever, so the listing ends here. Every
 * item before it has been delivered.
 */
export class RepeatedTokenError extends PaginationError {
  override readonly name: string = 'RepeatedTokenError';
}
