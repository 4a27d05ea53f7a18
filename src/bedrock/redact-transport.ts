/**
 * An SDK error keeps its raw HTTP response in a hidden `$response`, whose
 * `body` is the live socket stream; through the socket it reaches the
 * request, and so the signed `Authorization` header with the access key
 * and the signature. Anything that walks the error deeply (a logger, an
 * error tracker, `util.inspect` with `showHidden`) would print them. The
 * SDK makes `$response` read-only, but not the response in it: this drops
 * the stream, which has been read by now, and keeps the status, the
 * headers and any body text.
 */
export function redactTransport(error: unknown): unknown {
  try {
    const response = (error as { $response?: { body?: unknown } } | null)?.$response;
    if (response && typeof response === 'object' && typeof response.body === 'object' && response.body !== null) {
      response.body = undefined;
    }
  } catch {
    // A frozen response keeps its body; the error itself still goes through.
  }
  return error;
}
