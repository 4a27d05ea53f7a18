/**
 * Case 1: latency hiding. The library against a hand-written loop over the
 * SDK's own paginator, over the wire to an emulator in another process that
 * waits L ms before each answer, with a consumer that spends C ms (awaited,
 * as writing to a database would) on each page.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { ListModelCustomizationJobsCommand, paginateListModelCustomizationJobs } from '@aws-sdk/client-bedrock';
import { paginateCustomizationJobs } from '../../src/index.js';
import type { RemoteEmulator } from '../support/remote-emulator.js';
import { interleaved, type Spread, spread } from '../support/stats.js';

/** The best any listing can do: the first page's latency, then the slower of the two per page, then the last page's work. */
export const limitMs = (pages: number, latency: number, consumer: number) =>
  latency + (pages - 1) * Math.max(latency, consumer) + consumer;

async function time(run: () => Promise<number>, expectedItems: number): Promise<number> {
  const started = performance.now();
  const items = await run();
  if (items !== expectedItems) throw new Error(`expected ${expectedItems} items, got ${items}`);
  return performance.now() - started;
}

/**
 * What one request costs with no injected latency: signing, the round trip
 * and parsing, in ms. No paginator can hide it, since the next request needs
 * the token this one's parsed response carries.
 */
export async function requestCost(emulator: RemoteEmulator, pageSize: number, samples = 60): Promise<Spread> {
  const times: number[] = [];
  let nextToken: string | undefined;
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    const page = await emulator.client.send(new ListModelCustomizationJobsCommand({ maxResults: pageSize, nextToken }));
    times.push(performance.now() - started);
    nextToken = page.nextToken;
  }
  return spread(times.slice(10));
}

export interface ListingRun {
  readonly pages: number;
  readonly pageSize: number;
  /** Injected before each answer, ms. */
  readonly latency: number;
  /** The consumer's time per page, ms. */
  readonly consumer: number;
  readonly runs: number;
}

/** Wall time of both listings, in ms: the median of `runs`, interleaved. */
export async function compareListings(
  emulator: RemoteEmulator,
  { pages, pageSize, latency, consumer, runs }: ListingRun,
): Promise<{ sdk: Spread; library: Spread }> {
  const { client } = emulator;
  const items = pages * pageSize;
  await emulator.setFaults({ latency });
  const result = await interleaved(runs, {
    sdk: () =>
      time(async () => {
        let count = 0;
        for await (const page of paginateListModelCustomizationJobs({ client, pageSize: pageSize }, {})) {
          count += page.modelCustomizationJobSummaries?.length ?? 0;
          if (consumer > 0) await sleep(consumer);
          if (count >= items) break;
        }
        return count;
      }, items),
    library: () =>
      time(async () => {
        let count = 0;
        for await (const _job of paginateCustomizationJobs({}, { client, pageSize: pageSize }).take(items)) {
          if (++count % pageSize === 0 && consumer > 0) await sleep(consumer);
        }
        return count;
      }, items),
  });
  await emulator.setFaults();
  return result;
}
