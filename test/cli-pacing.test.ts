import { paginateListModelCustomizationJobs } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { generateJobs } from '../src/emulator/index.js';
import { paginateCustomizationJobs } from '../src/index.js';
import { type Run, runCliOnTty } from './support/cli.js';
import { clientFor, useEmulator } from './support/emulator-client.js';
import { CHILD_PROCESS_MS } from './support/timeouts.js';

/**
 * The CLI paces its own clients with one adaptive pacer per run, and its
 * progress line tells time paced apart from time in backoff.
 */

// 150 jobs at --page-size 10: 15 pages, three times the emulator's burst.
const JOBS = generateJobs({ count: 150, seed: 13 });
const THROTTLE = { ratePerSecond: 5, burst: 5 };
/** What the progress line draws and clears itself with, after a carriage return. */
const ERASE_LINE = '\x1b[K';

/**
 * The ndjson items of a run on a terminal, where stdout and stderr share
 * the stream: a line may carry the progress line drawn and cleared before
 * the item (`\r\x1b[K…\r\x1b[K{…}`), so each item is what follows the last clear.
 */
function itemArnsOf(run: Run): string[] {
  return run.stdout
    .split(/\r?\n/)
    .map((line) => line.split(ERASE_LINE).at(-1) as string)
    .filter((line) => line.startsWith('{'))
    .map((line) => (JSON.parse(line) as { jobArn: string }).jobArn);
}

/** Every state the progress line was drawn in. */
const progressLinesOf = (run: Run) =>
  run.stdout
    .replaceAll(ERASE_LINE, '\n')
    .split(/\r|\n/)
    .filter((part) => / pages? · /.test(part))
    .map((part) => part.trim());

describe('bedrock-jobs list: pacing', { timeout: CHILD_PROCESS_MS }, () => {
  test('throttled by a token bucket, the listing is paced, says so, and lists exactly what the SDK lists', async () => {
    const emulator = await useEmulator({ jobs: JOBS, faults: { throttle: THROTTLE } });
    const run = await runCliOnTty(['list', '--endpoint-url', emulator.url, '--page-size', '10', '--output', 'ndjson']);
    expect(run.code, run.stdout).toBe(0);
    // The bucket did throttle: the pacer learned the rate from it.
    expect(emulator.requests.some((request) => request.status === 429)).toBe(true);
    const lines = progressLinesOf(run);
    expect(
      lines.some((line) => /· paced \d+\.\d s/.test(line)),
      lines.join('\n'),
    ).toBe(true);
    // Pacing is told apart from backoff: each has its own figure.
    expect(
      lines.every((line) => /^\d+ pages? · \d+ items? · (0 retries|\d+ retr(y|ies) \(\d+\.\d s in backoff\))/.test(line)),
    ).toBe(true);

    // The SDK's own paginator, once the throttling is off: the reference, item for item.
    emulator.setFaults({});
    const sdk: string[] = [];
    const client = clientFor(emulator);
    for await (const page of paginateListModelCustomizationJobs({ client, pageSize: 10 }, {})) {
      sdk.push(...(page.modelCustomizationJobSummaries ?? []).map((job) => job.jobArn as string));
    }
    client.destroy();
    expect(sdk).toHaveLength(JOBS.length);
    expect(itemArnsOf(run)).toEqual(sdk);
  });

  test('--regions: the merged listing is paced too, and is the library’s, item for item', async () => {
    // Each region its own account and its own token bucket: two quotas, one pacer.
    const emulator = await useEmulator({
      jobs: { count: 100, seed: 13, endingAt: new Date('2026-06-01T00:00:00Z') },
      regions: { 'us-east-1': { accountId: '111122223333' }, 'us-west-2': { accountId: '444455556666' } },
      faults: { throttle: THROTTLE },
    });
    const run = await runCliOnTty([
      'list',
      '--endpoint-url',
      emulator.url,
      '--regions',
      'us-east-1,us-west-2',
      '--page-size',
      '10',
      '--output',
      'ndjson',
    ]);
    expect(run.code, run.stdout).toBe(0);
    expect(emulator.requests.some((request) => request.status === 429)).toBe(true);
    expect(progressLinesOf(run).some((line) => /· paced \d+\.\d s/.test(line))).toBe(true);

    emulator.setFaults({});
    const clients = ['us-east-1', 'us-west-2'].map((region) => clientFor(emulator, { region }));
    const library = await paginateCustomizationJobs({}, { clients, pageSize: 10 }).toArray();
    for (const client of clients) client.destroy();
    expect(library.length).toBeGreaterThan(100);
    expect(itemArnsOf(run)).toEqual(library.map((job) => job.jobArn));
  });

  test('without throttling, the progress line never says paced', async () => {
    const emulator = await useEmulator({ jobs: JOBS });
    const run = await runCliOnTty(['list', '--endpoint-url', emulator.url, '--page-size', '10', '--output', 'ndjson']);
    expect(run.code, run.stdout).toBe(0);
    const lines = progressLinesOf(run);
    expect(lines.at(-1)).toMatch(/^1[56] pages · 150 items · 0 retries$/);
    expect(run.stdout).not.toMatch(/paced/);
    expect(itemArnsOf(run)).toHaveLength(JOBS.length);
  });
});
