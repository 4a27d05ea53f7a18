import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { TEST_CREDENTIALS } from './emulator-client.js';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

export const CLI_ENV = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '/tmp',
  AWS_REGION: 'us-east-1',
  AWS_ACCESS_KEY_ID: TEST_CREDENTIALS.accessKeyId,
  AWS_SECRET_ACCESS_KEY: TEST_CREDENTIALS.secretAccessKey,
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // --emulator's account, pinned: runs that are compared with each other must not straddle an hour.
  BEDROCK_JOBS_EMULATOR_AT: '2026-11-27T10:00:00Z',
};

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the built CLI to the end, with stdout and stderr piped (so not
 * terminals), in {@link CLI_ENV} or exactly the environment given.
 */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = CLI_ENV): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** Runs the built CLI under a pseudo-terminal (util-linux `script`), so that stdout and stderr are TTYs. */
export function runCliOnTty(args: readonly string[]): Promise<Run> {
  const command = [process.execPath, CLI, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
  return new Promise((resolve) => {
    execFile('script', ['-qec', command, '/dev/null'], { env: { ...CLI_ENV, TERM: 'xterm' } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** Starts the built CLI and leaves it running, for tests that read it as it goes or interrupt it. */
export function startCli(args: readonly string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { env: CLI_ENV, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The `--starting-token` from the last line of stderr. */
export function continuationOf(stderr: string): string | undefined {
  return /Continue with: --starting-token (\S+)\s*$/.exec(stderr)?.[1];
}
