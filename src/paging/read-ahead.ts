/**
 * Pulls up to `depth` results ahead of the consumer from `source`, so that
 * the next page is on its way while the consumer works on this one.
 *
 * - One `next()` of the source at a time: the next pull starts when the
 *   last settles, so however deep the read-ahead, one request at most is in
 *   flight, and each page costs O(1) whatever `depth` is.
 * - At most `depth` results wait unconsumed: a slow consumer holds the
 *   source back instead of filling memory.
 * - Results, and errors, reach the consumer in order: a failed read-ahead
 *   waits until the consumer gets to it, and is never an unhandled rejection.
 * - `return()` acts at once, even while a request is in flight: `cancel`
 *   aborts that request, and its outcome is dropped.
 * - Once `signal` aborts, the next `next()` rejects with its reason.
 * - `finished` runs once, when the run ends for any reason.
 */
export function readAhead<T>(
  source: AsyncGenerator<T, void, undefined>,
  depth: number,
  { cancel, signal, finished: onFinished }: { cancel: () => void; signal: AbortSignal; finished: () => void },
): AsyncIterableIterator<T> {
  /** Settled or pending results, oldest first; only the last can be pending. */
  const ahead: Promise<IteratorResult<T, void>>[] = [];
  let pulling = false;
  let finished = false;
  const done: IteratorReturnResult<void> = { done: true, value: undefined };

  const finish = () => {
    if (finished) return;
    finished = true;
    ahead.length = 0;
    onFinished();
  };

  const pull = () => {
    pulling = true;
    const result = source.next();
    ahead.push(result);
    result.then(
      (value) => {
        pulling = false;
        // The read-ahead goes on only while the source has more and the consumer is behind by less than depth.
        if (!value.done && !finished && ahead.length < depth) pull();
      },
      // Handled now, surfaced later: the consumer sees the error when it gets there.
      () => {
        pulling = false;
      },
    );
  };

  const close = async () => {
    finish();
    cancel();
    await source.return().catch(() => {});
  };

  return {
    next() {
      if (finished) return Promise.resolve(done);
      if (signal.aborted) {
        const reason = signal.reason;
        return close().then(() => Promise.reject(reason));
      }
      if (ahead.length === 0) pull();
      const result = ahead.shift() as Promise<IteratorResult<T, void>>;
      if (!pulling && depth > 0) {
        // The head was settled: start the next pull now, unless the source ended or failed there.
        void result.then(
          (value) => {
            if (!value.done && !finished && !pulling && ahead.length < depth) pull();
          },
          () => {},
        );
      }
      return result.then(
        (value) => {
          if (value.done) finish();
          return value;
        },
        (error: unknown) => {
          finish();
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
