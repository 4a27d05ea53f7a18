import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { decodeContinuation, encodeContinuation } from '../src/cli/continuation-token.js';
import { COMMON_FLAGS } from '../src/cli/flags.js';
import { type EmulatorJob, generateJobs } from '../src/emulator/index.js';
import { continuationOf, runCli, runCliOnTty, startCli } from './support/cli.js';
import { useEmulator } from './support/emulator-client.js';
import { referenceListing } from './support/reference-listing.js';
import { CHILD_PROCESS_MS } from './support/timeouts.js';

const JOBS = generateJobs({ count: 800, seed: 51 });
const ALL = referenceListing(JOBS);
const arnsOfLines = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as EmulatorJob).jobArn);

async function emulatorArgs(options: Parameters<typeof useEmulator>[0] = {}) {
  const emulator = await useEmulator({ jobs: JOBS, ...options });
  return { emulator, args: ['list', '--endpoint-url', emulator.url] };
}

describe('bedrock-jobs list: output formats', { timeout: CHILD_PROCESS_MS }, () => {
  test('ndjson is the default when stdout is not a terminal: one job per line, every job, in order', async () => {
    const { args } = await emulatorArgs();
    const run = await runCli(args);
    expect(run.code).toBe(0);
    expect(arnsOfLines(run.stdout)).toEqual(ALL);
    expect(run.stderr).toBe('');
  });

  test('json is the AWS CLI’s shape, with NextToken when --max-items cuts the listing', async () => {
    const { args } = await emulatorArgs();
    const run = await runCli([...args, '--output', 'json', '--max-items', '25']);
    const parsed = JSON.parse(run.stdout) as { modelCustomizationJobSummaries: EmulatorJob[]; NextToken?: string };
    expect(parsed.modelCustomizationJobSummaries.map((job) => job.jobArn)).toEqual(ALL.slice(0, 25));
    expect(parsed.NextToken).toBe(continuationOf(run.stderr));
    const whole = JSON.parse((await runCli([...args, '--output', 'json'])).stdout) as {
      modelCustomizationJobSummaries: unknown[];
      NextToken?: string;
    };
    expect(whole.modelCustomizationJobSummaries).toHaveLength(JOBS.length);
    expect(whole.NextToken).toBeUndefined();
  });

  test('csv has a header and one quoted-as-needed row per job', async () => {
    const { args } = await emulatorArgs();
    const run = await runCli([...args, '--output', 'csv', '--status-equals', 'Failed']);
    const rows = run.stdout.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'jobArn,creationTime,status,customizationType,jobName,baseModelArn,lastModifiedTime,endTime,customModelArn,customModelName',
    );
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(referenceListing(JOBS, { statusEquals: 'Failed' }));
    expect(rows.slice(1).every((row) => row.split(',')[2] === 'Failed')).toBe(true);
  });

  test('table is the default on a terminal, and progress goes to stderr there', async () => {
    const { args } = await emulatorArgs();
    const run = await runCliOnTty([...args, '--max-items', '5', '--page-size', '2']);
    const lines = run.stdout.split(/\r?\n/);
    expect(lines[0]).toMatch(/^CREATION TIME\s+STATUS\s+CUSTOMIZATION TYPE\s+JOB NAME/);
    // No retry, so no backoff; nothing throttled, so nothing paced.
    expect(run.stdout).toMatch(/\d+ pages · \d+ items · 0 retries(?! \()/);
    expect(run.stdout).not.toMatch(/paced/);
    const byArn = new Map(JOBS.map((job) => [job.jobArn, job]));
    for (const arn of ALL.slice(0, 5)) expect(run.stdout).toContain(byArn.get(arn)?.jobName);
  });

  test('progress says 1 page, 1 item, 1 retry in the singular', async () => {
    const { args } = await emulatorArgs({ faults: { throttle: { first: 1 } } });
    const run = await runCliOnTty([...args, '--max-items', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/1 page · 1 item · 1 retry \(\d+\.\d s in backoff\)/);
    expect(run.stdout).not.toMatch(/\b1 (pages|items|retries)\b/);
  });

  test('progress shows a backoff while it is waited out, and how long it is', async () => {
    // The CLI's backoff before a first retry: 500 ms, times a jitter in [1, 2).
    const { args } = await emulatorArgs({ faults: { throttle: { first: 1 } } });
    const run = await runCliOnTty([...args, '--max-items', '5']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /0 pages · 0 items · 1 retry \(0\.0 s in backoff\) · throttled, retrying page 1 in (0\.[5-9]|1\.0) s/,
    );
    // Once the page is in, the backoff note is gone; the backoff counts the delay it said, and no more.
    const backoffNote = /retrying page 1 in (\d\.\d) s/.exec(run.stdout)?.[1];
    const done = /1 page · 5 items · 1 retry \((\d\.\d) s in backoff\)(?: · paced \d+\.\d s)?(?! ·)/.exec(run.stdout);
    expect(done, run.stdout).not.toBeNull();
    // Equal but for rounding: the backoff's timer may fire a few ms before its delay reads as spent.
    expect(Math.abs(Number(done?.[1]) - Number(backoffNote))).toBeLessThanOrEqual(0.1);
  });

  test('progress stays off stderr when stderr is not a terminal', async () => {
    const { args } = await emulatorArgs();
    const run = await runCli([...args, '--max-items', '5']);
    expect(run.stderr).not.toMatch(/pages ·/);
  });

  test('ndjson streams: lines arrive as their page does, long before the listing ends', async () => {
    // The second request never gets an answer: whatever arrives came from page 1 alone.
    const { args } = await emulatorArgs({ faults: { hang: { after: 1, probability: 1 } } });
    const child = startCli([...args, '--page-size', '10']);
    let stdout = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
    });
    await expect.poll(() => stdout.split('\n').length - 1).toBe(10);
    expect(child.exitCode).toBeNull();
    child.kill('SIGINT');
    await once(child, 'exit');
    expect(arnsOfLines(stdout)).toEqual(ALL.slice(0, 10));
  });
});

describe('bedrock-jobs list: stopping short and continuing', { timeout: CHILD_PROCESS_MS }, () => {
  test('--max-items leaves a --starting-token on the last line of stderr, and the runs join up exactly', async () => {
    const { args } = await emulatorArgs();
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const run = await runCli([
        ...args,
        '--max-items',
        '300',
        '--page-size',
        '120',
        ...(token ? ['--starting-token', token] : []),
      ]);
      expect(run.code).toBe(0);
      seen.push(...arnsOfLines(run.stdout));
      token = continuationOf(run.stderr);
    } while (token);
    expect(seen).toEqual(ALL);
  });

  test('Ctrl-C mid-page exits cleanly with 130, and the token continues right after the last item printed', async () => {
    const { emulator, args } = await emulatorArgs();
    const child = startCli([...args, '--page-size', '500']);
    let stderr = '';
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    // Not reading stdout holds the CLI mid-page on a full pipe. Once page 1 is in
    // (the read-ahead has asked for page 2), it is printing page 1: then Ctrl-C.
    await expect.poll(() => emulator.requests.length).toBe(2);
    child.kill('SIGINT');
    let stdout = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
    });
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(130);
    expect(stderr).not.toMatch(/\n\s+at /);
    const printed = arnsOfLines(stdout);
    expect(printed.length).toBeGreaterThan(0);
    expect(printed.length).toBeLessThan(JOBS.length);
    expect(printed).toEqual(ALL.slice(0, printed.length));
    const token = continuationOf(stderr);
    expect(token).toBeDefined();
    const rest = await runCli([...args, '--page-size', '500', '--starting-token', token as string]);
    expect([...printed, ...arnsOfLines(rest.stdout)]).toEqual(ALL);
    // The same token with another page size, and --max-items: exactly the next 10, then exactly the rest.
    const ten = await runCli([...args, '--page-size', '100', '--max-items', '10', '--starting-token', token as string]);
    expect(arnsOfLines(ten.stdout)).toEqual(ALL.slice(printed.length, printed.length + 10));
    const after = await runCli([...args, '--page-size', '1000', '--starting-token', continuationOf(ten.stderr) as string]);
    expect(arnsOfLines(after.stdout)).toEqual(ALL.slice(printed.length + 10));
  });

  test('a mid-page token continues exactly whatever --page-size the resumed run uses, --max-items exact with it', async () => {
    const { args } = await emulatorArgs();
    // What Ctrl-C printed after 144 items of a first page, in the token format of 0.1.0: skip 144 from the start.
    const after144 = 'bj1.eyJ0IjpudWxsLCJzIjoxNDR9';
    expect(decodeContinuation(after144)).toEqual({ pageToken: undefined, skip: 144 });
    const rest = await runCli([...args, '--page-size', '100', '--starting-token', after144]);
    expect(arnsOfLines(rest.stdout)).toEqual(ALL.slice(144));
    const ten = await runCli([...args, '--page-size', '100', '--max-items', '10', '--starting-token', after144]);
    expect(arnsOfLines(ten.stdout)).toEqual(ALL.slice(144, 154));

    // From a later page, 90 items in, with page sizes below, near and above the skip: the runs join up exactly.
    const first = await runCli([...args, '--page-size', '120', '--max-items', '120']);
    const { pageToken } = decodeContinuation(continuationOf(first.stderr) as string);
    const mid = encodeContinuation({ pageToken, skip: 90 });
    for (const pageSize of ['7', '90', '1000']) {
      const seen: string[] = [];
      let token: string | undefined = mid;
      while (token) {
        const run = await runCli([...args, '--page-size', pageSize, '--max-items', '250', '--starting-token', token]);
        expect(run.code).toBe(0);
        seen.push(...arnsOfLines(run.stdout));
        token = continuationOf(run.stderr);
      }
      expect(seen, `--page-size ${pageSize}`).toEqual(ALL.slice(210));
    }
  });

  test('an API failure mid-listing: exit 1, one clear line, and a token that continues after the last item printed', async () => {
    const { emulator, args } = await emulatorArgs({ faults: { deny: { after: 2, first: 1 } } });
    const run = await runCli([...args, '--page-size', '100']);
    expect(run.code).toBe(1);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^bedrock-jobs: ListModelCustomizationJobs failed on page 3 after 1 attempt: AccessDeniedException: /,
    );
    expect(arnsOfLines(run.stdout)).toEqual(ALL.slice(0, 200));
    emulator.setFaults();
    const rest = await runCli([...args, '--page-size', '100', '--starting-token', continuationOf(run.stderr) as string]);
    expect(arnsOfLines(rest.stdout)).toEqual(ALL.slice(200));
  });

  test('--debug adds the stack trace', async () => {
    const { args } = await emulatorArgs({ faults: { deny: { first: 1 } } });
    const run = await runCli([...args, '--debug']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\n\s+at /);
  });
});

describe('bedrock-jobs list: flags', { timeout: CHILD_PROCESS_MS }, () => {
  test('relative times: 7d is seven days back from now', async () => {
    const { emulator, args } = await emulatorArgs();
    const before = Date.now();
    await runCli([...args, '--creation-time-after', '7d', '--creation-time-before', '12h']);
    const after = Date.now();
    const query = emulator.requests[0]?.query ?? {};
    const sevenDays = Date.parse(query.creationTimeAfter ?? '');
    expect(sevenDays).toBeGreaterThanOrEqual(before - 7 * 86_400_000 - 1000);
    expect(sevenDays).toBeLessThanOrEqual(after - 7 * 86_400_000);
    expect(Date.parse(query.creationTimeBefore ?? '')).toBeLessThanOrEqual(after - 12 * 3_600_000);
  });

  test('the filter flags reach the request under their API names', async () => {
    const { emulator, args } = await emulatorArgs();
    const run = await runCli([
      ...args,
      '--status-equals',
      'Completed',
      '--name-contains',
      'ft',
      '--sort-by',
      'CreationTime',
      '--sort-order',
      'Ascending',
      '--page-size',
      '50',
    ]);
    expect(arnsOfLines(run.stdout)).toEqual(
      referenceListing(JOBS, { statusEquals: 'Completed', nameContains: 'ft', sortOrder: 'Ascending' }),
    );
    expect(emulator.requests[0]?.query).toMatchObject({
      statusEquals: 'Completed',
      nameContains: 'ft',
      sortBy: 'CreationTime',
      sortOrder: 'Ascending',
      maxResults: '50',
    });
  });

  test.each([
    [
      ['--status-equals', 'Bogus'],
      /^bedrock-jobs: --status-equals must be one of Completed, Failed, InProgress, Stopped, Stopping; got 'Bogus'$/,
    ],
    [['--output', 'xml'], /^bedrock-jobs: --output must be one of json, ndjson, table, csv; got 'xml'$/],
    [['--max-items', '0'], /^bedrock-jobs: --max-items must be a whole number ≥ 1; got '0'$/],
    [['--max-items', '-3'], /^bedrock-jobs: --max-items must be a whole number ≥ 1; got '-3'$/],
    [['--page-size', '5000'], /^bedrock-jobs: --page-size must be a whole number from 1 to 1000; got '5000'$/],
    [
      ['--creation-time-after', 'soon'],
      /^bedrock-jobs: --creation-time-after must be an ISO-8601 time such as 2026-01-31T12:00:00Z, or a duration back from now such as 30m, 12h, 7d or 2w; got 'soon'$/,
    ],
    [
      ['--creation-time-before', '99999999999d'],
      /^bedrock-jobs: --creation-time-before must be a time from 0000-01-01T00:00:00Z to 9999-12-31T23:59:59.999Z; got '99999999999d'$/,
    ],
    [
      ['--creation-time-after', '1d', '--creation-time-before', '2d'],
      /^bedrock-jobs: --creation-time-after must be earlier than --creation-time-before; got /,
    ],
    [
      ['--starting-token', 'bj1.%%%'],
      /^bedrock-jobs: --starting-token must be a token that a cut-short run printed, or the service's NextToken; got 'bj1.%%%'$/,
    ],
    [['--starting-token', 'a b'], /^bedrock-jobs: --starting-token must be a token that a cut-short run printed/],
    [
      ['--endpoint-url', 'not-a-url'],
      /^bedrock-jobs: --endpoint-url must be an http:\/\/ or https:\/\/ URL such as http:\/\/127.0.0.1:4010; got 'not-a-url'$/,
    ],
    [['--region', 'us east'], /^bedrock-jobs: --region must be an AWS region such as us-east-1; got 'us east'$/],
    [['--max-items', '2', '--max-items', '3'], /^bedrock-jobs: --max-items is given twice \('2', then '3'\); give it once$/],
    [
      ['--emulator', '--endpoint-url', 'http://127.0.0.1:9'],
      /^bedrock-jobs: --emulator and --endpoint-url cannot be used together: --emulator lists its own account$/,
    ],
    [['--bogus'], /^bedrock-jobs: Unknown option '--bogus'/],
    [['--region'], /^bedrock-jobs: --region needs a value, such as --region us-west-2$/],
    [['--region', '--profile', 'prod'], /^bedrock-jobs: --region needs a value, such as --region us-west-2$/],
  ])('%j is a usage error: exit 2, one line that names the flag, and a pointer to --help', async (flags, message) => {
    // An endpoint that refuses at once, so that a usage error the CLI missed fails fast instead of reaching AWS.
    const endpoint = flags.some((flag) => flag === '--endpoint-url' || flag === '--emulator')
      ? []
      : ['--endpoint-url', 'http://127.0.0.1:9'];
    const run = await runCli(['list', ...endpoint, ...flags]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(message);
    expect(lines[1]).toBe("Run 'bedrock-jobs list --help' for usage.");
  });

  test('--version prints the version from package.json', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const args of [['--version'], ['list', '--version']]) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(0);
      expect(run.stdout).toBe(`bedrock-jobs ${version}\n`);
      expect(run.stderr).toBe('');
    }
  });

  test('an unknown command is a usage error', async () => {
    const run = await runCli(['delete']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown command 'delete'/);
  });

  test('--help lists every flag with an example', async () => {
    const run = await runCli(['list', '--help']);
    expect(run.code).toBe(0);
    for (const [name, spec] of Object.entries(COMMON_FLAGS)) {
      expect(run.stdout).toContain(`--${name}`);
      expect(run.stdout).toContain(`e.g. ${spec.example}`);
    }
  });
});

describe('bedrock-jobs list --emulator', { timeout: CHILD_PROCESS_MS }, () => {
  test('works with no AWS account: NDJSON when piped', async () => {
    const run = await runCli(['list', '--emulator', '--max-items', '5']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines.every((line) => (JSON.parse(line) as EmulatorJob).jobArn.startsWith('arn:aws:bedrock:'))).toBe(true);
    expect(continuationOf(run.stderr)).toBeDefined();
  });

  test('and a table on a terminal', async () => {
    const run = await runCliOnTty(['list', '--emulator', '--max-items', '5']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^CREATION TIME\s+STATUS\s+CUSTOMIZATION TYPE\s+JOB NAME/);
    expect(run.stdout.split(/\r?\n/).filter((line) => /^\d{4}-\d\d-\d\dT/.test(line))).toHaveLength(5);
  });
});
