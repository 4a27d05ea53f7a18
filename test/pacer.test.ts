/**
 * The pacer's rate logic, on a virtual clock (issue 13): unlimited until
 * throttled, then CUBIC's cut and climb; one cut a round; turns in arrival
 * order; a fixed rate and burst; aborts; quotas kept apart; the figures.
 */
import { describe, expect, test } from 'vitest';
import { CUBIC } from '../src/pacing/cubic-rate.js';
import { paceRequest, pacerOn } from '../src/pacing/pacer.js';
import type { PaceTicket } from '../src/pacing/quota.js';
import { virtualClock } from './support/virtual-clock.js';

/** Takes `count` turns at once and settles each as it comes, recording when. */
function take(pacer: ReturnType<typeof pacerOn>, key: string, count: number, now: () => number) {
  const at: number[] = [];
  const tickets = Array.from({ length: count }, () =>
    pacer[paceRequest](key, undefined).then((ticket) => {
      at.push(now());
      return ticket;
    }),
  );
  return { at, tickets };
}

/** Ten requests succeed over the two seconds to now, one every 200 ms: 5 a second. */
async function succeedFiveASecond(pacer: ReturnType<typeof pacerOn>, time: ReturnType<typeof virtualClock>) {
  for (let n = 0; n < 10; n++) {
    (await pacer[paceRequest]('q', undefined)).settle('succeeded');
    await time.advance(200);
  }
}

describe('an adaptive pacer', () => {
  test('lets every request go at once until one is throttled', async () => {
    const time = virtualClock();
    const pacer = pacerOn(time.clock);
    const { at, tickets } = take(pacer, 'q', 50, () => time.now);
    await time.advance(0);
    expect(at).toHaveLength(50);
    for (const ticket of await Promise.all(tickets)) {
      expect(ticket.waitedMs).toBe(0);
      ticket.settle('succeeded');
    }
    expect(pacer.stats()).toMatchObject({ ratePerSecond: Number.POSITIVE_INFINITY, requests: 50, throttled: 0, waitedMs: 0 });
    expect(time.pending).toBe(0);
  });

  test('after a throttle, paces at beta × the rate that succeeded, one turn every 1/rate s, in arrival order', async () => {
    const time = virtualClock();
    const pacer = pacerOn(time.clock);
    // Five a second succeed; then one is throttled.
    await succeedFiveASecond(pacer, time);
    (await pacer[paceRequest]('q', undefined)).settle('throttled');
    const rate = CUBIC.beta * 5;
    expect(pacer.stats().ratePerSecond).toBeCloseTo(rate, 6);
    const order: number[] = [];
    const tickets = [0, 1, 2].map((n) =>
      pacer[paceRequest]('q', undefined).then((ticket) => {
        order.push(n);
        return ticket;
      }),
    );
    await time.advance(Math.ceil(1000 / rate) - 1);
    expect(order).toEqual([]);
    await time.advance(1);
    expect(order).toEqual([0]);
    await time.advance(2 * Math.ceil(1000 / rate));
    expect(order).toEqual([0, 1, 2]);
    const waited = (await Promise.all(tickets)).map((ticket) => ticket.waitedMs);
    expect(waited[0]).toBe(Math.ceil(1000 / rate));
    expect(pacer.stats().waitedMs).toBe(waited.reduce((sum, ms) => sum + ms, 0));
  });

  test('cuts once for a round: throttles of requests that went out before the cut tell nothing new', async () => {
    const time = virtualClock();
    const pacer = pacerOn(time.clock);
    await succeedFiveASecond(pacer, time);
    const inFlight = await Promise.all([1, 2, 3, 4].map(() => pacer[paceRequest]('q', undefined)));
    for (const ticket of inFlight) ticket.settle('throttled');
    expect(pacer.stats()).toMatchObject({ throttled: 4 });
    expect(pacer.stats().ratePerSecond).toBeCloseTo(CUBIC.beta * 5, 6);
  });

  test('climbs back to the throttled rate, holds there for the plateau, then probes past it', async () => {
    const time = virtualClock();
    const pacer = pacerOn(time.clock);
    await succeedFiveASecond(pacer, time);
    (await pacer[paceRequest]('q', undefined)).settle('throttled');
    const window = Math.cbrt((5 * (1 - CUBIC.beta)) / CUBIC.scaleConstant);
    /** Serves turns as fast as the pacer allows for `seconds`, each one succeeding; the rate at the end. */
    const run = async (seconds: number) => {
      const end = time.now + seconds * 1000;
      while (time.now < end) {
        let ticket: PaceTicket | undefined;
        void pacer[paceRequest]('q', undefined).then((turn) => {
          ticket = turn;
        });
        while (ticket === undefined) await time.advance(10);
        ticket.settle('succeeded');
      }
      return pacer.stats().ratePerSecond;
    };
    const climbing = await run(window / 2);
    expect(climbing).toBeGreaterThan(CUBIC.beta * 5);
    expect(climbing).toBeLessThan(5);
    expect(await run(window / 2 + CUBIC.plateau / 2)).toBeCloseTo(5, 6);
    expect(await run(CUBIC.plateau / 2 + 3)).toBeGreaterThan(5);
  });
});

describe('a fixed pacer', () => {
  test('lets the burst go at once, then one turn every 1/rate s, whatever it is told', async () => {
    const time = virtualClock();
    const pacer = pacerOn(time.clock, { ratePerSecond: 4, burst: 2 });
    const { at, tickets } = take(pacer, 'q', 6, () => time.now);
    await time.advance(1000);
    expect(at).toEqual([0, 0, 250, 500, 750, 1000]);
    for (const ticket of await Promise.all(tickets)) ticket.settle('throttled');
    expect(pacer.stats()).toMatchObject({ ratePerSecond: 4, requests: 6, throttled: 6 });
  });

  test('takes turns in arrival order, so that listings sharing it share it evenly', async () => {
    const time = virtualClock();
    const pacer = pacerOn(time.clock, { ratePerSecond: 10, burst: 1 });
    const served: string[] = [];
    /** A listing: takes a turn, settles it, takes the next, `pages` times. */
    const listing = async (name: string, pages: number) => {
      for (let page = 0; page < pages; page++) {
        const ticket = await pacer[paceRequest]('q', undefined);
        served.push(name);
        ticket.settle('succeeded');
      }
    };
    const all = Promise.all(['a', 'b', 'c', 'd'].map((name) => listing(name, 5)));
    await time.advance(3000);
    await all;
    // Every round of four turns serves each listing once.
    for (let round = 0; round < 5; round++) expect(new Set(served.slice(round * 4, round * 4 + 4)).size).toBe(4);
  });
});

test('an abort while waiting rejects that turn with its reason, lets the others on, and leaves no timer when none waits', async () => {
  const time = virtualClock();
  const pacer = pacerOn(time.clock, { ratePerSecond: 1, burst: 1 });
  (await pacer[paceRequest]('q', undefined)).settle('succeeded');
  const controller = new AbortController();
  const aborted = pacer[paceRequest]('q', controller.signal);
  const next = pacer[paceRequest]('q', undefined);
  const reason = new Error('gone');
  controller.abort(reason);
  await expect(aborted).rejects.toBe(reason);
  await time.advance(1000);
  await expect(next).resolves.toMatchObject({ waitedMs: 1000 });
  expect(time.pending).toBe(0);
  const alone = new AbortController();
  const last = pacer[paceRequest]('q', alone.signal);
  expect(time.pending).toBe(1);
  alone.abort();
  await expect(last).rejects.toThrow();
  expect(time.pending).toBe(0);
  await expect(pacer[paceRequest]('q', AbortSignal.abort(reason))).rejects.toBe(reason);
});

test('quotas are kept apart, and stats() sums them and gives each its own', async () => {
  const time = virtualClock();
  const pacer = pacerOn(time.clock, { ratePerSecond: 1, burst: 1 });
  const a = await pacer[paceRequest]('ListModelCustomizationJobs us-east-1 AKIA1', undefined);
  const b = await pacer[paceRequest]('ListModelCustomizationJobs us-west-2 AKIA1', undefined);
  for (const ticket of [a, b] as PaceTicket[]) ticket.settle('succeeded');
  // Each had its own burst: neither waited for the other.
  expect([a.waitedMs, b.waitedMs]).toEqual([0, 0]);
  const stats = pacer.stats();
  expect(stats).toMatchObject({ ratePerSecond: 2, requests: 2, throttled: 0, waitedMs: 0 });
  expect(Object.keys(stats.quotas)).toEqual([
    'ListModelCustomizationJobs us-east-1 AKIA1',
    'ListModelCustomizationJobs us-west-2 AKIA1',
  ]);
  // A ticket settles once.
  a.settle('throttled');
  expect(pacer.stats().requests).toBe(2);
});
