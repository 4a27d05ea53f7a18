/**
 * Case 9: one listing over three sources (issue 11). Three emulators, each
 * in its own process, at 30, 60 and 90 ms of latency, 5 pages each: the
 * wall time of each source listed alone and of the three merged, which
 * should be close to the slowest alone, not the sum, since every source
 * fetches at once with its own read-ahead. Then the requests that take(5)
 * makes over the three.
 */
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import { paginateCustomizationJobs } from '../../src/index.js';
import { type RemoteEmulator, startRemoteEmulator } from '../support/remote-emulator.js';
import { fmt, fmtSpread, interleaved, table } from '../support/stats.js';

const PAGES = 5;
const PAGE_SIZE = 100;
const SOURCES = [
  { latency: 30, region: 'us-east-1', accountId: '111111111111', seed: 31 },
  { latency: 60, region: 'us-west-2', accountId: '222222222222', seed: 32 },
  { latency: 90, region: 'eu-central-1', accountId: '333333333333', seed: 33 },
] as const;

async function timed(run: () => Promise<unknown[]>, expected: number): Promise<number> {
  const start = performance.now();
  const items = await run();
  const elapsed = performance.now() - start;
  if (items.length !== expected) throw new Error(`listed ${items.length} jobs, expected ${expected}`);
  return elapsed;
}

export async function merge(runs: number): Promise<string> {
  const emulators: RemoteEmulator[] = await Promise.all(
    SOURCES.map(({ latency, region, accountId, seed }) =>
      startRemoteEmulator({
        // Generated in the child: the options travel on its command line, as JSON.
        jobs: { count: PAGES * PAGE_SIZE, seed, region, accountId },
        region,
        accountId,
        faults: { latency },
      }),
    ),
  );
  try {
    const clients: BedrockClient[] = emulators.map((emulator) => emulator.client);
    const alone = (client: BedrockClient) => () =>
      timed(() => paginateCustomizationJobs({}, { client, pageSize: PAGE_SIZE }).toArray(), PAGES * PAGE_SIZE);
    const results = await interleaved(runs, {
      a: alone(clients[0] as BedrockClient),
      b: alone(clients[1] as BedrockClient),
      c: alone(clients[2] as BedrockClient),
      merged: () =>
        timed(
          () => paginateCustomizationJobs({}, { clients, pageSize: PAGE_SIZE }).toArray(),
          SOURCES.length * PAGES * PAGE_SIZE,
        ),
    });
    const slowest = Math.max(results.a.median, results.b.median, results.c.median);
    const sum = results.a.median + results.b.median + results.c.median;
    const rows = [
      ...(['a', 'b', 'c'] as const).map((key, index) => [
        `source ${index + 1} alone (L = ${SOURCES[index]?.latency} ms)`,
        `${fmtSpread(results[key])} ms`,
        `${(results[key].median / slowest).toFixed(3)}×`,
      ]),
      ['three merged', `${fmtSpread(results.merged)} ms`, `${(results.merged.median / slowest).toFixed(3)}×`],
    ];
    const wall = table(['listing', 'wall time', 'vs slowest alone'], rows);

    for (const emulator of emulators) await emulator.clearRequests();
    const five = await paginateCustomizationJobs({}, { clients }).take(5).toArray();
    const requests = await Promise.all(emulators.map((emulator) => emulator.requests()));
    const pushDown = table(
      ['source', 'requests', 'maxResults'],
      requests.map((list, index) => [`source ${index + 1}`, String(list.length), list.map((r) => r.query.maxResults).join(', ')]),
    );
    return (
      `${wall}\n\n${PAGES} pages of ${PAGE_SIZE} a source. Merged / slowest alone: ${(results.merged.median / slowest).toFixed(3)}× ` +
      `(target ≤ 1.15×); the sum of the three alone would be ${fmt(sum)} ms.\n\n` +
      `take(5) over the three sources (${five.length} jobs):\n\n${pushDown}`
    );
  } finally {
    await Promise.all(emulators.map((emulator) => emulator.close()));
  }
}
