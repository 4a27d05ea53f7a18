/**
 * Case 5: early exit. A consumer that works 10 ms on item 10 of page 1, then
 * breaks, while the read-ahead request for page 2 is on the wire (the
 * emulator waits L ms before each answer): how many requests went out after
 * page 1, how many were aborted, and how long the exit took, from the
 * `break` until the loop had ended and the aborted request had settled.
 */

import { setTimeout as sleep } from 'node:timers/promises';
import { paginateListModelCustomizationJobs } from '@aws-sdk/client-bedrock';
import { paginateCustomizationJobs } from '../../src/index.js';
import type { RemoteEmulator } from '../support/remote-emulator.js';
import { fmt, fmtSpread, spread, table } from '../support/stats.js';

interface Exit {
  readonly extra: number;
  readonly aborted: number;
  readonly ms: number;
}

async function measure(emulator: RemoteEmulator, loop: (onItem: () => Promise<boolean>) => Promise<void>): Promise<Exit> {
  await emulator.clearRequests();
  let seen = 0;
  let breakAt = 0;
  await loop(async () => {
    if (++seen < 10) return false;
    await sleep(10);
    breakAt = performance.now();
    return true;
  });
  const ms = performance.now() - breakAt;
  await sleep(100); // anything still to come would arrive by now
  const requests = (await emulator.requests()).filter((request) => request.operation === 'ListModelCustomizationJobs');
  return { extra: requests.length - 1, aborted: requests.filter((request) => request.status === 0).length, ms };
}

export async function earlyExit(emulator: RemoteEmulator, latency = 50, runs = 7): Promise<string> {
  const { client } = emulator;
  await emulator.setFaults({ latency });
  const library: Exit[] = [];
  const sdk: Exit[] = [];
  for (let run = 0; run < runs; run++) {
    library.push(
      await measure(emulator, async (stop) => {
        for await (const _job of paginateCustomizationJobs({}, { client, pageSize: 100 })) if (await stop()) break;
      }),
    );
    sdk.push(
      await measure(emulator, async (stop) => {
        outer: for await (const page of paginateListModelCustomizationJobs({ client, pageSize: 100 }, {})) {
          for (const _job of page.modelCustomizationJobSummaries ?? []) if (await stop()) break outer;
        }
      }),
    );
  }
  await emulator.setFaults();
  const row = (name: string, exits: Exit[]) => [
    name,
    fmt(Math.max(...exits.map((exit) => exit.extra))),
    fmt(Math.max(...exits.map((exit) => exit.aborted))),
    `${fmtSpread(spread(exits.map((exit) => exit.ms)), 2)} ms`,
  ];
  return table(
    [
      `break at item 10 of page 1 after 10 ms, L = ${latency} ms, ${runs} runs`,
      'extra requests (max)',
      'aborted (max)',
      'from break to loop end, median (min–max)',
    ],
    [row('library (read-ahead 1)', library), row('SDK paginator loop', sdk)],
  );
}
