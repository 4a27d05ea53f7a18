/**
 * `bedrock-jobs watch` and `bedrock-jobs wait` as a user runs them: the
 * built CLI in a child process against an emulator on a virtual clock,
 * which the test moves on (`emulator.advance`) once the child has printed
 * what it sees now. `--interval 0` polls back to back, so that a change is
 * seen as soon as the clock has moved; every wait is on the child's output,
 * never on time.
 */
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterEach, describe, expect, test } from 'vitest';
import { POLL_FLAGS } from '../src/cli/flags.js';
import type { EmulatorJob } from '../src/emulator/index.js';
import { runCli, runCliOnTty, startCli } from './support/cli.js';
import { useEmulator } from './support/emulator-client.js';
import { settle } from './support/settle.js';
import { CHILD_PROCESS_MS } from './support/timeouts.js';

const HOUR = 3_600_000;
const BASE_MODEL = 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:300k';
const arnOf = (id: string) => `arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.nova-lite-v1:0:300k/${id}`;

/** A customization job created an hour ago: running for `durationMs` more, or already ended. */
function job(
  name: string,
  id: string,
  status: EmulatorJob['status'],
  durationMs?: number,
): EmulatorJob & { durationMs?: number } {
  const creationTime = new Date(Date.now() - HOUR);
  return {
    jobArn: arnOf(id),
    jobName: name,
    baseModelArn: BASE_MODEL,
    status,
    creationTime,
    lastModifiedTime: creationTime,
    customizationType: 'FINE_TUNING',
    ...(status === 'InProgress' ? {} : { endTime: creationTime }),
    ...(durationMs === undefined ? {} : { durationMs }),
  };
}

/** Two jobs that end in an hour, and one that had already ended. */
const JOBS = () => [
  job('tune-a', 'aaaaaaaaaaaa', 'InProgress', HOUR),
  job('tune-b', 'bbbbbbbbbbbb', 'InProgress', HOUR),
  job('tune-done', 'cccccccccccc', 'Completed'),
];

/** A stream's text so far, and a way to wait until it says something. */
class Output {
  text = '';
  #ended = false;
  readonly #waiters = new Set<() => void>();

  constructor(stream: NodeJS.ReadableStream) {
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => {
      this.text += chunk;
      for (const wake of this.#waiters) wake();
    });
    stream.on('end', () => {
      this.#ended = true;
      for (const wake of this.#waiters) wake();
    });
  }

  get lines(): string[] {
    return this.text.split('\n').filter(Boolean);
  }

  /** Resolves once `predicate` holds of the text; rejects if the stream ends first. */
  until(predicate: (output: Output) => boolean, what: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const check = () => {
        if (predicate(this)) {
          this.#waiters.delete(check);
          resolve();
        } else if (this.#ended) {
          this.#waiters.delete(check);
          reject(new Error(`the output ended before ${what}:\n${this.text}`));
        }
      };
      this.#waiters.add(check);
      check();
    });
  }
}

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Starts the CLI, reading its stdout and stderr as they come. */
function start(args: readonly string[]) {
  const child = startCli(args);
  children.push(child);
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return {
    child,
    stdout: new Output(child.stdout as NodeJS.ReadableStream),
    stderr: new Output(child.stderr as NodeJS.ReadableStream),
    exited,
  };
}

interface EventLine {
  readonly type: 'added' | 'changed';
  readonly job: { jobName: string; status: string; endTime?: string };
  readonly previous?: { status: string };
}
const events = (output: Output) => output.lines.map((line) => JSON.parse(line) as EventLine);

describe('bedrock-jobs watch', { timeout: CHILD_PROCESS_MS }, () => {
  test('piped: an added line per job that matches, then a changed line per job that ends, as NDJSON', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { failureRate: 0 }, jobs: JOBS() });
    const run = start(['watch', '--endpoint-url', emulator.url, '--interval', '0']);
    await run.stdout.until((output) => output.lines.length >= 3, 'three added lines');
    expect(events(run.stdout)).toEqual(
      expect.arrayContaining(
        ['tune-a', 'tune-b', 'tune-done'].map((name) =>
          expect.objectContaining({ type: 'added', job: expect.objectContaining({ jobName: name }) }),
        ),
      ),
    );
    expect(events(run.stdout).every((event) => event.type === 'added' && event.previous === undefined)).toBe(true);

    emulator.advance(HOUR);
    await run.stdout.until((output) => output.lines.length >= 5, 'two changed lines');
    const changed = events(run.stdout).slice(3);
    expect(changed.map((event) => event.job.jobName).sort()).toEqual(['tune-a', 'tune-b']);
    for (const event of changed) {
      expect(event).toMatchObject({ type: 'changed', job: { status: 'Completed' }, previous: { status: 'InProgress' } });
      // Times are ISO-8601, as JSON writes a Date.
      expect(event.job.endTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    }
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stderr.text).toBe('Interrupted.\n');
  });

  test('--output table: a header, rows that start with the event, and PREVIOUS → STATUS for a change', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { failureRate: 0 }, jobs: JOBS() });
    // A filter that the jobs still match once ended: a job that leaves the filter leaves the watch unannounced.
    const run = start([
      'watch',
      '--endpoint-url',
      emulator.url,
      '--interval',
      '0',
      '--output',
      'table',
      '--name-contains',
      'tune-',
    ]);
    await run.stdout.until((output) => output.lines.length >= 4, 'a header and three rows');
    expect(run.stdout.lines[0]).toMatch(/^EVENT\s+CREATION TIME\s+STATUS\s+CUSTOMIZATION TYPE\s+JOB NAME$/);
    expect(run.stdout.lines.slice(1).sort()).toEqual([
      expect.stringMatching(/^added\s+\S+\s+Completed\s+FINE_TUNING\s+tune-done$/),
      expect.stringMatching(/^added\s+\S+\s+InProgress\s+FINE_TUNING\s+tune-a$/),
      expect.stringMatching(/^added\s+\S+\s+InProgress\s+FINE_TUNING\s+tune-b$/),
    ]);

    emulator.advance(HOUR);
    await run.stdout.until((output) => output.lines.length >= 6, 'two changed rows');
    for (const line of run.stdout.lines.slice(4))
      expect(line).toMatch(/^changed\s+\S+\s+InProgress → Completed\s+FINE_TUNING\s+tune-[ab]$/);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
  });

  test('--no-initial: nothing for the jobs as they are, only the changes', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { failureRate: 0 }, jobs: JOBS() });
    const run = start(['watch', '--endpoint-url', emulator.url, '--interval', '0', '--no-initial']);
    // Two polls have been answered once a third is asked for: whatever they printed was written before it.
    const lists = () => emulator.requests.filter((request) => request.operation === 'ListModelCustomizationJobs').length;
    await expect.poll(lists).toBeGreaterThanOrEqual(3);
    await settle();
    expect(run.stdout.text).toBe('');

    emulator.advance(HOUR);
    await run.stdout.until((output) => output.lines.length >= 2, 'two changed lines');
    expect(
      events(run.stdout)
        .map((event) => [event.type, event.job.jobName, event.job.status])
        .sort(),
    ).toEqual([
      ['changed', 'tune-a', 'Completed'],
      ['changed', 'tune-b', 'Completed'],
    ]);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
  });

  test('a failure that time does not mend ends the watch: exit 1, one line on stderr', async () => {
    const emulator = await useEmulator({ jobs: JOBS(), faults: { deny: { first: 1 } } });
    const run = await runCli(['watch', '--endpoint-url', emulator.url, '--interval', '0']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^bedrock-jobs: ListModelCustomizationJobs failed .*AccessDeniedException/);
  });

  test('custom models are not jobs: exit 2, naming the kinds that can be watched, before any request', async () => {
    const run = await runCli(['watch', 'custom-models', '--endpoint-url', 'http://127.0.0.1:9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /'custom-models' are not jobs .*: the kinds that can are customization, import, copy, invocation, evaluation/,
    );
    expect(run.stdout).toBe('');
  });

  test('a bad --interval is a usage error that names the flag and what it takes', async () => {
    const run = await runCli(['watch', '--endpoint-url', 'http://127.0.0.1:9', '--interval', '5x']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^bedrock-jobs: --interval must be a number and a unit of ms, s, m, h or d .*; got '5x'\n/);
  });
});

describe('bedrock-jobs wait', { timeout: CHILD_PROCESS_MS }, () => {
  test('exit 0 once every job completed, with a line per change of status when piped', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { failureRate: 0 }, jobs: JOBS() });
    const run = start(['wait', 'tune-a', arnOf('bbbbbbbbbbbb'), '--endpoint-url', emulator.url, '--interval', '0']);
    await run.stdout.until((output) => output.lines.length >= 2, 'the first status of each job');
    expect(run.stdout.lines.sort()).toEqual([`${arnOf('bbbbbbbbbbbb')}: InProgress`, 'tune-a: InProgress']);

    emulator.advance(HOUR);
    expect(await run.exited).toBe(0);
    expect(run.stdout.lines.slice(2).sort()).toEqual([
      `${arnOf('bbbbbbbbbbbb')}: InProgress → Completed`,
      'tune-a: InProgress → Completed',
    ]);
    expect(run.stderr.text).toBe('');
  });

  test('exit 1 when a job failed, naming it with its failure message; the one that completed is not named', async () => {
    const emulator = await useEmulator({ clock: 'virtual', lifecycle: { failureRate: 1 }, jobs: JOBS() });
    const run = start(['wait', 'tune-a', 'tune-done', '--endpoint-url', emulator.url, '--interval', '0']);
    await run.stdout.until((output) => output.lines.length >= 2, 'the first status of each job');
    emulator.advance(HOUR);
    expect(await run.exited).toBe(1);
    expect(run.stdout.lines).toContain('tune-a: InProgress → Failed');
    const lines = run.stderr.lines;
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^bedrock-jobs: customization job tune-a ended Failed: \S.*$/);
    expect(run.stderr.text).not.toMatch(/tune-done/);
  });

  test('exit 2 for no JOB, and for a malformed one, naming the argument, before any request', async () => {
    const emulator = await useEmulator({ jobs: JOBS() });
    const none = await runCli(['wait', '--endpoint-url', emulator.url]);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(
      /^bedrock-jobs: wait needs at least one JOB: the ARN of a customization job \(arn:aws:bedrock:…\), or its job name/,
    );
    const malformed = await runCli(['wait', 'tune-a', 'not a name!', '--endpoint-url', emulator.url]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^bedrock-jobs: JOB 2 must be the ARN of a customization job .*; got 'not a name!'\n/);
    expect(malformed.stderr).toMatch(/Run 'bedrock-jobs wait --help' for usage\.\n$/);
    expect(emulator.requests).toHaveLength(0);
  });

  test('exit 130 on Ctrl-C while waiting', async () => {
    const emulator = await useEmulator({ clock: 'virtual', jobs: JOBS() });
    const run = start(['wait', 'tune-a', '--endpoint-url', emulator.url, '--interval', '0']);
    await run.stdout.until((output) => output.lines.length >= 1, 'the first status');
    expect(run.stdout.lines).toEqual(['tune-a: InProgress']);
    run.child.kill('SIGINT');
    expect(await run.exited).toBe(130);
    expect(run.stderr.text).toBe('Interrupted.\n');
  });

  test('--timeout: exit 1 with a message that says it timed out', async () => {
    const emulator = await useEmulator({ clock: 'virtual', jobs: JOBS() });
    const run = await runCli(['wait', 'tune-a', '--endpoint-url', emulator.url, '--interval', '0', '--timeout', '1ms']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('bedrock-jobs: timed out after 1ms: the job has not ended\n');
  });
});

describe('bedrock-jobs watch and wait: terminal and help', { timeout: CHILD_PROCESS_MS }, () => {
  test('wait on a terminal: one status line per job, drawn in place', async () => {
    const emulator = await useEmulator({ clock: 'virtual', jobs: JOBS() });
    const run = await runCliOnTty(['wait', 'tune-done', '--endpoint-url', emulator.url, '--interval', '0']);
    expect(run.code).toBe(0);
    // Each line starts by going back to the column 0 and erasing the line, so that a redraw replaces it.
    expect(run.stdout).toContain('\r\x1b[2Ktune-done  Completed (since ');
    expect(run.stdout).toMatch(/tune-done {2}Completed \(since \d{4}-\d\d-\d\dT[\d:.]+Z\)\r?\n/);
  });

  test('--help of each names its flags with their examples, and the top-level usage names the three commands', async () => {
    const watch = await runCli(['watch', '--help']);
    expect(watch.code).toBe(0);
    for (const flag of ['interval', 'no-initial'] as const) expect(watch.stdout).toContain(`e.g. ${POLL_FLAGS[flag].example}`);
    expect(watch.stdout).toContain('--status-equals VALUE');
    const wait = await runCli(['wait', 'import', '--help']);
    expect(wait.code).toBe(0);
    for (const flag of ['interval', 'timeout'] as const) expect(wait.stdout).toContain(`e.g. ${POLL_FLAGS[flag].example}`);
    expect(wait.stdout).toMatch(/Exit codes: 0 .*; 1 .*--timeout passed.*; 2 usage error .*; 130 interrupted/);
    expect(wait.stdout).toContain('model import job');
    const top = await runCli(['--help']);
    expect(top.code).toBe(0);
    for (const command of ['list [KIND]', 'watch [KIND]', 'wait [KIND] JOB…']) expect(top.stdout).toContain(command);
  });
});
