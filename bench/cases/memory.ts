/**
 * Case 4: memory. Heap retained after a full collection while streaming
 * 1,000,000 items (a stub send, fresh objects on every page, as parsed
 * responses are), against collecting them all with toArray.
 * Needs node --expose-gc.
 */
import { paginateCustomizationJobs } from '../../src/index.js';
import { heapAfterGc } from '../support/heap.js';
import { fmt, table } from '../support/stats.js';
import { stubClient } from '../support/stub-client.js';

const ITEMS = 1_000_000;

export async function memory(): Promise<string> {
  const client = stubClient(ITEMS / 1000, 1000, true);
  const base = heapAfterGc();
  let streaming = 0;
  let count = 0;
  for await (const _job of paginateCustomizationJobs({}, { client })) {
    if (++count === ITEMS / 2) streaming = heapAfterGc() - base;
  }
  const afterStream = heapAfterGc();
  const all = await paginateCustomizationJobs({}, { client }).toArray();
  const collected = heapAfterGc() - afterStream;
  if (all.length !== ITEMS) throw new Error('toArray lost items');
  const mb = (bytes: number) => `${fmt(bytes / 1_048_576, 2)} MB`;
  const onePerPage = await streamingRetained(stubClient(ITEMS, 1, true, 0), {});
  const longTokens = await streamingRetained(stubClient(ITEMS, 1, true, 1024), {});
  return table(
    ['1,000,000 items, read-ahead 1', 'heap retained after GC'],
    [
      ['pages of 1,000: streaming with for await (measured halfway)', mb(streaming)],
      ['pages of 1,000: collecting with toArray()', mb(collected)],
      ['pages of 1 (1M tokens): streaming (measured halfway)', mb(onePerPage)],
      ['pages of 1, 1 KB tokens: streaming (measured halfway)', mb(longTokens)],
    ],
  );
}

/** Heap retained by a listing halfway through a million pages: what its token guard and state hold. */
async function streamingRetained(client: ReturnType<typeof stubClient>, options: { pageSize?: number }): Promise<number> {
  const base = heapAfterGc();
  const iterator = paginateCustomizationJobs({}, { client, pageSize: 1, ...options })[Symbol.asyncIterator]();
  for (let count = 0; count < ITEMS / 2; count++) await iterator.next();
  const retained = heapAfterGc() - base;
  await iterator.return?.();
  return retained;
}
