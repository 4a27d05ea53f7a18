import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { BedrockClient, ListModelCustomizationJobsCommand } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';

// The built CLI, as `npm run emulator` runs it; `npm test` builds dist first.
const EMULATOR_CLI = fileURLToPath(new URL('../dist/emulator/cli.js', import.meta.url));
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PATH_ONLY = { PATH: process.env.PATH ?? '' };

interface Run {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(command: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(command, args, { env, cwd: ROOT }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ code, signal: (error?.signal as NodeJS.Signals | undefined) ?? null, stdout, stderr });
    });
  });
}

const runEmulatorCli = (args: readonly string[]) => run(process.execPath, [EMULATOR_CLI, ...args], PATH_ONLY);

/** Starts the emulator CLI and waits for its banner, which ends with the last `export` line. */
async function startEmulatorCli(args: readonly string[]): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, [EMULATOR_CLI, ...args], { env: PATH_ONLY, stdio: ['ignore', 'pipe', 'pipe'] });
  let banner = '';
  let stderr = '';
  child.stderr?.on('data', (chunk) => {
    stderr += chunk;
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (chunk) => {
      banner += chunk;
      if (banner.includes('AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED=')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code} before its banner: ${stderr}`)));
  });
  return { child, banner };
}

/** The `export NAME=value` lines of a banner, as an environment. */
function exportsOf(banner: string): Record<string, string> {
  return Object.fromEntries([...banner.matchAll(/^export ([A-Z_]+)=(\S+)$/gm)].map(([, name, value]) => [name, value]));
}

describe('the emulator CLI', () => {
  test('--help prints the usage and exits 0', async () => {
    const { code, stdout, stderr } = await runEmulatorCli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run emulator -- \[flags\]/);
    for (const flag of ['--port', '--jobs', '--seed', '--latency', '--help']) expect(stdout).toContain(flag);
    for (const flag of ['--custom-models', '--import-jobs', '--copy-jobs', '--invocation-jobs', '--evaluation-jobs']) {
      expect(stdout).toContain(flag);
    }
    expect(stderr).toBe('');
  });

  test.each([
    [['--bogus'], "unknown flag '--bogus'"],
    [['--jobs', 'abc'], "--jobs must be a whole number from 0 to 100000; got 'abc'"],
    [['--jobs', '100001'], '--jobs must be a whole number from 0 to 100000; got 100001'],
    [['--port', 'abc'], "--port must be an integer from 0 to 65535 (0: any free port); got 'abc'"],
    [['--port', '65536'], '--port must be an integer from 0 to 65535 (0: any free port); got 65536'],
    [['--import-jobs=1.5'], '--import-jobs must be a whole number from 0 to 100000; got 1.5'],
    [['--seed', '1.5'], '--seed must be an integer; got 1.5'],
    [['--latency=-1'], '--latency must be a number of ms from 0 to 2147483647'],
    [['--port'], '--port needs a value'],
    [['--port', '1', '--port', '2'], '--port is given twice'],
    [['serve'], "unexpected argument 'serve'; it takes flags only"],
  ])('%j is a usage error: one line that names the flag, and exit code 2', async (args, message) => {
    const { code, stdout, stderr } = await runEmulatorCli(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const [first, hint, ...rest] = stderr.split('\n');
    expect(first).toContain(`emulator: ${message}`);
    expect(hint).toBe("Run 'npm run emulator -- --help' for usage.");
    expect(rest).toEqual(['']);
  });

  test('a port in use is a one-line runtime failure, exit code 1', async () => {
    const holder = createServer();
    holder.listen(0, '127.0.0.1');
    await once(holder, 'listening');
    const { port } = holder.address() as AddressInfo;
    try {
      const { code, stderr } = await runEmulatorCli(['--port', String(port), '--jobs', '0']);
      expect(code).toBe(1);
      expect(stderr).toBe(`emulator: port ${port} is in use; choose another with --port, or --port 0 for any free one\n`);
    } finally {
      holder.close();
    }
  });

  test.each(['SIGINT', 'SIGTERM'] as const)('%s shuts it down with exit code 0', async (signal) => {
    const { child } = await startEmulatorCli(['--port', '0', '--jobs', '10']);
    const exited = once(child, 'exit');
    child.kill(signal);
    expect(await exited).toEqual([0, null]);
  });

  test('its banner gives every variable an example needs: one runs with those and PATH alone, and prints jobs', async () => {
    const { child, banner } = await startEmulatorCli(['--port', '0', '--jobs', '300', '--seed', '5']);
    try {
      const variables = exportsOf(banner);
      expect(Object.keys(variables).sort()).toEqual([
        'AWS_ACCESS_KEY_ID',
        'AWS_ENDPOINT_URL_BEDROCK',
        'AWS_REGION',
        'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED',
        'AWS_SECRET_ACCESS_KEY',
      ]);
      // Every other line is a shell comment, so that the whole banner pastes into a shell.
      const others = banner.split('\n').filter((line) => line !== '' && !line.startsWith('export '));
      expect(others.filter((line) => !line.startsWith('# '))).toEqual([]);
      const example = await run(process.execPath, ['--import', 'tsx', 'examples/for-await.ts'], {
        ...variables,
        ...PATH_ONLY,
      });
      expect(example.stderr).toBe('');
      expect(example.code).toBe(0);
      const lines = example.stdout.trim().split('\n');
      expect(lines.length).toBeGreaterThan(10);
      expect(lines.filter((line) => !/^\d{4}-\d\d-\d\dT\S+Z \S+$/.test(line))).toEqual([]);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);

  test('it serves every kind, each as many as its flag asks', async () => {
    const counts = ['--import-jobs', '7', '--copy-jobs', '8', '--invocation-jobs', '9', '--evaluation-jobs', '11'];
    const { child, banner } = await startEmulatorCli(['--port', '0', '--jobs', '20', ...counts]);
    try {
      const url = exportsOf(banner).AWS_ENDPOINT_URL_BEDROCK;
      const count = async (path: string, key: string) =>
        ((await (await fetch(`${url}${path}?maxResults=1000`)).json()) as Record<string, unknown[]>)[key]?.length;
      expect(await count('/model-import-jobs', 'modelImportJobSummaries')).toBe(7);
      expect(await count('/model-copy-jobs', 'modelCopyJobSummaries')).toBe(8);
      expect(await count('/model-invocation-jobs', 'invocationJobSummaries')).toBe(9);
      expect(await count('/evaluation-jobs', 'jobSummaries')).toBe(11);
      // The models of the jobs, of the imports and of the copies, and 200 more (the default).
      expect(await count('/custom-models', 'modelSummaries')).toBeGreaterThan(200);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);

  test('--regions serves each region as its own generated account, named in the banner', async () => {
    const { child, banner } = await startEmulatorCli(['--port', '0', '--jobs', '6', '--regions', 'us-east-1,us-west-2']);
    try {
      const variables = exportsOf(banner);
      expect(variables.AWS_REGION).toBe('us-east-1');
      const accounts = Object.fromEntries([...banner.matchAll(/([a-z0-9-]+) \(account (\d{12})\)/g)].map(([, r, a]) => [r, a]));
      expect(Object.keys(accounts)).toEqual(['us-east-1', 'us-west-2']);
      expect(accounts['us-east-1']).not.toBe(accounts['us-west-2']);
      for (const region of ['us-east-1', 'us-west-2']) {
        const client = new BedrockClient({
          endpoint: variables.AWS_ENDPOINT_URL_BEDROCK as string,
          region,
          credentials: { accessKeyId: variables.AWS_ACCESS_KEY_ID as string, secretAccessKey: 'test' },
        });
        const page = await client.send(new ListModelCustomizationJobsCommand({}));
        const arns = page.modelCustomizationJobSummaries?.map((job) => job.jobArn) ?? [];
        expect(arns).toHaveLength(6);
        expect(arns.every((arn) => arn?.startsWith(`arn:aws:bedrock:${region}:${accounts[region]}:`))).toBe(true);
      }
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);

  test.each([
    ['us-east-1,US', "--regions must be a region such as us-east-1: 1 to 20 of a-z, 0-9 and -; got 'US'"],
    [
      'us-east-1,,us-west-2',
      "--regions needs region names separated by commas, such as us-east-1,us-west-2; got 'us-east-1,,us-west-2'",
    ],
    ['us-east-1,us-east-1', '--regions names us-east-1 twice'],
  ])(
    '--regions %s is a usage error, exit code 2',
    async (regions, message) => {
      const { code, stderr } = await runEmulatorCli(['--port', '0', '--regions', regions]);
      expect(code).toBe(2);
      expect(stderr.split('\n')[0]).toBe(`emulator: ${message}`);
    },
    30_000,
  );
});
