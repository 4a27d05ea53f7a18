/**
 * Hands out the items of a run of batches one at a time. A plain object, not
 * an async generator: an item already in hand costs one resolved promise,
 * where a generator's `yield` would cost several microtask hops.
 */
export class BatchIterator<T> implements AsyncIterableIterator<T> {
  readonly #batches: AsyncIterator<readonly T[]>;
  /** Aborted by `return()`: the source stops its work in flight without waiting for a pending `next()`. */
  readonly #cancel = new AbortController();
  #batch: readonly T[] = [];
  #index = 0;
  #done = false;
  /** The batch being fetched, if any: calls that overlap it wait their turn, so no item is skipped. */
  #refilling: Promise<IteratorResult<T, void>> | undefined;

  /** @param open - Opens the run of batches; its signal aborts when the consumer leaves. */
  constructor(open: (cancel: AbortSignal) => AsyncIterable<readonly T[]>) {
    this.#batches = open(this.#cancel.signal)[Symbol.asyncIterator]();
  }

  next(): Promise<IteratorResult<T, void>> {
    if (this.#refilling) return this.#refilling.then(() => this.next());
    if (this.#index < this.#batch.length) {
      return Promise.resolve({ value: this.#batch[this.#index++] as T, done: false });
    }
    if (this.#done) return Promise.resolve({ value: undefined, done: true });
    const refill = this.#refill();
    this.#refilling = refill;
    return refill.finally(() => {
      this.#refilling = undefined;
    });
  }

  async #refill(): Promise<IteratorResult<T, void>> {
    for (;;) {
      let result: IteratorResult<readonly T[]>;
      try {
        result = await this.#batches.next();
      } catch (error) {
        this.#done = true;
        // The consumer left while this page was on its way: the abort is ours, not a failure.
        if (this.#cancel.signal.aborted) return { value: undefined, done: true };
        throw error;
      }
      if (this.#cancel.signal.aborted) return { value: undefined, done: true };
      if (result.done) {
        this.#done = true;
        return { value: undefined, done: true };
      }
      if (result.value.length > 0) {
        this.#batch = result.value;
        this.#index = 1;
        return { value: result.value[0] as T, done: false };
      }
    }
  }

  async return(): Promise<IteratorResult<T, void>> {
    const wasDone = this.#done;
    this.#done = true;
    this.#batch = [];
    if (!wasDone) {
      // First the abort, which a pending next() cannot hold up; then the
      // source's own return(), which an async generator queues behind it.
      this.#cancel.abort();
      await this.#batches.return?.();
    }
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<T> {
    return this;
  }
}
