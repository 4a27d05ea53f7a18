/**
 * `npm run bench`: every performance case, printed as tables, and the
 * latency chart written to bench/latency-chart.svg. Comparisons run side by
 * side in this one process run, interleaved, and ratios are the headline:
 * these machines are noisy.
 */
import './support/no-sdk-node-warning.js';
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { abortDuringBackoff } from './cases/abort-backoff.js';
import { earlyExit } from './cases/early-exit.js';
import { compareListings, limitMs, requestCost } from './cases/latency-hiding.js';
import { memory } from './cases/memory.js';
import { merge } from './cases/merge.js';
import { perItem } from './cases/per-item.js';
import { pushDown } from './cases/push-down.js';
import { PACING_JOBS, sharedPacing } from './cases/shared-pacing.js';
import { sharedSignal } from './cases/shared-signal.js';
import { watchPolls } from './cases/watch-polls.js';
import { watchStop } from './cases/watch-stop.js';
import { type ChartPoint, latencyChart } from './support/latency-chart.js';
import { pacingChart, perSecondRows, sparklines } from './support/pacing-chart.js';
import { type RemoteEmulator, startRemoteEmulator } from './support/remote-emulator.js';
import { fmt, fmtSpread, table } from './support/stats.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const quick = process.argv.includes('--quick');
/** `npm run bench -- --pacing`: case 12 alone, about three minutes of its own. */
const pacingOnly = process.argv.includes('--pacing');

/** Case 12, on an account of its own: exactly 40 pages of 25, every request logged. */
async function pacingCase(): Promise<void> {
  console.log('## 12. Shared pacing (4 listings at once, a quota of 5 requests/s)\n');
  const own: RemoteEmulator = await startRemoteEmulator({ jobs: { count: PACING_JOBS, seed: 13 }, requestLogSize: 1_000_000 });
  try {
    const { text, series } = await sharedPacing(own, RUNS);
    console.log(text, '\n');
    console.log('Requests answered per second, throttled included:\n');
    console.log(`\`\`\`text\n${perSecondRows(series)}\n\`\`\`\n`);
    console.log(`\`\`\`text\n${sparklines(series, 5)}\n\`\`\`\n`);
    // In bench/, as the latency chart: the package ships docs/*.md alone, so the docs show the text chart above.
    const file = new URL('./pacing-chart.svg', import.meta.url);
    await writeFile(file, pacingChart(series, 5, '4 listings of 40 pages at once, against a quota of 5 requests/s'));
    console.log('Chart written to bench/pacing-chart.svg\n');
  } finally {
    await own.close();
  }
}

console.log(`# bedrock-customization-jobs benchmarks\n`);
console.log(
  `Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim()}, ${fmt(totalmem() / 2 ** 30)} GiB. Each figure: median of ${RUNS} runs (min–max), contenders interleaved.\n`,
);

if (pacingOnly) {
  await pacingCase();
  process.exit(0);
}

const emulator = await startRemoteEmulator({ jobs: { count: 20_000, seed: 1 } });
try {
  console.log('## 1. Latency hiding (50 pages of 100, over the wire)\n');
  const cost = await requestCost(emulator, 100);
  const rows: string[][] = [];
  for (const [latency, consumer] of [
    [20, 20],
    [30, 10],
    [10, 30],
  ] as const) {
    const { sdk, library } = await compareListings(emulator, { pages: 50, pageSize: 100, latency, consumer, runs: RUNS });
    const limit = limitMs(50, latency, consumer);
    const effective = limitMs(50, latency + cost.median, consumer);
    rows.push([
      `L = ${latency}, C = ${consumer}`,
      `${fmtSpread(sdk)} ms`,
      `${fmtSpread(library)} ms`,
      `${fmt(limit)} ms`,
      `${(library.median / limit).toFixed(3)}×`,
      `${fmt(effective)} ms`,
      `${(library.median / effective).toFixed(3)}×`,
      `${(sdk.median / library.median).toFixed(2)}×`,
    ]);
  }
  console.log(
    table(
      ['case', 'SDK paginator loop', 'library', 'limit', 'library / limit', 'limit with R', 'library / limit with R', 'speed-up'],
      rows,
    ),
  );
  console.log(
    `\nR = ${fmtSpread(cost, 2)} ms: what one request of 100 costs with no injected latency (signing, round trip, parsing).` +
      ' The next request needs the token in this one’s parsed response, so no paginator can hide R; "limit with R" uses L + R as the latency.\n',
  );

  console.log('## 2. Overhead with no latency (20,000 jobs, pages of 1,000, over the wire)\n');
  const overhead = await compareListings(emulator, { pages: 20, pageSize: 1000, latency: 0, consumer: 0, runs: RUNS });
  console.log(
    table(
      ['listing', 'wall time', 'vs SDK loop'],
      [
        ['SDK paginator loop', `${fmtSpread(overhead.sdk)} ms`, '1.00×'],
        ['library', `${fmtSpread(overhead.library)} ms`, `${(overhead.library.median / overhead.sdk.median).toFixed(3)}×`],
      ],
    ),
    '\n',
  );

  console.log('## 3. Per-item cost, in-process (stub send)\n');
  console.log((await perItem(Math.max(RUNS, 9))).text, '\n');

  console.log('## 4. Memory\n');
  console.log(await memory(), '\n');

  console.log('## 5. Early exit\n');
  console.log(await earlyExit(emulator), '\n');

  console.log('## 6. Push-down\n');
  console.log(await pushDown(emulator), '\n');

  console.log('## 7. Cancel during a backoff wait\n');
  console.log(await abortDuringBackoff(emulator), '\n');

  console.log('## 8. One signal shared by many listings\n');
  console.log(await sharedSignal(), '\n');

  console.log('## 9. One listing over three sources (30, 60 and 90 ms)\n');
  console.log(await merge(RUNS), '\n');

  console.log('## 10. Watch and wait: requests per poll (virtual clock)\n');
  console.log(await watchPolls(), '\n');

  console.log('## 11. Watch and wait: stop latency\n');
  // A small account of its own: the stop happens after one page, not twenty.
  const small = await startRemoteEmulator({ jobs: { count: 200, seed: 5 } });
  try {
    console.log(await watchStop(small, Math.max(RUNS, 7)), '\n');
  } finally {
    await small.close();
  }

  await pacingCase();

  if (!quick) {
    console.log('## Chart: wall time against page latency (20 pages of 100, C = 20 ms)\n');
    const points: ChartPoint[] = [];
    for (const latency of [0, 10, 20, 30, 40, 50]) {
      const { sdk, library } = await compareListings(emulator, { pages: 20, pageSize: 100, latency, consumer: 20, runs: 3 });
      points.push({ latency, sdk: sdk.median, library: library.median, limit: limitMs(20, latency, 20) });
    }
    console.log(
      table(
        ['L (ms)', 'SDK loop (ms)', 'library (ms)', 'limit (ms)'],
        points.map((point) => [String(point.latency), fmt(point.sdk), fmt(point.library), fmt(point.limit)]),
      ),
    );
    const file = new URL('./latency-chart.svg', import.meta.url);
    await writeFile(file, latencyChart(points, 'Listing 20 pages, consumer C = 20 ms per page'));
    console.log(`\nChart written to bench/latency-chart.svg`);
  }
} finally {
  await emulator.close();
}
