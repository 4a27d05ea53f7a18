import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { type Faults, generateJobs } from '../src/emulator/index.js';
import { CLI, CLI_ENV, continuationOf, runCli } from './support/cli.js';
import { useEmulator } from './support/emulator-client.js';

/**
 * What the CLI says when a listing fails: in its own words (flags and
 * environment variables, never the library's `error.resumeToken` or option
 * paths), with `Continue with: --starting-token` only where that continues.
 */

// Each test spawns the CLI: seconds on a busy 2-core machine.
const SPAWNS = { timeout: 60_000 };
const JOBS = generateJobs({ count: 300, seed: 7 });

/** Words of the library's API that mean nothing on a command line. */
const LIBRARY_WORDS = /error\.|options\.|filter\.|resumeToken|startingToken|new BedrockClient|client's endpoint/;

const EMPTY_HOME = mkdtempSync(join(tmpdir(), 'bedrock-jobs-home-'));
afterAll(() => rmSync(EMPTY_HOME, { recursive: true, force: true }));

/** An environment with no AWS settings at all, and a home with no ~/.aws, so nothing is found by chance. */
function bareEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: CLI_ENV.PATH,
    HOME: EMPTY_HOME,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    ...extra,
  };
}

async function emulatorArgs(faults: Faults = {}) {
  const emulator = await useEmulator({ jobs: JOBS, faults });
  return ['list', '--endpoint-url', emulator.url];
}

const linesOf = (stderr: string) => stderr.trimEnd().split('\n');

describe('bedrock-jobs list: a failure that a token continues', SPAWNS, () => {
  test('an API failure: the library’s resume advice gives way to the CLI’s own Continue line', async () => {
    const args = await emulatorArgs({ deny: { after: 1, first: 1 } });
    const run = await runCli([...args, '--page-size', '100']);
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^bedrock-jobs: ListModelCustomizationJobs failed on page 2 after 1 attempt: AccessDeniedException: .*\(HTTP 403, request id [^)]+\)\.$/,
    );
    expect(lines[1]).toMatch(/^Continue with: --starting-token \S+$/);
    expect(run.stderr).not.toMatch(LIBRARY_WORDS);
  });

  test('a failure before anything was printed: no token, since running the command again is the same', async () => {
    const args = await emulatorArgs({ malformed: { first: 1, kind: 'missing-summaries' } });
    const run = await runCli(args);
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^bedrock-jobs: ListModelCustomizationJobs failed on page 1 after 1 attempt: MalformedResponseError: /,
    );
    expect(run.stderr).not.toMatch(LIBRARY_WORDS);
  });
});

describe('bedrock-jobs list: a failure that no token continues', SPAWNS, () => {
  test('a --starting-token that the service refuses: no Continue line, and how to start again', async () => {
    const args = await emulatorArgs();
    const run = await runCli([...args, '--starting-token', 'expired-or-garbled']);
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^bedrock-jobs: ListModelCustomizationJobs rejected the page token for page 1 as expired or invalid: ValidationException: .*\(HTTP 400, request id [^)]+\)\.$/,
    );
    expect(lines[1]).toBe('No token can continue this listing: start again without --starting-token.');
    expect(continuationOf(run.stderr)).toBeUndefined();
    expect(run.stderr).not.toMatch(LIBRARY_WORDS);
  });

  test('a page token that expires mid-listing: no Continue line, and how to start again', async () => {
    const args = await emulatorArgs({ rejectToken: { after: 1, first: 1 } });
    const run = await runCli([...args, '--page-size', '100']);
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(100);
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^bedrock-jobs: ListModelCustomizationJobs rejected the page token for page 2 /);
    expect(lines[1]).toBe('No token can continue this listing: run the command again to start over.');
    expect(run.stderr).not.toMatch(LIBRARY_WORDS);
  });

  test('a service that repeats a page token: no Continue line', async () => {
    const args = await emulatorArgs({ repeatToken: { after: 1, first: 1 } });
    const run = await runCli([...args, '--page-size', '100']);
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^bedrock-jobs: ListModelCustomizationJobs returned a nextToken that this listing had already used/);
    expect(lines[1]).toBe('No token can continue this listing: run the command again to start over.');
    expect(run.stderr).not.toMatch(LIBRARY_WORDS);
  });
});

describe('bedrock-jobs list: a client that cannot send', SPAWNS, () => {
  test('no region: names --region and AWS_REGION, and no Continue line', async () => {
    const run = await runCli(
      ['list'],
      bareEnv({
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_ENDPOINT_URL_BEDROCK: 'http://127.0.0.1:9',
      }),
    );
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines).toEqual([
      'bedrock-jobs: ListModelCustomizationJobs could not be sent: no AWS region is set. ' +
        'Pass --region (such as --region us-east-1), or set AWS_REGION, or a region for the --profile in ~/.aws/config.',
    ]);
  });

  test('no credentials: names --profile and the environment variables, and no Continue line', async () => {
    const run = await runCli(['list', '--endpoint-url', 'http://127.0.0.1:9'], bareEnv({ AWS_REGION: 'us-east-1' }));
    expect(run.code).toBe(1);
    const lines = linesOf(run.stderr);
    expect(lines).toEqual([
      'bedrock-jobs: ListModelCustomizationJobs could not be sent: no AWS credentials were found. ' +
        'Pass --profile with a profile from ~/.aws/credentials or ~/.aws/config, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or AWS_PROFILE.',
    ]);
  });

  test('an endpoint from the environment that is not a URL: names the variable and --endpoint-url', async () => {
    const run = await runCli(
      ['list'],
      bareEnv({
        AWS_REGION: 'us-east-1',
        AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
        AWS_SECRET_ACCESS_KEY: 'secret',
        AWS_ENDPOINT_URL_BEDROCK: 'not-a-url',
      }),
    );
    expect(run.code).toBe(1);
    expect(linesOf(run.stderr)).toEqual([
      'bedrock-jobs: ListModelCustomizationJobs could not be sent: the endpoint "not-a-url" is not a URL. ' +
        'Set AWS_ENDPOINT_URL_BEDROCK to a URL such as http://127.0.0.1:4010, or unset it, or pass --endpoint-url.',
    ]);
  });
});

describe('bedrock-jobs list: output that cannot be written', SPAWNS, () => {
  test('a full disk (/dev/full) is said on stderr, with exit 1, not swallowed', async () => {
    const args = await emulatorArgs();
    const full = openSync('/dev/full', 'w');
    try {
      const child = spawn(process.execPath, [CLI, ...args], { env: CLI_ENV, stdio: ['ignore', full, 'pipe'] });
      let stderr = '';
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
        stderr += chunk;
      });
      const [code] = (await once(child, 'exit')) as [number];
      expect(code).toBe(1);
      expect(stderr).toMatch(/^bedrock-jobs: cannot write the output: ENOSPC/);
    } finally {
      closeSync(full);
    }
  });
});
