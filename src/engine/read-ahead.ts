/**
 * Pulls up to `depth` results ahead of the consumer from `source`, so that
 * the next page is on its way while the consumer works on this one.
 *
 * - The source is an async generator, which runs one `next()` at a time:
 *   however deep the read-ahead, one request at most is in flight.
 * - At most `depth` results wait unconsumed: a slow consumer holds the
 *   source back instead of filling memory.
 * - Results, and errors, reach the consumer in order: a failed read-ahead
 *   waits until the consumer gets to it, and is never an unhandled rejection.
 * - `return()` acts at once, even while a request is in flight: `cancel`
 *   aborts that request, and its outcome is dropped.
 * - Once `signal` aborts, the next `next()` rejects with its reason.
 */
export function readAhead<T>(
  source: AsyncGenerator<T, void, undefined>,
  depth: number,
  cancel: () => void,
  signal: AbortSignal | undefined,
): AsyncIterableIterator<T> {
  const ahead: Promise<IteratorResult<T, void>>[] = [];
  let finished = false;
  const done: IteratorReturnResult<void> = { done: true, value: undefined };

  const pull = () => {
    const result = source.next();
    // Handled now, surfaced later: the consumer sees the error when it gets there.
    result.catch(() => {});
    ahead.push(result);
  };

  const close = async () => {
    finished = true;
    ahead.length = 0;
    cancel();
    await source.return().catch(() => {});
  };

  return {
    next() {
      if (finished) return Promise.resolve(done);
      if (signal?.aborted) {
        const reason = signal.reason;
        return close().then(() => Promise.reject(reason));
      }
      if (ahead.length === 0) pull();
      const result = ahead.shift() as Promise<IteratorResult<T, void>>;
      while (ahead.length < depth) pull();
      return result.then(
        (value) => {
          if (value.done) finished = true;
          return value;
        },
        (error: unknown) => {
          finished = true;
          throw error;
        },
      );
    },
    async return() {
      if (!finished) await close();
      return done;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
