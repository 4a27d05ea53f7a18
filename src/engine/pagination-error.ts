/**
 * How far a listing got before it stopped: every {@link PaginationError}
 * carries it, so that a report can say what was delivered.
 */
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
 * import {
 *   type CustomizationJobFilter,
 *   paginateCustomizationJobs,
 *   PaginationError,
 *   RejectedTokenError,
 *   RepeatedTokenError,
 * } from 'bedrock-customization-jobs';
 *
 * const filter: CustomizationJobFilter = { statusEquals: 'Completed' };
 * const names: string[] = [];
 * try {
 *   for await (const job of paginateCustomizationJobs(filter)) names.push(job.jobName ?? '');
 * } catch (error) {
 *   // A rejected token cannot be resumed from, and a repeated one would loop.
 *   if (!(error instanceof PaginationError) || error instanceof RejectedTokenError || error instanceof RepeatedTokenError) {
 *     throw error;
 *   }
 *   console.log(`stopped after ${error.itemsDelivered} jobs, ${error.attempts} attempts: ${error.cause}`);
 *   // Continue exactly where it stopped: nothing lost, nothing repeated.
 *   for await (const job of paginateCustomizationJobs(filter, { startingToken: error.resumeToken })) {
 *     names.push(job.jobName ?? '');
 *   }
 * }
 * ```
 */
export class PaginationError extends Error {
  /** `'PaginationError'`, or the subclass's: what stack traces and logs show. */
  override readonly name: string = 'PaginationError';
  /** The token that fetches the failed page again; `undefined` when the first page failed. */
  readonly resumeToken: string | undefined;
  /** Pages the listing delivered before it stopped. */
  readonly pagesDelivered: number;
  /** Items the listing delivered before it stopped, before any combinator. */
  readonly itemsDelivered: number;
  /** Requests made for the failed page, retries included. */
  readonly attempts: number;
  /** Milliseconds spent waiting between those attempts. */
  readonly backoffMs: number;

  /**
   * Listings make these; the constructor is public so that tests and
   * wrappers can make the same error.
   *
   * @param message - What failed and what to do about it.
   * @param options - The underlying error as `cause`, the `resumeToken`, the
   *   attempts and backoff of the failed page, and how far the listing got.
   */
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
 *
 * @example
 * ```ts
 * import { type ModelCustomizationJobSummary, paginateCustomizationJobs, RejectedTokenError } from 'bedrock-customization-jobs';
 *
 * const seen: ModelCustomizationJobSummary[] = [];
 * try {
 *   for await (const job of paginateCustomizationJobs({ sortOrder: 'Descending' })) seen.push(job);
 * } catch (error) {
 *   if (!(error instanceof RejectedTokenError)) throw error;
 *   // Descending, the rest was created at or before the last job seen; jobs of
 *   // that same millisecond may come again, so skip the ARNs already seen.
 *   const last = seen.at(-1)?.creationTime ?? new Date();
 *   const known = new Set(seen.map((job) => job.jobArn));
 *   const rest = paginateCustomizationJobs({ sortOrder: 'Descending', creationTimeBefore: new Date(last.getTime() + 1) });
 *   for await (const job of rest.filter((job) => !known.has(job.jobArn))) seen.push(job);
 * }
 * ```
 */
export class RejectedTokenError extends PaginationError {
  /** `'RejectedTokenError'`. */
  override readonly name: string = 'RejectedTokenError';
}

/**
 * The service answered with a `nextToken` that this listing had already
 * used: following it would loop forever, so the listing ends here. Every
 * item before it has been delivered.
 *
 * @example
 * ```ts
 * import { type ModelCustomizationJobSummary, paginateCustomizationJobs, RepeatedTokenError } from 'bedrock-customization-jobs';
 *
 * const jobs: ModelCustomizationJobSummary[] = [];
 * try {
 *   for await (const job of paginateCustomizationJobs()) jobs.push(job);
 * } catch (error) {
 *   if (!(error instanceof RepeatedTokenError)) throw error;
 *   // The service misbehaved, but nothing before this point was lost.
 *   console.warn(`${error.message}; keeping the ${jobs.length} jobs listed`);
 * }
 * ```
 */
export class RepeatedTokenError extends PaginationError {
  /** `'RepeatedTokenError'`. */
  override readonly name: string = 'RepeatedTokenError';
}
