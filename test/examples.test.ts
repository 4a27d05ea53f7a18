import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { type Emulator, type EmulatorJob, generateJobs, startEmulator } from '../src/emulator/index.js';
import { paginateCustomizationJobs, paginateCustomModels, paginateModelImportJobs } from '../src/index.js';
import { clientFor, TEST_CREDENTIALS } from './support/emulator-client.js';
import { DOC_FILES, embeddedExamples, readDoc } from './support/markdown.js';
import { referenceListing } from './support/reference-listing.js';
import { REAL_WAITS_MS } from './support/timeouts.js';

/** Every `<!-- example: path -->` marker in the README and the manual, with the code block after it. */
const embedded = DOC_FILES.flatMap((page) => embeddedExamples(readDoc(page)).map((example) => ({ page, ...example })));

const JOBS = generateJobs({ count: 3000, seed: 17 });
let emulator: Emulator;

// The examples are written for real AWS: the default client finds the
// emulator through the same variables that would point it at a region.
beforeAll(async () => {
  emulator = await startEmulator({ jobs: JOBS, customModels: { count: 40, seed: 17 }, importJobs: { count: 30, seed: 17 } });
  vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', emulator.url);
  vi.stubEnv('AWS_REGION', 'us-east-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', TEST_CREDENTIALS.accessKeyId);
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', TEST_CREDENTIALS.secretAccessKey);
});
afterAll(async () => {
  vi.unstubAllEnvs();
  await emulator.close();
});

/** Whether this Node has Array.fromAsync (22 and later). */
const NATIVE_FROM_ASYNC = typeof (Array as { fromAsync?: unknown }).fromAsync === 'function';
/** What examples/array-from-async.ts prints where Array.fromAsync exists, and where it does not. */
const fromAsyncLine = () => `Array.fromAsync: ${JOBS.filter((job) => job.status === 'Stopped').length} stopped jobs`;
const WHY_NOT_LINE = expect.stringMatching(
  /^Array\.fromAsync needs Node 22 or later, and this is Node \d+\.\d+\.\d+; \.toArray\(\) does the same\.$/,
);

/** Array.fromAsync's contract, for an async iterable: every item, in order. */
async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const collected: T[] = [];
  for await (const item of items) collected.push(item);
  return collected;
}

/** Runs an example as a fresh module, and returns what it logged. */
async function run(path: string, faults: Parameters<Emulator['setFaults']>[0] = {}): Promise<string[]> {
  emulator.setFaults(faults);
  const log = vi.spyOn(console, 'log').mockImplementation(() => {});
  try {
    vi.resetModules();
    await import(/* @vite-ignore */ new URL(`../${path}`, import.meta.url).pathname);
    return log.mock.calls.map((call) => call.join(' '));
  } finally {
    log.mockRestore();
    emulator.setFaults();
  }
}

describe('examples in the README and docs/', () => {
  test('the README and the manual embed the examples', () => {
    expect(embedded.filter(({ page }) => page === 'README.md').map(({ path }) => path)).toEqual(
      expect.arrayContaining(['examples/for-await.ts', 'examples/filter-take.ts']),
    );
    expect(embedded.filter(({ page }) => page === 'docs/guide.md').map(({ path }) => path)).toContain('examples/checkpoint.ts');
    expect(embedded.filter(({ page }) => page === 'docs/emulator.md').map(({ path }) => path)).toContain('examples/emulator.ts');
  });

  test.each(DOC_FILES)('every TypeScript block in %s is an embedded example, so every one is run', (page) => {
    expect(readDoc(page).match(/```ts\n/g) ?? []).toHaveLength(embedded.filter((example) => example.page === page).length);
  });

  test('every embedded example is one that a test below runs', () => {
    const run = new Set([...readDoc('test/examples.test.ts').matchAll(/run\('(examples\/[^']+)'/g)].map(([, path]) => path));
    for (const { page, path } of embedded) {
      // A vitest file under examples/ (emulator.test.ts, emulator-account.test.ts) is run by vitest itself.
      if (!path.endsWith('.test.ts')) expect(run, `${page}: ${path}`).toContain(path);
    }
  });

  test.each(embedded)('$path is embedded in $page exactly as it is', ({ path, code }) => {
    expect(code).toBe(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
  });
});

describe('examples, run against the emulator', () => {
  test('emulator.ts lists failed jobs from a seeded emulator, through throttling', async () => {
    const lines = await run('examples/emulator.ts');
    expect(lines.slice(0, 3).every((line) => /^\d{4}-\d\d-\d\dT\S+Z Failed \S+$/.test(line))).toBe(true);
    expect(lines[3]).toMatch(/^\d+ request\(s\), statuses (429, )*200$/);
  });

  test('lifecycle.ts: on a virtual clock, an added job ends after its own durationMs, a created one after one drawn from the seed', async () => {
    expect(await run('examples/lifecycle.ts')).toEqual([
      'import-a Failed after 30 min: Internal error: the job could not complete. Try again later.',
      'fine-tune-a Completed after 177 min',
    ]);
  });

  test('for-await.ts prints every failed job, newest first', async () => {
    const lines = await run('examples/for-await.ts');
    const failed = JOBS.filter((job) => job.status === 'Failed');
    expect(lines).toHaveLength(failed.length);
    const byArn = new Map(JOBS.map((job) => [job.jobArn, job]));
    expect(lines).toEqual(
      referenceListing(JOBS, { statusEquals: 'Failed' }).map((arn) => {
        const job = byArn.get(arn);
        return `${new Date(job?.creationTime as Date).toISOString()} ${job?.jobName}`;
      }),
    );
  });

  test('filter-take.ts prints 10 fine-tuning jobs and the newest job', async () => {
    const lines = await run('examples/filter-take.ts');
    const names = lines[0]?.split('\n');
    expect(names).toHaveLength(10);
    expect(names?.every((name) => name.includes('-ft-'))).toBe(true);
    const newest = JOBS.find((job) => job.jobArn === referenceListing(JOBS)[0]);
    expect(lines[1]).toBe(`newest: ${newest?.jobName}`);
  });

  test('abort.ts counts within its time limit', async () => {
    const count = JOBS.filter((job) => job.jobName.includes('support')).length;
    expect(await run('examples/abort.ts')).toEqual([`${count} jobs named *support*`]);
  });

  // The example's own 2 s deadline runs out.
  test('abort.ts gives up when the service is too slow', { timeout: REAL_WAITS_MS }, async () => {
    expect(await run('examples/abort.ts', { latency: 10_000 })).toEqual([expect.stringMatching(/^gave up: TimeoutError/)]);
  });

  // The example's backoff waits 1 to 2 s.
  test('kinds.ts counts the active custom models by origin and names the newest imports, as the emulator holds them', async () => {
    const models = await paginateCustomModels({ modelStatus: 'Active' }).toArray();
    const imports = await paginateModelImportJobs({ statusEquals: 'Completed' }).take(3).toArray();
    const lines = await run('examples/kinds.ts');
    expect(lines[0]).toMatch(/^active custom models: /);
    const counted = [...(lines[0] as string).matchAll(/(\w+) (\d+)/g)].reduce((sum, match) => sum + Number(match[2]), 0);
    expect(counted).toBe(models.length);
    expect(models.length).toBeGreaterThan(0);
    expect(lines.slice(1)).toEqual(imports.map((job) => `${job.jobName} imported ${job.importedModelName}`));
    expect(imports).toHaveLength(3);
  });

  test('regions.ts lists two regions as one listing, newest first, each job with its region and account', async () => {
    const west = await startEmulator({
      regions: {
        'us-east-1': { jobs: { count: 300, seed: 21 } },
        'us-west-2': { accountId: '111122223333', jobs: { count: 300, seed: 22 } },
      },
    });
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', west.url);
    try {
      const lines = await run('examples/regions.ts');
      const expected = ['us-east-1', 'us-west-2'].flatMap((region) => {
        const { accountId, requests } = west.region(region);
        expect(requests).toBeDefined();
        return paginateCustomizationJobs({ statusEquals: 'InProgress' }, { client: clientFor(west, { region }) })
          .toArray()
          .then((jobs) => jobs.map((job) => ({ job, region, accountId })));
      });
      const jobs = (await Promise.all(expected)).flat();
      expect(jobs.length).toBeGreaterThan(1);
      expect(new Set(jobs.map(({ region }) => region)).size).toBe(2);
      // Newest first across both; ties to the region listed first.
      const merged = jobs
        .map((entry, order) => ({ ...entry, order }))
        .sort((a, b) => (b.job.creationTime as Date).getTime() - (a.job.creationTime as Date).getTime() || a.order - b.order);
      expect(lines).toEqual(
        merged.map(({ job, region, accountId }) => `${job.creationTime?.toISOString()} ${region} ${accountId} ${job.jobName}`),
      );
    } finally {
      vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', emulator.url);
      await west.close();
    }
  });

  test('merge-sorted.ts merges two ordered sources into one order', async () => {
    expect(await run('examples/merge-sorted.ts')).toEqual(['0 1 2 3 4 5 6 8']);
  });

  test('retry.ts reports each retry and gets through', { timeout: REAL_WAITS_MS }, async () => {
    const lines = await run('examples/retry.ts', { throttle: { first: 1 } });
    expect(lines).toEqual([
      // The first wait is minTimeout (1 s) times the jitter in [1, 2).
      expect.stringMatching(/^page 1: attempt 1 hit throttling, retrying in 1\d{3} ms$/),
      `${JOBS.filter((job) => job.status === 'InProgress').length} jobs in progress`,
    ]);
  });

  test('pacing.ts lists three kinds at once through one pacer, and reports its quotas', async () => {
    const count = (status: string) => JOBS.filter((job) => job.status === status).length;
    expect(await run('examples/pacing.ts')).toEqual([
      `${count('Failed')} failed and ${count('Stopped')} stopped jobs, 30 import jobs`,
      '3 requests, 0 throttled, 0 ms waiting for a turn',
      'ListModelCustomizationJobs, requests: 2',
      'ListModelImportJobs, requests: 1',
    ]);
  });

  test('pacing.ts counts a throttled request, retried', { timeout: REAL_WAITS_MS }, async () => {
    const lines = await run('examples/pacing.ts', { throttle: { first: 1 } });
    expect(lines[1]).toMatch(/^4 requests, 1 throttled, \d+ ms waiting for a turn$/);
    expect(lines.slice(2).reduce((sum, line) => sum + Number(line.split(': ')[1]), 0)).toBe(4);
  });

  test('pacing-fixed.ts lists 500 jobs in 5 requests at its fixed rate', { timeout: REAL_WAITS_MS }, async () => {
    const lines = await run('examples/pacing-fixed.ts');
    expect(lines).toEqual(['500 jobs in 5 requests at 2/s', expect.stringMatching(/^\d+\.\d s spent waiting for turns$/)]);
  });

  test('resume-after-error.ts resumes from the error’s token, losing and repeating nothing', async () => {
    const lines = await run('examples/resume-after-error.ts', { serverError: { after: 1, first: 2 } });
    const total = referenceListing(JOBS, { creationTimeAfter: new Date('2026-01-01T00:00:00Z') }).length;
    expect(lines).toEqual([
      expect.stringMatching(/^stopped after 1000 jobs on 1 pages: InternalServerException/),
      `${total} jobs, ${total} distinct`,
    ]);
  });

  test('restart-after-rejected-token.ts restarts from the last creation time, losing and repeating nothing', async () => {
    const lines = await run('examples/restart-after-rejected-token.ts', { rejectToken: { after: 1, first: 1 } });
    expect(lines).toEqual([
      'token rejected after 1000 jobs; restarting from the last creation time',
      `${JOBS.length} jobs, ${JOBS.length} distinct`,
    ]);
  });

  test('checkpoint.ts survives failures by resuming from its checkpoint', async () => {
    const lines = await run('examples/checkpoint.ts', { seed: 5, unavailable: { probability: 0.5 } });
    const completed = JOBS.filter((job) => job.status === 'Completed').length;
    const resumes = lines.filter((line) => /^page \d+ failed \(ServiceUnavailableException/.test(line));
    expect(resumes.length).toBeGreaterThan(0);
    expect(lines.at(-1)).toBe(`exported ${completed} completed jobs, resumed ${resumes.length} times`);
  });

  test('pipe.ts applies the standalone functions to the listing and to a plain generator', async () => {
    const byArn = new Map(JOBS.map((job) => [job.jobArn, job]));
    const failed = referenceListing(JOBS, { statusEquals: 'Failed' })
      .slice(0, 5)
      .map((arn) => byArn.get(arn)?.jobName);
    expect(await run('examples/pipe.ts')).toEqual([failed.join(', '), 'old-ft-1']);
  });

  test('streams.ts uses Readable.from and ReadableStream.from', async () => {
    const byArn = new Map(JOBS.map((job) => [job.jobArn, job]));
    expect(await run('examples/streams.ts')).toEqual([
      `Readable.from: ${JOBS.filter((job) => job.status === 'Failed').length} failed jobs`,
      `ReadableStream.from: first job ${byArn.get(referenceListing(JOBS)[0] as string)?.jobName}`,
    ]);
  });

  test('array-from-async.ts collects with Array.fromAsync where Node has it, and says why not where it does not', async () => {
    expect(await run('examples/array-from-async.ts')).toEqual([NATIVE_FROM_ASYNC ? fromAsyncLine() : WHY_NOT_LINE]);
  });

  test('array-from-async.ts, its other branch: without Array.fromAsync on Node 22 and later, with one on Node 20', async () => {
    const original = Object.getOwnPropertyDescriptor(Array, 'fromAsync');
    // On Node 20, a minimal Array.fromAsync of the same contract lets the
    // example's listing run here too; on Node 22 and later, hiding the
    // built-in one shows what Node 20 prints.
    Object.defineProperty(Array, 'fromAsync', {
      value: NATIVE_FROM_ASYNC ? undefined : collect,
      configurable: true,
      writable: true,
    });
    try {
      expect(await run('examples/array-from-async.ts')).toEqual([NATIVE_FROM_ASYNC ? WHY_NOT_LINE : fromAsyncLine()]);
    } finally {
      if (original) Object.defineProperty(Array, 'fromAsync', original);
      else Reflect.deleteProperty(Array, 'fromAsync');
    }
  });

  test.runIf(!NATIVE_FROM_ASYNC)(
    'array-from-async.ts on Node 20, as a script: one line, exit code 0',
    { timeout: 30_000 },
    async () => {
      const { code, stdout, stderr } = await new Promise<{ code: unknown; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ['--import', 'tsx', 'examples/array-from-async.ts'],
          { cwd: fileURLToPath(new URL('..', import.meta.url)) },
          (error, stdout, stderr) => resolve({ code: error ? error.code : 0, stdout, stderr }),
        );
      });
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout.split('\n')).toEqual([WHY_NOT_LINE, '']);
    },
  );

  test('watch-virtual-clock.ts sees two jobs added, then each one end as the virtual clock moves', async () => {
    expect(await run('examples/watch-virtual-clock.ts')).toEqual([
      'added: nightly-ft-45m InProgress',
      'added: nightly-ft-100m InProgress',
      'changed: nightly-ft-45m InProgress → Completed',
      'changed: nightly-ft-100m InProgress → Failed',
    ]);
  });

  test('ndjson-pipeline.ts writes one line per job', async () => {
    const lines = await run('examples/ndjson-pipeline.ts');
    expect(lines).toEqual([expect.stringMatching(new RegExp(`^wrote ${JOBS.length} jobs to `))]);
  });
});

/** The jobs that the watch and wait examples name: ended ones, so that a wait ends at its first poll, and one that runs. */
const SUPPORT_BOTS: EmulatorJob[] = [
  ['support-bot-v1', 'Failed'],
  ['support-bot-v2', 'Completed'],
  ['support-bot-v3', 'InProgress'],
  ['support-bot-v4', 'Stopped'],
].map(([name, status], index) => ({
  jobArn: `arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.nova-lite-v1:0:300k/supportbot00${index + 1}`,
  jobName: name as string,
  baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:300k',
  status: status as EmulatorJob['status'],
  creationTime: `2026-11-2${index + 1}T09:00:00Z`,
  ...(status === 'InProgress' ? {} : { endTime: `2026-11-2${index + 1}T13:00:00Z` }),
  ...(status === 'Completed' ? { customModelArn: 'arn:aws:bedrock:us-east-1:123456789012:custom-model/support-bot-v2' } : {}),
  ...(status === 'Failed' ? { failureMessage: 'The training data has 3 malformed records.' } : {}),
  customizationType: 'FINE_TUNING',
}));

describe('the watch and wait examples, against an account of four support-bot jobs', () => {
  let watched: Emulator;
  beforeAll(async () => {
    watched = await startEmulator({ clock: 'virtual', jobs: SUPPORT_BOTS });
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', watched.url);
  });
  afterAll(async () => {
    vi.stubEnv('AWS_ENDPOINT_URL_BEDROCK', emulator.url);
    await watched.close();
  });

  test('wait.ts waits for a completed job and prints its model', async () => {
    expect(await run('examples/wait.ts')).toEqual([
      'support-bot-v2 completed: arn:aws:bedrock:us-east-1:123456789012:custom-model/support-bot-v2',
    ]);
    // One listing, then one Get at the job's end.
    expect(watched.requests.map((request) => request.operation)).toEqual([
      'ListModelCustomizationJobs',
      'GetModelCustomizationJob',
    ]);
  });

  test('wait-many.ts resolves with each job’s end, the failed one included', async () => {
    expect(await run('examples/wait-many.ts')).toEqual([
      'seen: support-bot-v1 Failed',
      'seen: support-bot-v2 Completed',
      'seen: support-bot-v4 Stopped',
      'support-bot-v1: Failed (The training data has 3 malformed records.)',
      'support-bot-v2: Completed',
      'support-bot-v4: Stopped',
    ]);
  });

  // The example's own 1.5 s timeout runs out.
  test('watch-timeout.ts prints the job in progress, then stops at its timeout', { timeout: REAL_WAITS_MS }, async () => {
    expect(await run('examples/watch-timeout.ts')).toEqual([
      'added: support-bot-v3 InProgress',
      'stopped: watch of ListModelCustomizationJobs timed out after 1500 ms',
    ]);
  });
});
