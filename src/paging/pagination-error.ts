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
 *
 * **The resume contract.** When `resumable` is true, nothing is lost:
 * passing `resumeToken` as `startingToken` fetches the failed page again,
 * and the items come on exactly after the last one delivered
 * (`resumeToken` is `undefined` when the first page failed: start over).
 * When `resumable` is false (a {@link RejectedTokenError} or a
 * {@link RepeatedTokenError}), no token can continue the listing and
 * `resumeToken` is `undefined`: start a new listing instead.
 *
 * @example
 * ```ts
 * import { type CustomizationJobFilter, PaginationError, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const filter: CustomizationJobFilter = { statusEquals: 'Completed' };
 * const names: string[] = [];
 * try {
 *   for await (const job of paginateCustomizationJobs(filter)) names.push(job.jobName ?? '');
 * } catch (error) {
 *   // A rejected token cannot be resumed from, and a repeated one would loop.
 *   if (!(error instanceof PaginationError) || !error.resumable) throw error;
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
  /**
   * Whether `resumeToken` continues the listing: true for every failure but
   * a rejected token and a repeated one.
   */
  readonly resumable: boolean;
  /**
   * With `resumable`, the token that fetches the failed page again
   * (`undefined` when the first page failed, so resuming starts over);
   * always `undefined` when the listing cannot be resumed.
   */
  readonly resumeToken: string | undefined;
  /** Pages the listing delivered before it stopped. */
  readonly pagesDelivered: number;
  /** Items the listing delivered before it stopped, before any combinator. */
  readonly itemsDelivered: number;
  /** Attempts made for the failed page: the paginator's own retries included, the client's not. */
  readonly attempts: number;
  /**
   * HTTP requests sent for the failed page: `attempts` times the client's
   * own attempts (from the SDK's `$metadata.attempts`) where its retries are on.
   */
  readonly requests: number;
  /** Milliseconds spent waiting between those attempts. */
  readonly backoffMs: number;
  /**
   * Set when the listing stopped because `options.retry.onRetry` threw:
   * what it threw. `cause` is still the failed attempt's error that the
   * callback was told of.
   */
  readonly callbackError?: unknown;

  /**
   * Listings make these; the constructor is public so that tests and
   * wrappers can make the same error.
   *
   * @param message - What failed and what to do about it.
   * @param options - The underlying error as `cause`, the `resumeToken`
   *   (omitted or `undefined` when `resumable` is false), the attempts,
   *   requests and backoff of the failed page, and how far the listing got.
   *   `resumable` defaults to true; `requests` to `attempts`.
   */
  constructor(
    message: string,
    options: {
      cause: unknown;
      resumeToken?: string | undefined;
      resumable?: boolean | undefined;
      attempts: number;
      requests?: number | undefined;
      backoffMs: number;
      callbackError?: unknown;
    } & ListingProgress,
  ) {
    super(message, { cause: options.cause });
    this.resumable = options.resumable ?? true;
    this.resumeToken = this.resumable ? options.resumeToken : undefined;
    this.requests = options.requests ?? options.attempts;
    this.pagesDelivered = options.pagesDelivered;
    this.itemsDelivered = options.itemsDelivered;
    this.attempts = options.attempts;
    this.backoffMs = options.backoffMs;
    if ('callbackError' in options) this.callbackError = options.callbackError;
  }
}

/**
 * The service refused a page token, as expired or invalid. Resuming cannot
 * work: `resumable` is false, `resumeToken` is `undefined`, and
 * `rejectedToken` holds the refused token for the record. Start a new
 * listing from the last item you saw instead; docs/guide.md shows how.
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
  /** The token the service refused. Not a way to resume: it is the token that failed. */
  readonly rejectedToken: string;

  /**
   * @param message - What was refused and what to do instead.
   * @param options - As {@link PaginationError}'s, with the refused token; never resumable.
   */
  constructor(message: string, options: ConstructorParameters<typeof PaginationError>[1] & { rejectedToken: string }) {
    super(message, { ...options, resumable: false });
    this.rejectedToken = options.rejectedToken;
  }
}

/**
 * The service answered with a `nextToken` that this listing had already
 * used: following it would loop forever, so the listing ends here. Every
 * item before it has been delivered. Not resumable: `resumeToken` is
 * `undefined`, and `repeatedToken` holds the looping token for the record.
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
  /** The token the service returned again. Not a way to resume: following it loops. */
  readonly repeatedToken: string;

  /**
   * @param message - Where the loop was found.
   * @param options - As {@link PaginationError}'s, with the looping token; never resumable.
   */
  constructor(message: string, options: ConstructorParameters<typeof PaginationError>[1] & { repeatedToken: string }) {
    super(message, { ...options, resumable: false });
    this.repeatedToken = options.repeatedToken;
  }
}
