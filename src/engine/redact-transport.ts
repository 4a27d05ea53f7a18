/**
 * An SDK error keeps its raw HTTP response in a hidden `$response`, whose
 * `body` is the live socket stream; through the socket it reaches the
 * request, and so the signed `Authorization` header with the access key
 * and the signature. Anything that walks the error deeply (a logger, an
 * error tracker, `util.inspect` with `showHidden`) would print them. This
 * keeps the status and the response headers, and drops the stream.
 */
export function redactTransport(error: unknown): unknown {
  if (typeof error !== 'object' || error === null || !('$response' in error)) return error;
  const response = (error as { $response?: { statusCode?: unknown; headers?: unknown; reason?: unknown } }).$response;
  const kept = response && typeof response === 'object' ? { statusCode: response.statusCode, headers: response.headers, reason: response.reason } : undefined;
  Object.defineProperty(error, '$response', { value: kept, enumerable: false, configurable: true, writable: true });
  return error;
}
