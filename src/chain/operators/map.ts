import { batchesOf, isThenable } from '../batch-source.js';
import { assertFunction, type Batches, type Step, trimmed } from './step.js';

async function* mapBatches<T, U>(batches: Batches<T>, mapper: (value: T, index: number) => U | PromiseLike<U>) {
  let index = 0;
  for await (const batch of batches) {
    // Sized up front: growing an array by push is most of a chain's cost.
    let out = new Array<U>(batch.length);
    let filled = 0;
    for (let i = 0; i < batch.length; i++) {
      const result = mapper(batch[i] as T, index++);
      if (!isThenable(result)) {
        out[filled++] = result;
        continue;
      }
      if (filled > 0) yield trimmed(out, filled);
      out = new Array<U>(batch.length - i - 1);
      filled = 0;
      yield [await result];
    }
    if (filled > 0) yield trimmed(out, filled);
  }
}

/** `map(mapper)`: each item through `mapper`, awaited when it returns a promise. */
export function mapStep<T, U>(mapper: (value: T, index: number) => U | PromiseLike<U>): Step<T, Awaited<U>> {
  assertFunction(mapper, 'map(mapper): mapper');
  // One item out for each item in, so a limit passes through unchanged.
  return (source) => (limit, cancel) => mapBatches(batchesOf(source, limit, cancel), mapper) as Batches<Awaited<U>>;
}
