import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { regionAccountId } from '../src/emulator/served-regions.js';
import { arnParts, paginateCustomizationJobs } from '../src/index.js';
import { CLI_ENV, continuationOf, type Run, runCli, startCli } from './support/cli.js';
import { clientFor, useEmulator } from './support/emulator-client.js';
import { CHILD_PROCESS_MS } from './support/timeouts.js';

/**
 * `bedrock-jobs list --regions … --profiles …`: one listing over several
 * sources, merged in time order, with region and account columns, and one
 * --starting-token that continues every source.
 */

type Summary = { jobArn: string; creationTime: string };
const linesOf = (run: Run) => run.stdout.trim().split('\n').filter(Boolean);
const summariesOf = (run: Run) => linesOf(run).map((line) => JSON.parse(line) as Summary);
const arnsOf = (run: Run) => summariesOf(run).map((summary) => summary.jobArn);
const timeOf = (summary: Summary) => Date.parse(summary.creationTime);

/** Each source's listing, newest first, merged as the API orders them: by time, ties to the source listed first. */
function mergedByTime(...sources: Summary[][]): Summary[] {
  // A stable sort of listings already in order is their merge, ties to the earlier.
  return sources.flat().sort((a, b) => timeOf(b) - timeOf(a));
}

/** Runs the CLI with --max-items until it prints no token, each run from the last one's: the items of every run. */
async function inRuns(args: readonly string[], pageSizes: readonly string[], env: NodeJS.ProcessEnv = CLI_ENV) {
  const runs: Run[] = [];
  let token: string | undefined;
  do {
    const pageSize = pageSizes[runs.length % pageSizes.length] as string;
    const run = await runCli([...args, '--page-size', pageSize, ...(token ? ['--starting-token', token] : [])], env);
    expect(run.code, run.stderr).toBe(0);
    runs.push(run);
    token = continuationOf(run.stderr);
  } while (token !== undefined && runs.length < 50);
  return runs;
}

describe('bedrock-jobs list --emulator --regions', { timeout: CHILD_PROCESS_MS }, () => {
  const REGIONS = ['us-east-1', 'eu-central-1'];
  const demo = (...rest: string[]) => ['list', 'import', '--emulator', '--regions', REGIONS.join(','), ...rest];

  test('lists every region’s items, each region its own account, merged newest first', async () => {
    const [merged, first, second] = await Promise.all([
      runCli(demo()),
      ...REGIONS.map((region) => runCli(['list', 'import', '--emulator', '--regions', region])),
    ]);
    for (const run of [merged, first, second]) expect((run as Run).code, (run as Run).stderr).toBe(0);
    const [east, frankfurt] = [first, second].map((run) => summariesOf(run as Run));
    expect(east?.length).toBeGreaterThan(0);
    for (const [index, region] of REGIONS.entries()) {
      const own = [east, frankfurt][index] as Summary[];
      expect(new Set(own.map((each) => `${arnParts(each.jobArn).region} ${arnParts(each.jobArn).accountId}`))).toEqual(
        new Set([`${region} ${regionAccountId(region)}`]),
      );
    }
    expect(regionAccountId('us-east-1')).not.toBe(regionAccountId('eu-central-1'));
    const all = summariesOf(merged as Run);
    expect(all.map((each) => each.jobArn)).toEqual(
      mergedByTime(east as Summary[], frankfurt as Summary[]).map((each) => each.jobArn),
    );
    // Interleaved, not one region after the other.
    const regions = all.slice(0, 40).map((each) => arnParts(each.jobArn).region);
    expect(new Set(regions)).toEqual(new Set(REGIONS));
    expect((merged as Run).stderr).toBe('');
  });

  test('table and csv start each row with the item’s region and account; ndjson and json keep the SDK’s summaries', async () => {
    const [table, csv, ndjson] = await Promise.all(
      ['table', 'csv', 'ndjson'].map((output) => runCli(demo('--output', output, '--max-items', '30'))),
    );
    const arns = arnsOf(ndjson as Run);
    expect(Object.keys(summariesOf(ndjson as Run)[0] ?? {})).not.toContain('region');

    const rows = (table as Run).stdout.trimEnd().split('\n');
    expect(rows[0]).toMatch(/^REGION\s+ACCOUNT\s+CREATION TIME\s+STATUS\s+IMPORTED MODEL NAME\s+JOB NAME$/);
    expect(rows.slice(1).map((row) => row.split(/\s+/).slice(0, 2).join(' '))).toEqual(
      arns.map((arn) => `${arnParts(arn).region} ${arnParts(arn).accountId}`),
    );

    const lines = (csv as Run).stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^region,account,jobArn,creationTime,status,/);
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 3))).toEqual(
      arns.map((arn) => [arnParts(arn).region, arnParts(arn).accountId, arn]),
    );
    // One source: the columns are the kind's own, as before.
    const one = await runCli(['list', 'import', '--emulator', '--regions', 'us-east-1', '--output', 'csv', '--max-items', '1']);
    expect(one.stdout).toMatch(/^jobArn,creationTime,/);
  });

  test('--max-items, then --starting-token, across regions: every item once, in order, whatever the page size', async () => {
    const whole = await runCli(demo());
    const runs = await inRuns(demo('--max-items', '230'), ['25', '7', '1000']);
    expect(runs.length).toBeGreaterThan(2);
    expect(runs.flatMap(arnsOf)).toEqual(arnsOf(whole));
  });
});

describe('bedrock-jobs list --regions against an emulator of several regions', { timeout: CHILD_PROCESS_MS }, () => {
  const endingAt = new Date('2026-06-01T00:00:00Z');
  const regionsEmulator = () =>
    useEmulator({
      jobs: { count: 300, seed: 7, endingAt },
      regions: { 'us-east-1': { accountId: '111122223333' }, 'us-west-2': { accountId: '444455556666' } },
    });
  const args = (url: string, ...rest: string[]) => ['list', '--endpoint-url', url, '--regions', 'us-east-1,us-west-2', ...rest];

  test('prints the library’s merged listing of the same sources', async () => {
    const emulator = await regionsEmulator();
    const library = await paginateCustomizationJobs(
      {},
      { clients: ['us-east-1', 'us-west-2'].map((region) => clientFor(emulator, { region })) },
    ).toArray();
    const run = await runCli(args(emulator.url));
    expect(run.code, run.stderr).toBe(0);
    expect(arnsOf(run)).toEqual(library.map((job) => job.jobArn));
    expect(new Set(library.map((job) => arnParts(job.jobArn ?? '').accountId))).toEqual(
      new Set(['111122223333', '444455556666']),
    );
  });

  test('a region that fails stops the run with a token that continues every region exactly', async () => {
    const emulator = await regionsEmulator();
    const whole = arnsOf(await runCli(args(emulator.url)));
    emulator.region('us-west-2').setFaults({ deny: { first: Number.POSITIVE_INFINITY, after: 4 } });
    const failed = await runCli(args(emulator.url, '--page-size', '20'));
    expect(failed.code).toBe(1);
    // The source by its label, region and account, and the error in the CLI's words, not the library's advice.
    const [message, continueLine, ...more] = failed.stderr.trimEnd().split('\n');
    expect(message).toMatch(
      /^bedrock-jobs: ListModelCustomizationJobs over 2 sources stopped because source 2 of 2 \(us-west-2: region us-west-2, account 444455556666\) failed: ListModelCustomizationJobs failed on page \d+ after 1 attempt: AccessDeniedException: .*\(HTTP 403, request id [^)]+\)\.$/,
    );
    expect(continueLine).toMatch(/^Continue with: --starting-token \S+$/);
    expect(more).toEqual([]);
    const token = continuationOf(failed.stderr);
    expect(token).toBeDefined();
    emulator.region('us-west-2').setFaults({});
    const rest = await runCli(args(emulator.url, '--page-size', '50', '--starting-token', token as string));
    expect(rest.code, rest.stderr).toBe(0);
    expect(arnsOf(failed).length).toBeGreaterThan(0);
    expect([...arnsOf(failed), ...arnsOf(rest)]).toEqual(whole);
  });

  test('Ctrl-C exits 130 with a token that continues every region right after the last item printed', async () => {
    const emulator = await regionsEmulator();
    const whole = arnsOf(await runCli(args(emulator.url)));
    // Each region answers its first page, then never again: the CLI prints what the merge can and waits,
    // so Ctrl-C comes while a page is on its way, whatever the machine's speed or the pipe's size.
    emulator.setFaults({ hang: { after: 1, probability: 1 } });
    const child = startCli(args(emulator.url, '--page-size', '200'));
    let stdout = '';
    let stderr = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      stderr += chunk;
    });
    // Both regions' second pages are asked for and hang; the first pages are printed as far as the merge allows.
    await expect.poll(() => emulator.requests.filter((request) => request.status === undefined).length).toBe(2);
    await expect.poll(() => stdout.split('\n').length - 1).toBeGreaterThanOrEqual(200);
    child.kill('SIGINT');
    const [code] = (await once(child, 'exit')) as [number];
    expect(code).toBe(130);
    const printed = arnsOf({ code, stdout, stderr });
    expect(printed.length).toBeGreaterThanOrEqual(200);
    expect(printed.length).toBeLessThan(whole.length);
    const token = continuationOf(stderr);
    expect(token).toBeDefined();
    emulator.setFaults();
    const rest = await runCli(args(emulator.url, '--page-size', '30', '--starting-token', token as string));
    expect([...printed, ...arnsOf(rest)]).toEqual(whole);
  });

  test('a token is of its sources: other regions, another order, or one region is a usage error naming them', async () => {
    const emulator = await regionsEmulator();
    const token = continuationOf((await runCli(args(emulator.url, '--max-items', '3'))).stderr) as string;
    const cases: [string[], string][] = [
      [
        ['--regions', 'us-west-2,us-east-1'],
        'bedrock-jobs: --starting-token continues a listing over us-east-1, us-west-2, not over us-west-2, us-east-1: give it the same --regions and --profiles, in the same order (us-east-1, us-west-2), or start over without it',
      ],
      [
        ['--region', 'us-east-1'],
        'bedrock-jobs: --starting-token continues a listing over us-east-1, us-west-2, not of one source: give it the same --regions and --profiles, in the same order (us-east-1, us-west-2), or start over without it',
      ],
    ];
    for (const [sources, message] of cases) {
      const run = await runCli(['list', '--endpoint-url', emulator.url, ...sources, '--starting-token', token]);
      expect(run.code, sources.join(' ')).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toEqual([message, "Run 'bedrock-jobs list --help' for usage."]);
    }
    const single = continuationOf((await runCli(['list', '--endpoint-url', emulator.url, '--max-items', '3'])).stderr) as string;
    const run = await runCli(args(emulator.url, '--starting-token', single));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^bedrock-jobs: --starting-token continues a listing of one source, not over us-east-1, us-west-2: give it to a run without --regions and --profiles/,
    );
  });
});

describe('bedrock-jobs list --profiles', { timeout: CHILD_PROCESS_MS }, () => {
  const endingAt = new Date('2026-06-01T00:00:00Z');
  const DEV = '111122223333';
  const PROD = '444455556666';
  const dir = mkdtempSync(join(tmpdir(), 'bedrock-jobs-profiles-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  // Two profiles, two accounts: the emulator tells them apart by access key, and each has its own region.
  writeFileSync(join(dir, 'config'), '[profile dev]\nregion = us-east-1\n\n[profile prod]\nregion = us-west-2\n');
  writeFileSync(
    join(dir, 'credentials'),
    '[dev]\naws_access_key_id = AKIDDEV\naws_secret_access_key = dev-secret\n\n' +
      '[prod]\naws_access_key_id = AKIDPROD\naws_secret_access_key = prod-secret\n',
  );
  const accountsEmulator = () =>
    useEmulator({
      jobs: { count: 120, seed: 3, endingAt },
      accounts: {
        [DEV]: { accessKeyIds: ['AKIDDEV'], regions: { 'us-east-1': {}, 'us-west-2': {} } },
        [PROD]: { accessKeyIds: ['AKIDPROD'], regions: { 'us-east-1': {}, 'us-west-2': {} } },
      },
    });
  // No credentials or region of the environment's own: only the profiles'.
  const envFor = (url: string) => ({
    PATH: CLI_ENV.PATH,
    HOME: dir,
    AWS_CONFIG_FILE: join(dir, 'config'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'credentials'),
    AWS_ENDPOINT_URL_BEDROCK: url,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const sourcesOf = (run: Run) => new Set(arnsOf(run).map((arn) => `${arnParts(arn).accountId} ${arnParts(arn).region}`));

  test('--profiles × --regions lists each profile in each region: four sources, merged', async () => {
    const emulator = await accountsEmulator();
    const run = await runCli(['list', '--profiles', 'dev,prod', '--regions', 'us-east-1,us-west-2'], envFor(emulator.url));
    expect(run.code, run.stderr).toBe(0);
    expect(sourcesOf(run)).toEqual(new Set([`${DEV} us-east-1`, `${DEV} us-west-2`, `${PROD} us-east-1`, `${PROD} us-west-2`]));
    expect(linesOf(run)).toHaveLength(4 * 120);
    const times = summariesOf(run).map(timeOf);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(new Set(emulator.requests.map((request) => `${request.accountId} ${request.region}`)).size).toBe(4);
  });

  test('--profiles alone: each profile in its own region; runs with --max-items join up', async () => {
    const emulator = await accountsEmulator();
    const env = envFor(emulator.url);
    const whole = await runCli(['list', '--profiles', 'dev,prod', '--output', 'csv'], env);
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout.split('\r\n')[0]).toMatch(/^region,account,jobArn,/);
    const ndjson = await runCli(['list', '--profiles', 'dev,prod'], env);
    expect(sourcesOf(ndjson)).toEqual(new Set([`${DEV} us-east-1`, `${PROD} us-west-2`]));
    const runs = await inRuns(['list', '--profiles', 'dev,prod', '--max-items', '45'], ['10', '1000'], env);
    expect(runs.flatMap(arnsOf)).toEqual(arnsOf(ndjson));
    const token = continuationOf(runs[0]?.stderr ?? '') as string;
    const swapped = await runCli(['list', '--profiles', 'prod,dev', '--starting-token', token], env);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toMatch(/^bedrock-jobs: --starting-token continues a listing over dev, prod, not over prod, dev:/);
  });
});

describe('bedrock-jobs list --regions, --profiles: usage errors', { timeout: CHILD_PROCESS_MS }, () => {
  test.each([
    [['--regions', 'us-east-1,us-west-2', '--region', 'us-east-1'], /^--region and --regions cannot be used together/],
    [['--profiles', 'dev,prod', '--profile', 'dev'], /^--profile and --profiles cannot be used together/],
    [
      ['--regions', 'us-east-1,US-WEST-2'],
      /^--regions must name AWS regions such as us-east-1 or eu-central-1; got 'US-WEST-2'$/,
    ],
    [['--regions', 'us-east1'], /^--regions must name AWS regions .*; got 'us-east1'$/],
    [
      ['--regions', 'us-east-1,,us-west-2'],
      /^--regions needs names separated by commas, such as us-east-1,us-west-2; got 'us-east-1,,us-west-2'$/,
    ],
    [['--regions', 'us-east-1,us-east-1'], /^--regions names 'us-east-1' twice; give each once$/],
    [['--profiles', 'dev,,prod'], /^--profiles needs names separated by commas, such as dev,prod/],
    [['--profiles', 'dev,dev'], /^--profiles names 'dev' twice/],
    [['--emulator', '--profiles', 'dev,prod'], /^--emulator and --profiles cannot be used together/],
    [
      ['--regions', 'us-east-1,us-west-2', '--starting-token', 'AAAA'],
      /^--starting-token over us-east-1, us-west-2 must be a token that a cut-short run over the same sources printed/,
    ],
  ])('%j exits 2 with one line that names the flag', async (flags, message) => {
    // An endpoint where nothing listens: a usage error stops the run before any request.
    const endpoint = flags.includes('--emulator') ? [] : ['--endpoint-url', 'http://127.0.0.1:9'];
    const run = await runCli(['list', ...endpoint, ...flags]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.replace(/^bedrock-jobs: /, '')).toMatch(message);
    expect(lines[1]).toBe("Run 'bedrock-jobs list --help' for usage.");
  });
});
