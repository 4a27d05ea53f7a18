import type { ModelCustomizationJobStatus, ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
import { ApiError } from './api-error.js';

/**
 * A timestamp as a caller may give it: a `Date` (as the SDK types it) or an ISO-8601 string.
 *
 * @example
 * ```ts
 * import type { TimeInput } from 'bedrock-customization-jobs/emulator';
 *
 * const times: TimeInput[] = [new Date(), '2026-03-01T12:00:00Z'];
 * ```
 */
export type TimeInput = Date | string;

/**
 * A job as the emulator is seeded with it: the SDK's
 * `ModelCustomizationJobSummary`, whose timestamps may also be ISO-8601
 * strings, plus the optional fields that only GetModelCustomizationJob shows.
 *
 * @example
 * ```ts
 * import { type EmulatorJob, startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const job: EmulatorJob = {
 *   jobArn: 'arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.nova-lite-v1:0:300k/abc123def456',
 *   jobName: 'support-summarize-ft-20260301',
 *   baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0:300k',
 *   status: 'InProgress',
 *   creationTime: '2026-03-01T12:00:00Z',
 *   customizationType: 'FINE_TUNING',
 * };
 * const emulator = await startEmulator({ jobs: [job] });
 * await emulator.close();
 * ```
 */
export interface EmulatorJob extends Omit<ModelCustomizationJobSummary, 'creationTime' | 'lastModifiedTime' | 'endTime'> {
  jobArn: string;
  jobName: string;
  baseModelArn: string;
  status: ModelCustomizationJobStatus;
  /** When the job was created: it orders the listing, and `creationTimeAfter`/`creationTimeBefore` filter by it. */
  creationTime: TimeInput;
  /** When the job last changed; left out of the answers when absent. */
  lastModifiedTime?: TimeInput;
  /** When the job ended, for a job that has: `Completed`, `Failed` or `Stopped`. */
  endTime?: TimeInput;
  /** The IAM role the job runs as; GetModelCustomizationJob makes one up when absent. */
  roleArn?: string;
  /** The name the custom model gets; GetModelCustomizationJob falls back to `customModelName`, then `<jobName>-model`. */
  outputModelName?: string;
  /** Why a `Failed` job failed, shown by GetModelCustomizationJob. */
  failureMessage?: string;
  /** The job's hyperparameters, as the API carries them: strings. */
  hyperParameters?: Record<string, string>;
  /** Where the training data is. */
  trainingDataConfig?: {
    /** The S3 URI of the training data. */
    s3Uri: string;
  };
  /** Where the validation data is. */
  validationDataConfig?: {
    /** One entry per validation data set. */
    validators: {
      /** The S3 URI of this validation data set. */
      s3Uri: string;
    }[];
  };
  /** Where the job writes its output. */
  outputDataConfig?: {
    /** The S3 URI the output goes to. */
    s3Uri: string;
  };
  /** The idempotency token the job was created with: a CreateModelCustomizationJob with the same token returns this job. */
  clientRequestToken?: string;
}

/** A stored job: the caller's fields, kept as given, and its creation time in ms for sorting. */
export interface StoredJob {
  readonly job: EmulatorJob;
  readonly createdMs: number;
  /** When StopModelCustomizationJob moved it to Stopping. */
  stoppingSinceMs?: number;
  /** The summary as JSON, cached: turning Dates into strings is most of a page's cost. */
  summaryJson?: string;
}

/** The fields of a summary, in the order the service writes them. */
const SUMMARY_FIELDS = [
  'jobArn',
  'baseModelArn',
  'jobName',
  'status',
  'statusDetails',
  'lastModifiedTime',
  'creationTime',
  'endTime',
  'customModelArn',
  'customModelName',
  'customizationType',
] as const;

/** The summary's JSON, as the service writes it: Dates become ISO-8601 strings, strings stay as given. */
export function summaryJson(stored: StoredJob): string {
  if (stored.summaryJson === undefined) {
    const summary: Record<string, unknown> = {};
    for (const field of SUMMARY_FIELDS) {
      if (stored.job[field] !== undefined) summary[field] = stored.job[field];
    }
    stored.summaryJson = JSON.stringify(summary);
  }
  return stored.summaryJson;
}

function timeMs(value: unknown, field: string, jobArn: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new TypeError(`emulator job ${jobArn}: ${field} must be a Date or an ISO-8601 string, got ${String(value)}`);
  }
  return ms;
}

/**
 * Orders jobs by creation time, then by ARN, so that jobs created in the same
 * millisecond keep one order across requests and pages.
 */
export function compareAscending(a: StoredJob, b: StoredJob): number {
  return a.createdMs - b.createdMs || (a.job.jobArn < b.job.jobArn ? -1 : a.job.jobArn > b.job.jobArn ? 1 : 0);
}

export interface JobStoreOptions {
  /** How long a stopped job stays in `Stopping` before it reads as `Stopped`. */
  readonly stopDelayMs: number;
  readonly now: () => number;
}

export class JobStore {
  readonly #jobs: StoredJob[] = [];
  readonly #byArn = new Map<string, StoredJob>();
  readonly #byName = new Map<string, StoredJob>();
  readonly #stopping = new Set<StoredJob>();
  readonly #options: JobStoreOptions;
  #ascending: StoredJob[] | undefined;

  constructor(jobs: readonly EmulatorJob[], options: JobStoreOptions) {
    this.#options = options;
    for (const job of jobs) this.add(job);
  }

  get size(): number {
    return this.#jobs.length;
  }

  add(job: EmulatorJob): StoredJob {
    if (this.#byArn.has(job.jobArn)) throw new TypeError(`emulator: two jobs share the ARN ${job.jobArn}`);
    const stored: StoredJob = { job: { ...job }, createdMs: timeMs(job.creationTime, 'creationTime', job.jobArn) };
    this.#jobs.push(stored);
    this.#byArn.set(job.jobArn, stored);
    this.#byName.set(job.jobName, stored);
    this.#ascending = undefined;
    return stored;
  }

  /** Every job, oldest first; the array is cached until the next `add`. */
  ascending(): readonly StoredJob[] {
    this.#settleStopping();
    this.#ascending ??= [...this.#jobs].sort(compareAscending);
    return this.#ascending;
  }

  /** Finds a job by ARN or by name, as `jobIdentifier` allows either. */
  find(identifier: string): StoredJob {
    const stored = this.#byArn.get(identifier) ?? this.#byName.get(identifier);
    if (!stored) {
      throw new ApiError('ResourceNotFoundException', 404, `Model customization job ${identifier} does not exist.`);
    }
    this.#settleStopping();
    return stored;
  }

  findByName(name: string): StoredJob | undefined {
    return this.#byName.get(name);
  }

  /** InProgress → Stopping now, then → Stopped once `stopDelayMs` has passed. */
  stop(identifier: string): void {
    const stored = this.find(identifier);
    if (stored.job.status !== 'InProgress') {
      throw new ApiError(
        'ConflictException',
        409,
        `Model customization job ${stored.job.jobName} cannot be stopped: its status is ${stored.job.status}.`,
      );
    }
    const now = this.#options.now();
    stored.stoppingSinceMs = now;
    this.#stopping.add(stored);
    stored.job.status = 'Stopping';
    stored.job.lastModifiedTime = new Date(now);
    delete stored.summaryJson;
  }

  /** Stopping jobs settle when read, so the emulator needs no timers. */
  #settleStopping(): void {
    const now = this.#options.now();
    for (const stored of this.#stopping) {
      const since = stored.stoppingSinceMs ?? now;
      if (now - since < this.#options.stopDelayMs) continue;
      stored.job.status = 'Stopped';
      stored.job.endTime = new Date(since + this.#options.stopDelayMs);
      stored.job.lastModifiedTime = stored.job.endTime;
      delete stored.stoppingSinceMs;
      delete stored.summaryJson;
      this.#stopping.delete(stored);
    }
  }
}
