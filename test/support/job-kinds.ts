import { waitersOf } from '../../src/bedrock/job-wait.js';
import { type Watcher, watcherOf } from '../../src/bedrock/job-watch.js';
import { isRunning } from '../../src/bedrock/job-window.js';
import type { AnyListingKind } from '../../src/bedrock/listing-kind.js';
import type { Emulator } from '../../src/emulator/index.js';
import { KINDS } from './kinds.js';

type Job = Record<string, unknown>;

/** Every kind whose items are jobs that run and end, with its watch and its waits, for `describe.each`. */
export const JOB_KINDS = KINDS.filter(({ kind }) => kind.lifecycle !== undefined).map((entry) => ({
  ...entry,
  watch: watcherOf(entry.kind) as Watcher<object, Job>,
  waits: waitersOf<object, Job, Job>(entry.kind),
}));

/** The emulator's adder of each kind's items. */
const ADDERS = {
  customization: 'addJobs',
  import: 'addImportJobs',
  copy: 'addCopyJobs',
  invocation: 'addInvocationJobs',
  evaluation: 'addEvaluationJobs',
} as const;

/** Adds a running job of `kind` like `model`, created at `at` by the service's clock, with its own ARN and name. */
export function addRunningJob(emulator: Emulator, kind: AnyListingKind, model: Job, at: Date, id = 'newjobzzzzzz'): Job {
  const arn = String(model[kind.arnField]).replace(/[^/]+$/, id);
  const status = kind.lifecycle?.running[0];
  const job: Job = { ...model, [kind.arnField]: arn, [kind.timeField]: at, status, lastModifiedTime: at };
  delete job.endTime;
  delete job.failureMessage;
  if (typeof model.jobName === 'string') job.jobName = `${model.jobName}-${id}`;
  const adder = ADDERS[kind.name as keyof typeof ADDERS];
  (emulator[adder] as (jobs: readonly Job[]) => void)([job]);
  return job;
}

/** The ARN of a job. */
export const arnOf = (kind: AnyListingKind, job: object) => String((job as Job)[kind.arnField]);

/** The jobs that have not ended. */
export const running = (kind: AnyListingKind, jobs: readonly Job[]) => jobs.filter((job) => isRunning(kind, job));

/** Reads `count` items from an iterator. */
export async function read<T>(iterator: AsyncIterator<T>, count: number): Promise<T[]> {
  const items: T[] = [];
  while (items.length < count) {
    const result = await iterator.next();
    if (result.done) throw new Error(`the iterator ended after ${items.length} of ${count} items`);
    items.push(result.value);
  }
  return items;
}
