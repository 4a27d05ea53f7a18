/** `take` and `drop`: the two operators that count items, and push that count down to the source. */
import { batchesOf } from '../batch-source.js';
import { type Batches, type Step, toCount } from './step.js';

async function* takeBatches<T>(batches: Batches<T>, count: number) {
  if (count <= 0) return;
  let left = count;
  for await (const batch of batches) {
    if (batch.length >= left) {
      yield batch.length === left ? batch : batch.slice(0, left);
      return;
    }
    left -= batch.length;
    yield batch;
  }
}

async function* dropBatches<T>(batches: Batches<T>, count: number) {
  let left = count;
  for await (const batch of batches) {
    if (left >= batch.length) {
      left -= batch.length;
      continue;
    }
    yield left === 0 ? batch : batch.slice(left);
    left = 0;
  }
}

/** `take(count)`: the first `count` items; the source is asked for no more than that. */
export function takeStep<T>(count: number): Step<T, T> {
  const n = toCount(count, 'take(count): count');
  return (source) => (limit, cancel) => {
    const wanted = limit === undefined ? n : Math.min(n, limit);
    return takeBatches(batchesOf(source, wanted, cancel), wanted);
  };
}

/** `drop(count)`: all but the first `count` items; the source is asked for `count` more than is wanted. */
export function dropStep<T>(count: number): Step<T, T> {
  const n = toCount(count, 'drop(count): count');
  return (source) => (limit, cancel) => dropBatches(batchesOf(source, limit === undefined ? undefined : limit + n, cancel), n);
}
