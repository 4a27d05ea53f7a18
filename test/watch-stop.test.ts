/**
 * Issue 12, point 4: `break`, `return()`, abort and `timeout` end a watch
 * or a wait at once, between polls or with a request on the wire, with no
 * request after and no timer left. (How soon, in ms, is for the bench.)
 */
import { describe, expect, test } from 'vitest';
import { customizationJobs } from '../src/bedrock/kinds/index.js';
import type { Faults } from '../src/emulator/index.js';
import { type BedrockClientLike, waitForCustomizationJobs, watchCustomizationJobs } from '../src/index.js';
import { JOB_KINDS, read, running } from './support/job-kinds.js';
import { kindRequests, sdkListing, setupKind } from './support/kinds.js';
import { settle } from './support/settle.js';

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;
const MINUTE = 60_000;

/** A real client that records each send and its signal. */
function recording(client: { send: (command: never, options?: never) => Promise<unknown> }) {
  const calls: { signal: AbortSignal | undefined }[] = [];
  return {
    calls,
    client: {
      send: (command: object, options?: { abortSignal?: AbortSignal }) => {
        calls.push({ signal: options?.abortSignal });
        return client.send(command as never, options as never);
      },
    } as unknown as BedrockClientLike,
  };
}

const SITUATIONS: readonly [string, Faults | undefined][] = [
  ['between polls', undefined],
  ['with a request on the wire', { hang: { probability: 1 } }],
];

describe.each(SITUATIONS)('a watch stopped %s', (_situation, faults) => {
  const setup = async () => {
    const { emulator, client } = await setupKind(customizationJobs, 20, { clock: 'virtual' });
    const count = (await sdkListing(customizationJobs, client)).length;
    const recorded = recording(client);
    return { emulator, count, ...recorded };
  };

  /** Starts a watch, reads its current state, and leaves it with a next() pending in the given situation. */
  const pendingWatch = async (options: { signal?: AbortSignal }) => {
    const { emulator, count, calls, client } = await setup();
    const timersBefore = timers();
    // With a fault, the next poll starts at once and hangs; without, the watch waits a minute.
    const events = watchCustomizationJobs({}, { client, interval: faults ? 0 : MINUTE, ...options })[Symbol.asyncIterator]();
    await read(events, count);
    if (faults) emulator.setFaults(faults);
    const pending = events.next();
    pending.catch(() => {});
    if (faults) await expect.poll(() => calls.length).toBe(2);
    else await settle();
    return { emulator, events, pending, calls, timersBefore, sentAtStop: calls.length };
  };

  const nothingAfter = async (run: {
    calls: readonly { signal: AbortSignal | undefined }[];
    sentAtStop: number;
    timersBefore: number;
  }) => {
    await settle();
    expect(run.calls).toHaveLength(run.sentAtStop);
    // A request on the wire was aborted, not left to finish.
    if (faults) expect(run.calls.at(-1)?.signal?.aborted).toBe(true);
    await expect.poll(timers).toBeLessThanOrEqual(run.timersBefore);
  };

  test('return(): the pending next() ends the iteration', async () => {
    const run = await pendingWatch({});
    await run.events.return?.();
    await expect(run.pending).resolves.toMatchObject({ done: true });
    await nothingAfter(run);
  });

  // A break comes from the loop's body, when no next() is pending: between polls only.
  test.skipIf(faults !== undefined)('break out of for await', async () => {
    const { count, calls, client, emulator } = await setup();
    const timersBefore = timers();
    let seen = 0;
    for await (const _event of watchCustomizationJobs({}, { client, interval: MINUTE })) {
      if (++seen === count) {
        if (faults) emulator.setFaults(faults);
        break;
      }
    }
    await nothingAfter({ calls, sentAtStop: calls.length, timersBefore });
  });

  test("abort: the pending next() rejects with the signal's reason", async () => {
    const controller = new AbortController();
    const run = await pendingWatch({ signal: controller.signal });
    const reason = new Error('dashboard closed');
    controller.abort(reason);
    await expect(run.pending).rejects.toBe(reason);
    await nothingAfter(run);
  });
});

test.each(SITUATIONS)(
  'a watch whose timeout passes %s rejects with a TimeoutError, leaving nothing behind',
  async (_situation, faults) => {
    const { emulator, client } = await setupKind(customizationJobs, 20, { clock: 'virtual', ...(faults ? { faults } : {}) });
    const recorded = recording(client);
    const timersBefore = timers();
    const error = await watchCustomizationJobs({}, { client: recorded.client, interval: MINUTE, timeout: 200 })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DOMException);
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'watch of ListModelCustomizationJobs timed out after 200 ms' });
    const sent = recorded.calls.length;
    await settle();
    expect(recorded.calls).toHaveLength(sent);
    expect(kindRequests(emulator, customizationJobs).length).toBeLessThanOrEqual(sent);
    await expect.poll(timers).toBeLessThanOrEqual(timersBefore);
  },
);

describe.each(SITUATIONS)('a wait stopped %s', (situation, faults) => {
  const { kind } = JOB_KINDS[0] as (typeof JOB_KINDS)[number];

  const setup = async () => {
    const { emulator, client } = await setupKind(kind, 30, { clock: 'virtual' });
    const [job] = running(kind, await sdkListing(kind, client));
    if (faults) emulator.setFaults(faults);
    return { job: String(job?.jobArn), ...recording(client) };
  };

  test("abort rejects it with the signal's reason", async () => {
    const { job, calls, client } = await setup();
    const timersBefore = timers();
    const controller = new AbortController();
    const waited = waitForCustomizationJobs([job], { client, interval: MINUTE, signal: controller.signal });
    waited.catch(() => {});
    await expect.poll(() => calls.length).toBeGreaterThan(0);
    if (situation === 'between polls') await settle();
    const sent = calls.length;
    controller.abort(new Error('pipeline cancelled'));
    await expect(waited).rejects.toThrow('pipeline cancelled');
    await settle();
    expect(calls).toHaveLength(sent);
    if (faults) expect(calls.at(-1)?.signal?.aborted).toBe(true);
    await expect.poll(timers).toBeLessThanOrEqual(timersBefore);
  });

  test('timeout rejects it with a TimeoutError', async () => {
    const { job, calls, client } = await setup();
    const timersBefore = timers();
    const error = await waitForCustomizationJobs([job], { client, interval: MINUTE, timeout: 200 }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'wait for customization job timed out after 200 ms' });
    const sent = calls.length;
    await settle();
    expect(calls).toHaveLength(sent);
    await expect.poll(timers).toBeLessThanOrEqual(timersBefore);
  });
});
