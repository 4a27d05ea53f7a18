/**
 * Case 10: watch and wait, requests per poll (issue 12). An account with 50
 * running customization jobs, the newest, and 450 that ended before any of
 * them was created; the 50 end over polls 2 to 10, 5 or 6 a poll. Three
 * ways to follow them for 10 polls, each on a fresh emulator with a virtual
 * clock that moves 10 minutes before each poll: `watchCustomizationJobs`,
 * `waitForCustomizationJobs`, and the loop of Airflow's waiter, one
 * `GetModelCustomizationJob` per job not yet ended each poll. What is
 * counted is the emulator's own log of the requests it served, split at the
 * start of each poll.
 */
import {
  BedrockClient,
  GetModelCustomizationJobCommand,
  ListModelCustomizationJobsCommand,
  type ListModelCustomizationJobsCommandOutput,
} from '@aws-sdk/client-bedrock';
import type { BedrockClientLike } from '../../src/bedrock/client-like.js';
import { type Emulator, type EmulatorJob, startEmulator } from '../../src/emulator/index.js';
import { waitForCustomizationJobs, watchCustomizationJobs } from '../../src/index.js';
import { fmt, spread, table } from '../support/stats.js';

const POLLS = 10;
const RUNNING = 50;
const ENDED = 450;
/** The virtual time between two polls. */
const STEP_MS = 10 * 60_000;
const ACCOUNT = '123456789012';
const BASE_MODEL = 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:300k';

/** The account: the 50 running jobs are the newest; job i ends between poll 1 + i % 9 and the next. */
function account(now: number): EmulatorJob[] {
  const job = (index: number, name: string, created: number): EmulatorJob => ({
    jobArn: `arn:aws:bedrock:us-east-1:${ACCOUNT}:model-customization-job/amazon.nova-lite-v1:0:300k/${index.toString(36).padStart(12, '0')}`,
    jobName: name,
    baseModelArn: BASE_MODEL,
    status: 'InProgress',
    creationTime: new Date(created),
    lastModifiedTime: new Date(created),
    customizationType: 'FINE_TUNING',
  });
  const running = Array.from({ length: RUNNING }, (_, i) => ({
    ...job(i, `bench-running-${i}`, now - (i + 1) * 15 * 60_000),
    durationMs: (1 + (i % (POLLS - 1))) * STEP_MS - STEP_MS / 2,
  }));
  // Ended before the oldest running job was created: outside every window but the first.
  const oldest = now - (RUNNING + 1) * 15 * 60_000;
  const ended = Array.from({ length: ENDED }, (_, i): EmulatorJob => {
    const created = oldest - (i + 1) * 3_600_000;
    return {
      ...job(RUNNING + i, `bench-ended-${i}`, created),
      status: i % 10 === 0 ? 'Failed' : 'Completed',
      lastModifiedTime: new Date(created + 1_800_000),
      endTime: new Date(created + 1_800_000),
    };
  });
  return [...running, ...ended];
}

/** What one way of following the jobs cost, poll by poll. */
interface PollCounts {
  readonly lists: number[];
  readonly gets: number[];
  /** The jobs that the poll's listing returned: the window. */
  readonly listed: number[];
}

/**
 * A fresh emulator on a virtual clock, and a client that starts each poll:
 * before the first page of each listing after the first (a request without
 * a token), it moves the clock one step and notes where the poll begins in
 * the emulator's log. The requests themselves go through the real SDK client.
 */
async function driven(): Promise<{
  emulator: Emulator;
  client: BedrockClientLike;
  startPoll: () => void;
  counts: () => PollCounts;
  close: () => Promise<void>;
}> {
  const emulator = await startEmulator({
    clock: 'virtual',
    jobs: account(Date.now()),
    lifecycle: { failureRate: 0.2, seed: 12 },
    requestLogSize: Number.POSITIVE_INFINITY,
  });
  const sdk = new BedrockClient({
    endpoint: emulator.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    maxAttempts: 1,
  });
  const starts: number[] = [];
  const listed: number[] = [];
  const startPoll = () => {
    if (starts.length === POLLS) throw new Error(`a poll after poll ${POLLS}: the case drives ${POLLS}`);
    if (starts.length > 0) emulator.advance(STEP_MS);
    starts.push(emulator.requests.length);
    listed.push(0);
  };
  const client: BedrockClientLike = {
    send: (async (command: { input: object }, options?: object) => {
      const isList = command instanceof ListModelCustomizationJobsCommand;
      if (isList && (command.input as { nextToken?: string }).nextToken === undefined) startPoll();
      const output = await sdk.send(command as never, options as never);
      if (isList) {
        listed[listed.length - 1] =
          (listed.at(-1) ?? 0) +
          ((output as ListModelCustomizationJobsCommandOutput).modelCustomizationJobSummaries?.length ?? 0);
      }
      return output;
    }) as BedrockClientLike['send'],
  };
  const counts = (): PollCounts => {
    const polls = starts.map((start, poll) => emulator.requests.slice(start, starts[poll + 1]));
    const count = (operation: string) => polls.map((requests) => requests.filter((r) => r.operation === operation).length);
    return { lists: count('ListModelCustomizationJobs'), gets: count('GetModelCustomizationJob'), listed };
  };
  return {
    emulator,
    client,
    startPoll,
    counts,
    close: async () => {
      sdk.destroy();
      await emulator.close();
    },
  };
}

const NAMES = Array.from({ length: RUNNING }, (_, i) => `bench-running-${i}`);

async function watch(pageSize?: number): Promise<PollCounts> {
  const run = await driven();
  try {
    let changed = 0;
    // The first poll's `added` for each of the 500 jobs, then one `changed` as each of the 50 ends.
    for await (const event of watchCustomizationJobs({}, { client: run.client, interval: 0, pageSize }).take(
      RUNNING + ENDED + RUNNING,
    )) {
      if (event.type === 'changed') changed++;
    }
    const counts = run.counts();
    if (changed !== RUNNING || counts.lists.length !== POLLS) {
      throw new Error(`watch: ${changed} changes over ${counts.lists.length} polls`);
    }
    return counts;
  } finally {
    await run.close();
  }
}

async function wait(pageSize?: number): Promise<PollCounts> {
  const run = await driven();
  try {
    const results = await waitForCustomizationJobs(NAMES, { client: run.client, interval: 0, pageSize });
    const counts = run.counts();
    if (results.some((result) => result.status === 'InProgress') || counts.lists.length !== POLLS) {
      throw new Error(`wait: ended after ${counts.lists.length} polls`);
    }
    return counts;
  } finally {
    await run.close();
  }
}

/** Airflow's waiter, once per job: a Get of each job each poll until it ends (Stopping counts as an end there). */
async function getLoop(): Promise<PollCounts> {
  const run = await driven();
  try {
    const pending = new Set(NAMES);
    for (let poll = 0; poll < POLLS; poll++) {
      run.startPoll();
      for (const name of [...pending]) {
        const job = await run.client.send(new GetModelCustomizationJobCommand({ jobIdentifier: name }));
        if (job.status !== 'InProgress') pending.delete(name);
      }
    }
    if (pending.size > 0) throw new Error(`get loop: ${pending.size} jobs still running after ${POLLS} polls`);
    return run.counts();
  } finally {
    await run.close();
  }
}

export async function watchPolls(): Promise<string> {
  const rows: string[][] = [];
  const row = (name: string, counts: PollCounts, pages?: number) => {
    const requests = counts.lists.map((lists, poll) => lists + (counts.gets[poll] ?? 0));
    const later = (values: number[]) => {
      const { median, min, max } = spread(values.slice(1));
      return min === max ? fmt(median) : `${fmt(median)} (${fmt(min)}–${fmt(max)})`;
    };
    rows.push([
      name,
      pages === undefined ? fmt(requests[0] ?? 0) : `${fmt(requests[0] ?? 0)} (${fmt(counts.listed[0] ?? 0)} jobs listed)`,
      later(counts.lists),
      pages === undefined ? '–' : later(counts.listed.map((jobs) => Math.max(1, Math.ceil(jobs / pages)))),
      pages === undefined ? '–' : later(counts.listed),
      fmt(counts.gets.slice(1).reduce((sum, gets) => sum + gets, 0)),
      later(requests),
      requests.join(' '),
      fmt(requests.reduce((sum, value) => sum + value, 0)),
    ]);
  };
  row('watchCustomizationJobs', await watch(), 1000);
  row('waitForCustomizationJobs', await wait(), 1000);
  row('one Get per job (Airflow’s waiter)', await getLoop());
  row('watchCustomizationJobs, pageSize 100', await watch(100), 100);
  row('waitForCustomizationJobs, pageSize 100', await wait(100), 100);
  return table(
    [
      `${RUNNING} running + ${ENDED} ended jobs, ${POLLS} polls`,
      'poll 1: requests',
      'polls 2–10: List requests a poll',
      'pages of the window',
      'jobs in the window',
      'polls 2–10: Gets in all',
      'polls 2–10: requests a poll',
      'requests at polls 1 … 10',
      'requests in all',
    ],
    rows,
  );
}
