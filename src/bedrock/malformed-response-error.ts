/**
 * A response that parsed but lacks what the API promises, such as a 200
 * without the list of items. Not retried: the same request would get the
 * same answer.
 *
 * The listing stops with a {@link PaginationError} whose `cause` is this
 * error, so that `resumeToken` is at hand as for any other failure.
 *
 * @example
 * ```ts
 * import { MalformedResponseError, PaginationError, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * try {
 *   await paginateCustomizationJobs().toArray();
 * } catch (error) {
 *   if (error instanceof PaginationError && error.cause instanceof MalformedResponseError) {
 *     console.error(`report request ${error.cause.$metadata.requestId} to AWS Support`);
 *   }
 *   throw error;
 * }
 * ```
 */
export class MalformedResponseError extends Error {
  /** `'MalformedResponseError'`: what stack traces and logs show. */
  override readonly name = 'MalformedResponseError';

  /**
   * Paginators make these; the constructor is public so that tests and
   * wrappers can make the same error.
   *
   * @param message - The operation, what the response lacked, and the request id.
   */
  constructor(
    message: string,
    /** The response's metadata: HTTP status and request id, for the support case. */
    readonly $metadata: {
      /** The HTTP status of the response, when known. */
      readonly httpStatusCode?: number | undefined;
      /** The `x-amzn-requestid` of the response, when known. */
      readonly requestId?: string | undefined;
    },
  ) {
    super(message);
  }
}
