import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
const WARNING = /NodeVersionSupportWarning/g;
/** The SDK warns on Node versions below 22. */
const WARNS_HERE = Number(process.versions.node.split('.')[0]) < 22;

/** This environment without the switch (vitest.config.ts sets it for the tests themselves). */
function environmentWithoutSwitch(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env[SWITCH];
  return env;
}

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node --import tsx …` from the project root to its end. */
function runTsx(args: readonly string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', ...args], { cwd: ROOT, env }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

const TWO_PROCESSES = 'test/support/sdk-clients-in-two-processes.ts';
const BENCH_SWITCH = './bench/support/no-sdk-node-warning.ts';

test.runIf(WARNS_HERE)(
  'on this Node the SDK warns once per process that makes a client, unless the switch is set',
  { timeout: 30_000 },
  async () => {
    const unset = await runTsx([TWO_PROCESSES], environmentWithoutSwitch());
    expect(unset.code).toBe(0);
    expect(unset.stderr.match(WARNING)).toHaveLength(2);
    const set = await runTsx([TWO_PROCESSES], { ...environmentWithoutSwitch(), [SWITCH]: 'true' });
    expect(set.code).toBe(0);
    expect(set.stderr).not.toMatch(WARNING);
  },
);

test('the bench’s switch silences the warning in its own process and in the processes it starts', {
  timeout: 30_000,
}, async () => {
  const run = await runTsx(['--import', BENCH_SWITCH, TWO_PROCESSES], environmentWithoutSwitch());
  expect(run.code).toBe(0);
  expect(run.stderr).not.toMatch(WARNING);
});

test.each(['bench/run.ts', 'bench/emulator-throughput.ts'])(
  '%s imports the switch before anything else, so before any client is made',
  async (entry) => {
    const source = await readFile(new URL(`../${entry}`, import.meta.url), 'utf8');
    expect(source.match(/^import .*$/m)?.[0]).toBe("import './support/no-sdk-node-warning.js';");
  },
);

test('npm run demo prints its summary and no warning, with the switch unset', { timeout: 30_000 }, async () => {
  const run = await runTsx(['examples/demo.ts'], environmentWithoutSwitch());
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^Listed [\d,]+ items of 6 kinds/);
  expect(run.stderr).not.toMatch(WARNING);
});
