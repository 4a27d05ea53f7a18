import { inputError } from '../../validation/input-errors.js';
import { batchesOf, isThenable } from '../batch-source.js';
import { assertFunction, type Batches, type Step } from './step.js';

async function* flatMapBatches<T, U>(
  batches: Batches<T>,
  mapper: (value: T, index: number) => unknown,
  cancel: AbortSignal | undefined,
) {
  let index = 0;
  for await (const batch of batches) {
    let out: U[] = [];
    for (const item of batch) {
      let inner = mapper(item, index++);
      if (isThenable(inner)) {
        if (out.length > 0) yield out;
        out = [];
        inner = await inner;
      }
      if (Array.isArray(inner)) {
        for (const value of inner) out.push(value);
      } else if (typeof inner === 'object' && inner !== null && Symbol.asyncIterator in inner) {
        if (out.length > 0) yield out;
        out = [];
        // Through batchesOf, so that an inner listing is cancelled with the outer run.
        yield* batchesOf(inner as AsyncIterable<U>, undefined, cancel);
      } else if (typeof inner === 'object' && inner !== null && Symbol.iterator in inner) {
        for (const value of inner as Iterable<U>) out.push(value);
      } else {
        throw inputError(TypeError, 'the flatMap mapper’s result', inner, 'an iterable or async iterable object (not a string)');
      }
    }
    if (out.length > 0) yield out;
  }
}

/** `flatMap(mapper)`: each item through `mapper`, whose iterable result is passed on item by item. */
export function flatMapStep<T, U>(
  mapper: (value: T, index: number) => Iterable<U> | AsyncIterable<U> | PromiseLike<Iterable<U> | AsyncIterable<U>>,
): Step<T, U> {
  assertFunction(mapper, 'flatMap(mapper): mapper');
  // How many items each one becomes is unknown, so no limit reaches the source.
  return (source) => (_, cancel) => flatMapBatches<T, U>(batchesOf(source, undefined, cancel), mapper, cancel);
}
