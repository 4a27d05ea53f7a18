/**
 * Case 12: shared pacing. Four listings of 40 pages each, at once, against
 * the emulator's token bucket of 5 requests a second (burst 5), one
 * contender after another in this one run: the library with no pacer, one
 * client shared in the SDK's adaptive retry mode, the library with one
 * shared adaptive `createPacer()`, and with a fixed `createPacer({
 * ratePerSecond: 5 })`. Then what a pacer costs when nothing is throttled,
 * and how fast the adaptive pacer finds a quota that doubles mid-run.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BedrockClient } from '@aws-sdk/client-bedrock';
import { createPacer, type Pacer, PaginationError, paginateCustomizationJobs } from '../../src/index.js';
import type { RateSeries } from '../support/pacing-chart.js';
import { type AnsweredRequest, recordingClient } from '../support/recording-client.js';
import type { RemoteEmulator } from '../support/remote-emulator.js';
import { fmt, fmtSpread, interleaved, type Spread, spread, table } from '../support/stats.js';
import { stubClient } from '../support/stub-client.js';

/** The emulator's quota: its token bucket. */
export const QUOTA = { ratePerSecond: 5, burst: 5 } as const;
const LISTINGS = 4;
const PAGE_SIZE = 25;
const PAGES = 40;
/** The emulator account: exactly 40 pages of 25, so that each listing makes 40 requests that succeed. */
export const PACING_JOBS = PAGES * PAGE_SIZE;

/** What one contender is: its client(s) and the listing options that set its pacing and retries. */
interface Contender {
  readonly label: string;
  readonly client: BedrockClient;
  readonly answered: AnsweredRequest[];
  readonly options: { pacer?: Pacer; retry?: false; requestTimeout?: number };
}

/** One contender's run, as the emulator logged it and as the listings finished. */
interface ContenderRun {
  readonly label: string;
  readonly succeeded: number;
  readonly throttled: number;
  readonly total: number;
  readonly wallMs: number;
  readonly finishesMs: readonly number[];
  /** Pages that exhausted the library's retries, each resumed from its `resumeToken`. */
  readonly resumed: number;
  readonly perSecond: readonly number[];
  /** The throttled ones among them. */
  readonly throttledPerSecond: readonly number[];
}

/**
 * One listing of the whole account, 25 a page. A page that exhausts its
 * retries is resumed from the error's token, as a caller that must finish
 * would do, and counted: the run still ends with every item, once.
 */
async function listAll(client: BedrockClient, options: Contender['options']): Promise<{ items: number; resumed: number }> {
  let items = 0;
  let resumed = 0;
  let startingToken: string | undefined;
  for (;;) {
    try {
      for await (const _job of paginateCustomizationJobs({}, { client, pageSize: PAGE_SIZE, startingToken, ...options })) items++;
      return { items, resumed };
    } catch (error) {
      if (!(error instanceof PaginationError) || !error.resumable) throw error;
      resumed++;
      startingToken = error.resumeToken;
    }
  }
}

/** Requests answered in each whole second since `startedAt`. */
function perSecond(answered: readonly AnsweredRequest[], startedAt: number, endedAt: number): number[] {
  const counts = new Array<number>(Math.ceil((endedAt - startedAt) / 1000)).fill(0);
  for (const { at } of answered) {
    const second = Math.floor((at - startedAt) / 1000);
    if (second >= 0 && second < counts.length) counts[second] = (counts[second] as number) + 1;
  }
  return counts;
}

async function runContender(emulator: RemoteEmulator, contender: Contender): Promise<ContenderRun> {
  // setFaults restarts the bucket: each contender starts with a full burst.
  await emulator.setFaults({ throttle: QUOTA });
  await emulator.clearRequests();
  contender.answered.length = 0;
  const startedAt = performance.now();
  const listings = await Promise.all(
    Array.from({ length: LISTINGS }, async () => {
      const { items, resumed } = await listAll(contender.client, contender.options);
      if (items !== PACING_JOBS) throw new Error(`${contender.label}: expected ${PACING_JOBS} items, got ${items}`);
      return { finishedMs: performance.now() - startedAt, resumed };
    }),
  );
  const endedAt = performance.now();
  const log = (await emulator.requests()).filter((request) => request.operation === 'ListModelCustomizationJobs');
  const finishesMs = listings.map((listing) => listing.finishedMs);
  return {
    label: contender.label,
    succeeded: log.filter((request) => request.status === 200).length,
    throttled: log.filter((request) => request.status === 429).length,
    total: log.length,
    wallMs: Math.max(...finishesMs),
    finishesMs,
    resumed: listings.reduce((sum, listing) => sum + listing.resumed, 0),
    perSecond: perSecond(contender.answered, startedAt, endedAt),
    throttledPerSecond: perSecond(
      contender.answered.filter(({ status }) => status === 429),
      startedAt,
      endedAt,
    ),
  };
}

/** Share of what the quota allowed over the run: its burst, and its rate for every second. */
const quotaShare = (run: ContenderRun) => run.succeeded / (QUOTA.burst + (QUOTA.ratePerSecond * run.wallMs) / 1000);
/** The spread of the finish times, as a share of the longest. */
const spreadShare = (run: ContenderRun) => (run.wallMs - Math.min(...run.finishesMs)) / run.wallMs;
const pct = (share: number) => `${fmt(share * 100, 1)}%`;

/** The four contenders, each on clients of its own so that no SDK state carries from one to the next. */
function contenders(url: string): Contender[] {
  const plain = () => recordingClient(url);
  const none = plain();
  // The SDK's adaptive mode retries on its own and paces every attempt with
  // its CUBIC token bucket, one per client: the library's retries are off so
  // that the SDK's layer alone decides, 20 attempts a page so that every page
  // ends, and no request timeout, since the SDK's own waits happen inside send().
  const sdk = recordingClient(url, { retryMode: 'adaptive', maxAttempts: 20 });
  const adaptive = plain();
  const fixed = plain();
  return [
    { label: 'the library, no pacer', ...none, options: {} },
    {
      label: "one shared client, SDK's adaptive mode",
      ...sdk,
      options: { retry: false, requestTimeout: Number.POSITIVE_INFINITY },
    },
    { label: 'the library, one shared createPacer()', ...adaptive, options: { pacer: createPacer() } },
    { label: 'the library, createPacer({ ratePerSecond: 5 })', ...fixed, options: { pacer: createPacer({ ratePerSecond: 5 }) } },
  ];
}

/** What the case prints, and the per-second series for the chart. */
export interface SharedPacingResult {
  readonly text: string;
  readonly series: readonly RateSeries[];
}

export async function sharedPacing(emulator: RemoteEmulator, runs: number): Promise<SharedPacingResult> {
  const all = contenders(emulator.url);
  const results: ContenderRun[] = [];
  try {
    for (const contender of all) results.push(await runContender(emulator, contender));
  } finally {
    for (const contender of all) contender.client.destroy();
  }
  const rows = results.map((run) => [
    run.label,
    pct(quotaShare(run)),
    `${pct(run.throttled / run.total)} (${fmt(run.throttled)} of ${fmt(run.total)})`,
    `${fmt(run.wallMs / 1000, 1)} s`,
    `${pct(spreadShare(run))} (${run.finishesMs.map((ms) => fmt(ms / 1000, 1)).join(', ')} s)`,
    fmt(run.resumed),
  ]);
  const headers = [
    `${LISTINGS} listings × ${PAGES} pages of ${PAGE_SIZE}, quota ${QUOTA.ratePerSecond}/s burst ${QUOTA.burst}`,
    'share of the quota used',
    'requests throttled',
    'wall time',
    'finish spread (finish times)',
    'pages resumed after retries ran out',
  ];
  // Many runs: a difference of 2% is well inside one run's noise on a shared machine.
  const cost = await noCost(emulator, Math.max(runs, 31));
  const inProcess = [];
  for (const pages of [1000, 10_000]) inProcess.push({ pages, ...(await noCostInProcess(pages, Math.max(runs, 9))) });
  const recovery = await recover(emulator);
  const text = [
    table(headers, rows),
    '',
    'Share of the quota used: successful requests ÷ (burst + rate × wall seconds). Throttled: 429s in the emulator’s log, of all its requests.',
    '',
    table(
      ['no throttling: 1 listing of 40 pages of 25, no latency', 'wall time, median (min–max)', 'vs no pacer'],
      [
        ['no pacer', `${fmtSpread(cost.without, 1)} ms`, '1.000×'],
        [
          'a fresh createPacer() each run',
          `${fmtSpread(cost.with, 1)} ms`,
          `${(cost.with.median / cost.without.median).toFixed(3)}×`,
        ],
        [
          'one createPacer() for every run',
          `${fmtSpread(cost.shared, 1)} ms`,
          `${(cost.shared.median / cost.without.median).toFixed(3)}×`,
        ],
      ],
    ),
    '',
    table(
      [
        'no throttling, in-process: 1 listing of pages of 1 (stub send)',
        'no pacer, per page',
        'one createPacer(), per page',
        'ratio',
      ],
      inProcess.map(({ pages, without, with: paced }) => [
        `${fmt(pages)} pages`,
        `${fmtSpread(without, 1)} µs`,
        `${fmtSpread(paced, 1)} µs`,
        `${(paced.median / without.median).toFixed(3)}×`,
      ]),
    ),
    '',
    'Throttled requests per second (the 429s among the requests answered):',
    '',
    '```text',
    ...results.map((run) => `${run.label.padEnd(48)}${run.throttledPerSecond.join(' ')}`),
    '```',
    '',
    recovery.text,
  ].join('\n');
  return { text, series: results.map((run) => ({ label: run.label, perSecond: run.perSecond })) };
}

/**
 * One listing of 40 pages with no throttling and no latency: without a
 * pacer, with a fresh adaptive pacer, and with one pacer that lives across
 * the runs, as a service's would. Runs interleaved.
 */
async function noCost(emulator: RemoteEmulator, runs: number) {
  await emulator.setFaults();
  const { client } = emulator;
  const time = async (options: Contender['options']) => {
    const started = performance.now();
    const { items } = await listAll(client, options);
    if (items !== PACING_JOBS) throw new Error(`expected ${PACING_JOBS} items, got ${items}`);
    return performance.now() - started;
  };
  // A first listing of each warms the connection and the JIT.
  await time({});
  await time({ pacer: createPacer() });
  const shared = createPacer();
  const contenders: Record<'without' | 'with' | 'shared', () => Promise<number>> = {
    without: () => time({}),
    with: () => time({ pacer: createPacer() }),
    shared: () => time({ pacer: shared }),
  };
  // Interleaved, and the order turned round on every other run: whatever a run leaves behind falls on each alike.
  const times = { without: [] as number[], with: [] as number[], shared: [] as number[] };
  const keys = Object.keys(contenders) as (keyof typeof contenders)[];
  for (let run = 0; run < runs; run++) {
    for (const key of run % 2 ? [...keys].reverse() : keys) {
      (globalThis as { gc?: () => void }).gc?.();
      times[key].push(await contenders[key]());
    }
  }
  return { without: spread(times.without), with: spread(times.with), shared: spread(times.shared) };
}

/**
 * What the pacer's own work costs a request, with the wire's noise taken
 * out: a stub send that answers from memory, `pages` pages of one job, in
 * µs a page. Two sizes, since the cost grows with the requests of the
 * last two seconds.
 */
async function noCostInProcess(pages: number, runs: number): Promise<Record<'without' | 'with', Spread>> {
  const client = stubClient(pages, 1);
  const pacer = createPacer();
  const time = async (options: Contender['options']) => {
    const started = performance.now();
    let items = 0;
    for await (const _job of paginateCustomizationJobs({}, { client, pageSize: 1, ...options })) items++;
    if (items !== pages) throw new Error(`expected ${pages} items, got ${items}`);
    return ((performance.now() - started) * 1000) / pages;
  };
  return interleaved(runs, { without: () => time({}), with: () => time({ pacer }) });
}

/** How long the phase before the doubling runs: long enough for the adaptive pacer to settle at the quota. */
const BEFORE_DOUBLING_MS = 20_000;
/** How long the run goes on after the doubling: the target's 10 s, and 5 s to see where the rate settles. */
const AFTER_DOUBLING_MS = 15_000;
/** The last stretch, over which the settled rate is averaged. */
const SETTLED_MS = 5000;
const DOUBLED = { ratePerSecond: 10, burst: 10 } as const;
/** The target: 80% of the new rate. */
const RECOVERED_PER_SECOND = 0.8 * DOUBLED.ratePerSecond;

/**
 * Four listings share one adaptive pacer, listing the account over and
 * over, while the emulator's quota is 5 a second; after 20 s it doubles.
 * Seconds from the doubling until the requests that succeeded in the last
 * second reach 8.
 */
async function recover(emulator: RemoteEmulator): Promise<{ text: string }> {
  const { client, answered } = recordingClient(emulator.url);
  const pacer = createPacer();
  const controller = new AbortController();
  await emulator.setFaults({ throttle: QUOTA });
  const startedAt = performance.now();
  const workers = Array.from({ length: LISTINGS }, async () => {
    while (!controller.signal.aborted) {
      try {
        for await (const _job of paginateCustomizationJobs(
          {},
          { client, pageSize: PAGE_SIZE, pacer, signal: controller.signal },
        ));
      } catch (error) {
        if (!controller.signal.aborted) throw error;
      }
    }
  });
  const successesInSecondTo = (time: number) =>
    answered.filter(({ at, status }) => status === 200 && at > time - 1000 && at <= time).length;
  await sleep(BEFORE_DOUBLING_MS);
  const rateBefore = pacer.stats().ratePerSecond;
  const throttledBefore = pacer.stats().throttled;
  await emulator.setFaults({ throttle: DOUBLED });
  const doubledAt = performance.now();
  await sleep(AFTER_DOUBLING_MS);
  controller.abort();
  await Promise.all(workers);
  const endedAt = performance.now();
  // Each success is the end of a window: the first window that holds 8 is when the rate got there.
  const recoveredAt = answered
    .filter(({ at, status }) => status === 200 && at >= doubledAt)
    .map(({ at }) => at)
    .find((at) => successesInSecondTo(at) >= RECOVERED_PER_SECOND);
  const settled =
    answered.filter(({ at, status }) => status === 200 && at > doubledAt + AFTER_DOUBLING_MS - SETTLED_MS).length /
    (SETTLED_MS / 1000);
  client.destroy();
  const stats = pacer.stats();
  const seconds = perSecond(
    answered.filter(({ status }) => status === 200),
    startedAt,
    endedAt,
  );
  const doubledSecond = Math.floor((doubledAt - startedAt) / 1000);
  const figure =
    recoveredAt === undefined ? `not within ${AFTER_DOUBLING_MS / 1000} s` : `**${fmt((recoveredAt - doubledAt) / 1000, 1)} s**`;
  return {
    text: [
      table(
        [
          'recovery: 4 listings, one createPacer(), quota 5/s then 10/s',
          'doubling to 8 successes in 1 s',
          'pacer rate before → at the end',
          'throttled before → after the doubling',
          `successes/s over its last ${SETTLED_MS / 1000} s`,
        ],
        [
          [
            `quota doubled at ${fmt(BEFORE_DOUBLING_MS / 1000)} s`,
            figure,
            `${fmt(rateBefore, 2)} → ${fmt(stats.ratePerSecond, 2)} /s`,
            `${fmt(throttledBefore)} → ${fmt(stats.throttled - throttledBefore)}`,
            fmt(settled, 1),
          ],
        ],
      ),
      '',
      `Successful requests per second (the doubling in second ${doubledSecond}): ${seconds.join(' ')}`,
    ].join('\n'),
  };
}
