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
