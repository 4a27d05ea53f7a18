/**
 * A response that parsed but lacks what the API promises, such as a 200
 * without the list of items. Not retried: the same request would get the
 * same answer.
 */
export class MalformedResponseError extends Error {
  override readonly name = 'MalformedResponseError';

  constructor(
    message: string,
    /** The response's metadata: HTTP status and request id, for the support case. */
    readonly $metadata: { readonly httpStatusCode?: number | undefined; readonly requestId?: string | undefined },
  ) {
    super(message);
  }
}
