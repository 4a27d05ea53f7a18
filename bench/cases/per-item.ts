/**
 * Case 3: per-item cost in-process. A stub send answers 1,000 pages of 1,000
 * summaries from memory, so all that is timed is the iteration itself.
 */
import { paginateListModelCustomizationJobs } from '@aws-sdk/client-bedrock';
import { paginateCustomizationJobs } from '../../src/index.js';
import { fmtSpread, interleaved, type Spread, table } from '../support/stats.js';
import { stubClient } from '../support/stub-client.js';

const PAGES = 1000;
const PAGE_SIZE = 1000;
const ITEMS = PAGES * PAGE_SIZE;

let sink = 0;

async function timed(run: () => Promise<number>): Promise<number> {
  const started = process.hrtime.bigint();
  const count = await run();
  const ns = Number(process.hrtime.bigint() - started);
  if (count !== ITEMS) throw new Error(`expected ${ITEMS} items, got ${count}`);
  return ns / ITEMS;
}

export async function perItem(runs = 9): Promise<{ text: string; results: Record<string, Spread> }> {
  const client = stubClient(PAGES, PAGE_SIZE);
  const contenders = {
    'SDK paginator loop (baseline)': () =>
      timed(async () => {
        let count = 0;
        for await (const page of paginateListModelCustomizationJobs({ client, pageSize: PAGE_SIZE }, {})) {
          for (const job of page.modelCustomizationJobSummaries ?? []) {
            sink += job.jobName?.length ?? 0;
            count++;
          }
        }
        return count;
      }),
    'bare for await': () =>
      timed(async () => {
        let count = 0;
        for await (const job of paginateCustomizationJobs({}, { client })) {
          sink += job.jobName?.length ?? 0;
          count++;
        }
        return count;
      }),
    'filter → map → take chain': () =>
      timed(async () => {
        let count = 0;
        const chain = paginateCustomizationJobs({}, { client })
          .filter((job) => job.status !== undefined)
          .map((job) => job.jobName ?? '')
          .take(ITEMS);
        for await (const name of chain) {
          sink += name.length;
          count++;
        }
        return count;
      }),
  };
  await contenders['bare for await'](); // warm-up
  const results = await interleaved(runs, contenders);
  const bare = results['bare for await'].median;
  const rows = Object.entries(results).map(([name, result]) => [
    name,
    fmtSpread(result, 0),
    `${(result.median / bare).toFixed(2)}×`,
  ]);
  return {
    text: table(['1,000,000 items, pages of 1,000', 'ns per item, median (min–max)', 'vs bare for await'], rows),
    results,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log((await perItem()).text, sink > 0 ? '' : '');
}
