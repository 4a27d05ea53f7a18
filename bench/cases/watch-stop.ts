/**
 * Case 11: how fast a watch and a wait stop (issue 12). Each is stopped in
 * each way it can be (`break`, `return()` with a `next()` pending, an abort,
 * its `timeout`) in two states: between polls (interval 60 s, the first
 * poll done), and while its request waits for an answer that the emulator
 * delays by 60 s. What is measured is the time from the stop to the
 * settled promise or loop, and the requests the emulator saw after it.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { paginateCustomizationJobs, waitForCustomizationJobs, watchCustomizationJobs } from '../../src/index.js';
import type { RemoteEmulator } from '../support/remote-emulator.js';
import { fmt, fmtSpread, spread, table } from '../support/stats.js';

const INTERVAL_MS = 60_000;
/** The delayed answer: far longer than any stop should take. */
const DELAY_MS = 60_000;
/** The `timeout` of the timeout rows: long enough for the first poll of a small account to finish first. */
const TIMEOUT_MS = 400;

const BREAK = 'watch: break in for await, at an event of poll 1';

type State = 'between polls' | 'request delayed';

/** Waits until the run is in the state to stop it in: its one request answered, or on the wire. */
async function reached(emulator: RemoteEmulator, state: State): Promise<void> {
  for (;;) {
    const requests = await emulator.requests();
    if (state === 'between polls' ? requests.length > 0 && requests.every((r) => r.status === 200) : requests.length > 0) break;
    await sleep(5);
  }
  await sleep(20);
}

/** One stop: how long it took, and the requests after it, having checked that the run was in `state` when it stopped. */
interface Stop {
  readonly ms: number;
  readonly after: number;
}

async function measure(emulator: RemoteEmulator, state: State, stop: () => Promise<number>): Promise<Stop> {
  await emulator.clearRequests();
  await emulator.setFaults(state === 'request delayed' ? { latency: DELAY_MS } : {});
  const ms = await stop();
  await sleep(100); // a request that the stop failed to prevent would arrive by now
  const requests = await emulator.requests();
  // One request before the stop in both states: answered between polls, cut off (status 0) when delayed.
  const first = requests[0]?.status;
  if (first !== (state === 'between polls' ? 200 : 0)) {
    throw new Error(`${state}: the first request ended with status ${first}, so the stop came in another state`);
  }
  return { ms, after: requests.length - 1 };
}

/** The ways to stop a watch or a wait, each from the moment the run is in `state`. */
function stops(emulator: RemoteEmulator, names: readonly string[]): Record<string, (state: State) => Promise<number>> {
  const { client } = emulator;
  const options = { client, interval: INTERVAL_MS };
  /** From the abort to the settled run, once the run has reached `state`. */
  const abortLatency = async (state: State, run: (signal: AbortSignal) => Promise<unknown>) => {
    const controller = new AbortController();
    const settled = run(controller.signal).then(
      () => Number.NaN,
      () => performance.now(),
    );
    await reached(emulator, state);
    const stopped = performance.now();
    controller.abort();
    return (await settled) - stopped;
  };
  /** From the moment the timeout was due to the settled run. */
  const timeoutLatency = async (run: () => Promise<unknown>) => {
    const started = performance.now();
    const settled = await run().then(
      () => Number.NaN,
      () => performance.now(),
    );
    return settled - (started + TIMEOUT_MS);
  };
  return {
    // Only between polls: a consumer holds an event to break at once the poll has answered.
    [BREAK]: async (state) => {
      let broke = Number.NaN;
      for await (const _event of watchCustomizationJobs({}, options)) {
        await reached(emulator, state);
        broke = performance.now();
        break;
      }
      return performance.now() - broke;
    },
    'watch: iterator.return() with a next() pending': async (state) => {
      // initial: false, so that the first poll yields nothing and next() waits on.
      const iterator = watchCustomizationJobs({}, { ...options, initial: false })[Symbol.asyncIterator]();
      const pending = iterator.next();
      await reached(emulator, state);
      const stopped = performance.now();
      await Promise.all([iterator.return?.(), pending.catch(() => undefined)]);
      return performance.now() - stopped;
    },
    'watch: signal.abort()': (state) =>
      abortLatency(state, (signal) => watchCustomizationJobs({}, { ...options, initial: false, signal }).toArray()),
    [`watch: timeout (${TIMEOUT_MS} ms)`]: () =>
      timeoutLatency(() => watchCustomizationJobs({}, { ...options, initial: false, timeout: TIMEOUT_MS }).toArray()),
    'wait: signal.abort()': (state) => abortLatency(state, (signal) => waitForCustomizationJobs(names, { ...options, signal })),
    [`wait: timeout (${TIMEOUT_MS} ms)`]: () =>
      timeoutLatency(() => waitForCustomizationJobs(names, { ...options, timeout: TIMEOUT_MS })),
  };
}

export async function watchStop(emulator: RemoteEmulator, runs = 7): Promise<string> {
  await emulator.setFaults();
  // Jobs that run until stopped: the wait never ends on its own.
  const names = await paginateCustomizationJobs({ statusEquals: 'InProgress' }, { client: emulator.client })
    .map((job) => job.jobName as string)
    .take(3)
    .toArray();
  const rows: string[][] = [];
  for (const [name, stop] of Object.entries(stops(emulator, names))) {
    for (const state of ['between polls', 'request delayed'] as const) {
      if (name === BREAK && state !== 'between polls') continue;
      const results: Stop[] = [];
      for (let run = 0; run < runs; run++) {
        results.push(await measure(emulator, state, () => stop(state)));
      }
      const times = results.map((result) => result.ms);
      if (times.some(Number.isNaN)) throw new Error(`${name}, ${state}: it ended without being stopped`);
      rows.push([name, state, `${fmtSpread(spread(times), 2)} ms`, fmt(Math.max(...results.map((result) => result.after)))]);
    }
  }
  await emulator.setFaults();
  return table(
    [
      `stop a watch or a wait, interval ${INTERVAL_MS / 1000} s, ${runs} runs`,
      'while',
      'stop to settled, median (min–max)',
      'requests after the stop (max)',
    ],
    rows,
  );
}
