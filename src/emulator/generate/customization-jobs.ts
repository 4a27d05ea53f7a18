import { CustomizationType, JobStatusDetails, ModelCustomizationJobStatus, type StatusDetails } from '@aws-sdk/client-bedrock';
import { checkGenerateJobsOptions } from '../check-options.js';
import type { EmulatorJob } from '../job-store.js';
import { pick, type Random, seededRandom } from '../random.js';
import { dayOf, HOUR, PURPOSES, seededResourceId, TEAMS, weighted } from './vocabulary.js';

/**
 * Options of {@link generateJobs}, and the `jobs` option of
 * {@link startEmulator} when it is given as a count.
 *
 * @example
 * ```ts
 * import { type GenerateJobsOptions, startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const jobs: GenerateJobsOptions = { count: 2000, seed: 7, endingAt: new Date(), region: 'eu-central-1' };
 * const emulator = await startEmulator({ jobs, region: 'eu-central-1' });
 * await emulator.close();
 * ```
 */
export interface GenerateJobsOptions {
  /** How many jobs: a whole number from 0 to 100,000 (about 200 MB of jobs). */
  readonly count: number;
  /** The same seed (an integer) gives the same jobs, given the same `endingAt`; default 1. */
  readonly seed?: number;
  /**
   * The newest job is created shortly before this time, the others before it.
   * Default: now, so that the jobs look current; pass a fixed `Date` for
   * jobs that are the same on every run.
   */
  readonly endingAt?: Date;
  /** The region in the jobs' ARNs, such as `eu-west-1` (1 to 20 of a-z, 0-9 and -); default `us-east-1`. */
  readonly region?: string;
  /** The account in the jobs' ARNs and S3 URIs: 12 digits; default `123456789012`. */
  readonly accountId?: string;
}

/** Base models that accept each kind of customization, as Bedrock offers them. */
const BASE_MODELS: Record<CustomizationType, readonly string[]> = {
  FINE_TUNING: [
    'amazon.titan-text-express-v1:0:8k',
    'amazon.titan-text-lite-v1:0:4k',
    'amazon.nova-micro-v1:0:128k',
    'amazon.nova-lite-v1:0:300k',
    'anthropic.claude-3-haiku-20240307-v1:0:200k',
    'meta.llama3-1-8b-instruct-v1:0:128k',
    'cohere.command-light-text-v14:7:4k',
  ],
  CONTINUED_PRE_TRAINING: ['amazon.titan-text-express-v1:0:8k', 'amazon.titan-text-lite-v1:0:4k'],
  DISTILLATION: ['amazon.nova-micro-v1:0:128k', 'amazon.nova-lite-v1:0:300k', 'meta.llama3-1-8b-instruct-v1:0:128k'],
  REINFORCEMENT_FINE_TUNING: ['amazon.nova-lite-v1:0:300k', 'amazon.nova-micro-v1:0:128k'],
  IMPORTED: ['meta.llama3-2-3b-instruct-v1:0:128k', 'mistral.mistral-7b-instruct-v0:2'],
};

const TYPE_WEIGHTS: readonly [CustomizationType, number][] = [
  [CustomizationType.FINE_TUNING, 0.5],
  [CustomizationType.CONTINUED_PRE_TRAINING, 0.15],
  [CustomizationType.DISTILLATION, 0.15],
  [CustomizationType.REINFORCEMENT_FINE_TUNING, 0.12],
  [CustomizationType.IMPORTED, 0.08],
];

const TYPE_SHORT: Record<CustomizationType, string> = {
  FINE_TUNING: 'ft',
  CONTINUED_PRE_TRAINING: 'cpt',
  DISTILLATION: 'distill',
  REINFORCEMENT_FINE_TUNING: 'rft',
  IMPORTED: 'import',
};

/** Jobs still running are the recent ones; old jobs have ended one way or another. */
function statusFor(random: Random, ageMs: number): ModelCustomizationJobStatus {
  if (ageMs < 36 * HOUR) {
    return weighted(random, [
      [ModelCustomizationJobStatus.IN_PROGRESS, 0.55],
      [ModelCustomizationJobStatus.STOPPING, 0.1],
      [ModelCustomizationJobStatus.COMPLETED, 0.2],
      [ModelCustomizationJobStatus.FAILED, 0.1],
      [ModelCustomizationJobStatus.STOPPED, 0.05],
    ]);
  }
  return weighted(random, [
    [ModelCustomizationJobStatus.COMPLETED, 0.72],
    [ModelCustomizationJobStatus.FAILED, 0.17],
    [ModelCustomizationJobStatus.STOPPED, 0.11],
  ]);
}

/** Why a generated customization job failed, as GetModelCustomizationJob shows it. */
const TRAINING_FAILURE_MESSAGES = [
  'Training data validation failed: 12 records exceed the maximum token count.',
  'The IAM role does not have permission to read s3://training-data.',
  'Internal error during training. Retry the job.',
  'Hyperparameter learningRate is out of range for this model.',
];

/**
 * Sub-task details, as the API reference describes them: validation and
 * training for the newer job types, and data processing for distillation
 * only. Fine-tuning and continued pre-training summaries carry none.
 */
function statusDetails(
  type: CustomizationType,
  status: ModelCustomizationJobStatus,
  created: number,
  random: Random,
): StatusDetails | undefined {
  if (type !== 'DISTILLATION' && type !== 'REINFORCEMENT_FINE_TUNING') return undefined;
  const stage = (detail: JobStatusDetails, hours: number) => ({
    status: detail,
    creationTime: new Date(created + hours * HOUR),
    lastModifiedTime: new Date(created + (hours + 0.5) * HOUR),
  });
  const done = JobStatusDetails.COMPLETED;
  const training: Record<ModelCustomizationJobStatus, JobStatusDetails> = {
    InProgress: JobStatusDetails.IN_PROGRESS,
    Stopping: JobStatusDetails.STOPPING,
    Stopped: JobStatusDetails.STOPPED,
    Completed: done,
    Failed: JobStatusDetails.FAILED,
  };
  const validationFailed = status === 'Failed' && random() < 0.5;
  const details: StatusDetails = validationFailed
    ? { validationDetails: stage(JobStatusDetails.FAILED, 0), trainingDetails: stage(JobStatusDetails.NOT_STARTED, 0) }
    : { validationDetails: stage(done, 0), trainingDetails: stage(training[status], 1) };
  if (type === 'DISTILLATION') {
    details.dataProcessingDetails = stage(validationFailed ? JobStatusDetails.NOT_STARTED : done, 0.5);
  }
  return details;
}

/**
 * Realistic customization jobs, the same for the same options (the same on
 * every run once `endingAt` is pinned; by default they end now): ARNs and
 * names of the service's shapes, every status and every customization type,
 * with `endTime`, `customModelArn` and `customModelName` wherever the
 * status implies them. About one job in twenty shares its creation
 * millisecond with the one before, to exercise the tie order. Newest first.
 *
 * @example
 * ```ts
 * import { generateJobs, startEmulator } from 'bedrock-customization-jobs/emulator';
 *
 * const jobs = generateJobs({ count: 100, seed: 3, endingAt: new Date('2026-11-01T00:00:00Z') });
 * const failed = jobs.filter((job) => job.status === 'Failed');
 * // The jobs the emulator would make from the same options, now known to the test.
 * const emulator = await startEmulator({ jobs });
 * console.log(`${failed.length} of the emulator's jobs have failed`);
 * await emulator.close();
 * ```
 */
export function generateJobs(options: GenerateJobsOptions): EmulatorJob[] {
  checkGenerateJobsOptions(options, 'options');
  const { count, seed = 1, region = 'us-east-1', accountId = '123456789012' } = options;
  const endingAt = (options.endingAt ?? new Date()).getTime();
  const random = seededRandom(seed);
  const jobs: EmulatorJob[] = [];
  let created = endingAt - Math.floor(random() * HOUR);

  for (let i = 0; i < count; i++) {
    if (i > 0 && random() >= 0.05) created -= 1 + Math.floor(random() * 6 * HOUR);
    const type = weighted(random, TYPE_WEIGHTS);
    const baseModel = pick(random, BASE_MODELS[type]);
    const status = statusFor(random, endingAt - created);
    const day = dayOf(created);
    const jobName = `${pick(random, TEAMS)}-${pick(random, PURPOSES)}-${TYPE_SHORT[type]}-${day}-${String(i).padStart(5, '0')}`;
    const ended = status === 'Completed' || status === 'Failed' || status === 'Stopped';
    // An ended job ended before `endingAt`, within a day of its start.
    const endTime = ended ? new Date(created + random() * Math.min(24 * HOUR, endingAt - created)) : undefined;

    const job: EmulatorJob = {
      jobArn: `arn:aws:bedrock:${region}:${accountId}:model-customization-job/${baseModel}/${seededResourceId(random)}`,
      baseModelArn: `arn:aws:bedrock:${region}::foundation-model/${baseModel}`,
      jobName,
      status,
      creationTime: new Date(created),
      lastModifiedTime: endTime ?? new Date(created + HOUR),
      customizationType: type,
      roleArn: `arn:aws:iam::${accountId}:role/BedrockCustomization-${jobName.split('-')[0]}`,
      outputModelName: `${jobName}-model`,
      trainingDataConfig: { s3Uri: `s3://customization-${accountId}/${jobName}/train.jsonl` },
      validationDataConfig: { validators: [{ s3Uri: `s3://customization-${accountId}/${jobName}/validation.jsonl` }] },
      outputDataConfig: { s3Uri: `s3://customization-${accountId}/${jobName}/output/` },
      hyperParameters: { epochCount: String(1 + Math.floor(random() * 5)), batchSize: '8', learningRate: '0.00001' },
    };
    const details = statusDetails(type, status, created, random);
    if (details) job.statusDetails = details;
    if (endTime) job.endTime = endTime;
    if (status === 'Completed') {
      job.customModelArn = `arn:aws:bedrock:${region}:${accountId}:custom-model/${baseModel}/${seededResourceId(random)}`;
      job.customModelName = `${jobName}-model`;
    }
    if (status === 'Failed') job.failureMessage = pick(random, TRAINING_FAILURE_MESSAGES);
    jobs.push(job);
  }
  return jobs;
}
