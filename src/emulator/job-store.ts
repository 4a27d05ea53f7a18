import type { ModelCustomizationJobStatus, ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
import { customizationJobs } from '../bedrock/kinds/customization-jobs.js';
import { ApiError } from './api-error.js';
import { KindStore, type StoredItem } from './kind-store.js';
import type { StoreClock } from './lifecycle.js';
import type { TimeInput } from './time-input.js';

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
  /**
   * For an `InProgress` job: it runs this many ms from when it is added, then ends `Completed` or `Failed`.
   * Absent: `lifecycle.durationMs` in an emulator started with `lifecycle`; otherwise it runs until stopped.
   */
  durationMs?: number;
}

/** The fields of a customization job's summary, in the order the service writes them; the rest only Get shows. */
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

/** A stored customization job. */
export type StoredJob = StoredItem<EmulatorJob>;

export interface JobStoreOptions {
  /** How long a stopped job stays in `Stopping` before it reads as `Stopped`. */
  readonly stopDelayMs: number;
  readonly clock: StoreClock;
}

/**
 * The customization jobs: a {@link KindStore} that also finds a job by
 * name and runs StopModelCustomizationJob's Stopping → Stopped.
 */
export class JobStore extends KindStore<EmulatorJob> {
  readonly #byName = new Map<string, StoredJob>();
  /** When StopModelCustomizationJob moved each job to Stopping. */
  readonly #stoppingSince = new Map<StoredJob, number>();
  readonly #options: JobStoreOptions;

  constructor(jobs: readonly EmulatorJob[], options: JobStoreOptions) {
    super(customizationJobs, [], SUMMARY_FIELDS, options.clock);
    this.#options = options;
    for (const job of jobs) this.add(job);
  }

  override add(job: EmulatorJob): StoredJob {
    const stored = super.add(job);
    this.#byName.set(job.jobName, stored);
    return stored;
  }

  /** Every job, oldest first, stopping jobs settled. */
  override ascending(): readonly StoredJob[] {
    this.#settleStopping();
    return super.ascending();
  }

  /** Finds a job by ARN or by name, as `jobIdentifier` allows either. */
  find(identifier: string): StoredJob {
    this.settle();
    const stored = this.findByArn(identifier) ?? this.#byName.get(identifier);
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
    if (stored.item.status !== 'InProgress') {
      throw new ApiError(
        'ConflictException',
        409,
        `Model customization job ${stored.item.jobName} cannot be stopped: its status is ${stored.item.status}.`,
      );
    }
    const now = this.#options.clock.now();
    this.cancelEnd(stored);
    this.#stoppingSince.set(stored, now);
    stored.item.status = 'Stopping';
    stored.item.lastModifiedTime = new Date(now);
    this.changed(stored);
  }

  /** Stopping jobs settle when read, so the emulator needs no timers. */
  #settleStopping(): void {
    const now = this.#options.clock.now();
    for (const [stored, since] of this.#stoppingSince) {
      if (now - since < this.#options.stopDelayMs) continue;
      stored.item.status = 'Stopped';
      stored.item.endTime = new Date(since + this.#options.stopDelayMs);
      stored.item.lastModifiedTime = stored.item.endTime;
      this.#stoppingSince.delete(stored);
      this.changed(stored);
    }
  }
}
