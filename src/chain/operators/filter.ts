import { batchesOf, isThenable } from '../batch-source.js';
import { assertFunction, type Batches, type Step, trimmed } from './step.js';

async function* filterBatches<T>(batches: Batches<T>, predicate: (value: T, index: number) => unknown) {
  let index = 0;
  for await (const batch of batches) {
    let out = new Array<T>(batch.length);
    let kept = 0;
    for (let i = 0; i < batch.length; i++) {
      const item = batch[i] as T;
      const keep = predicate(item, index++);
      if (!isThenable(keep)) {
        if (keep) out[kept++] = item;
        continue;
      }
      if (kept > 0) yield trimmed(out, kept);
      out = new Array<T>(batch.length - i - 1);
      kept = 0;
      if (await keep) yield [item];
    }
    if (kept > 0) yield trimmed(out, kept);
  }
}

/** `filter(predicate)`: the items for which `predicate` is truthy, awaited when it returns a promise. */
export function filterStep<T>(predicate: (value: T, index: number) => unknown): Step<T, T> {
  assertFunction(predicate, 'filter(predicate): predicate');
  // How many items a filter lets through is unknown, so no limit reaches the source.
  return (source) => (_, cancel) => filterBatches(batchesOf(source, undefined, cancel), predicate);
}
