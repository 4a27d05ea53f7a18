import { ModelInvocationJobStatus, ModelInvocationType } from '@aws-sdk/client-bedrock';
import type { EmulatorCustomModel, EmulatorInvocationJob } from '../emulator-items.js';
import { pick, type Random } from '../random.js';
import { creationTimes, endTimeOf, FOUNDATION_MODELS, HOUR, itemName, seededResourceId, weighted } from './vocabulary.js';

/** How long a batch inference job may run, the API's default. */
const TIMEOUT_HOURS = 24;

/** Statuses of jobs submitted in the last day, and of older ones, which have ended one way or another. */
const RECENT: readonly [ModelInvocationJobStatus, number][] = [
  [ModelInvocationJobStatus.SUBMITTED, 0.1],
  [ModelInvocationJobStatus.VALIDATING, 0.1],
  [ModelInvocationJobStatus.SCHEDULED, 0.15],
  [ModelInvocationJobStatus.IN_PROGRESS, 0.4],
  [ModelInvocationJobStatus.STOPPING, 0.05],
  [ModelInvocationJobStatus.COMPLETED, 0.2],
];
const OLD: readonly [ModelInvocationJobStatus, number][] = [
  [ModelInvocationJobStatus.COMPLETED, 0.7],
  [ModelInvocationJobStatus.PARTIALLY_COMPLETED, 0.1],
  [ModelInvocationJobStatus.FAILED, 0.08],
  [ModelInvocationJobStatus.STOPPED, 0.07],
  [ModelInvocationJobStatus.EXPIRED, 0.05],
];
const ENDED: readonly string[] = ['Completed', 'PartiallyCompleted', 'Failed', 'Stopped', 'Expired'];

/**
 * `count` batch inference jobs, newest first by `submitTime`, each on a
 * foundation model or, one in four, on one of `models` (Active custom
 * models of the account); ended ones carry `endTime` and their record counts.
 */
export function generateInvocationJobs(
  random: Random,
  count: number,
  models: readonly EmulatorCustomModel[],
  where: { region: string; accountId: string; endingAt: number },
): EmulatorInvocationJob[] {
  const jobs: EmulatorInvocationJob[] = [];
  const active = models.filter((model) => model.modelStatus === undefined || model.modelStatus === 'Active');
  const times = creationTimes(random, where.endingAt, 4 * HOUR);
  for (let i = 0; i < count; i++) {
    const submitted = times.next().value as number;
    const status = weighted(random, where.endingAt - submitted < 24 * HOUR ? RECENT : OLD);
    const jobName = itemName(random, 'batch', submitted, i);
    const modelId =
      active.length > 0 && random() < 0.25 ? (pick(random, active).modelArn as string) : pick(random, FOUNDATION_MODELS);
    const bucket = `s3://batch-${where.accountId}/${jobName}`;
    const total = 100 + Math.floor(random() * 50_000);
    const job: EmulatorInvocationJob = {
      jobArn: `arn:aws:bedrock:${where.region}:${where.accountId}:model-invocation-job/${seededResourceId(random)}`,
      jobName,
      modelId,
      roleArn: `arn:aws:iam::${where.accountId}:role/BedrockBatchInference`,
      status,
      submitTime: new Date(submitted),
      lastModifiedTime: new Date(submitted),
      inputDataConfig: { s3InputDataConfig: { s3Uri: `${bucket}/input/records.jsonl`, s3InputFormat: 'JSONL' } },
      outputDataConfig: { s3OutputDataConfig: { s3Uri: `${bucket}/output/` } },
      timeoutDurationInHours: TIMEOUT_HOURS,
      jobExpirationTime: new Date(submitted + TIMEOUT_HOURS * HOUR),
      modelInvocationType: ModelInvocationType.InvokeModel,
      totalRecordCount: total,
    };
    if (ENDED.includes(status)) {
      const endTime = endTimeOf(random, submitted, where.endingAt);
      job.endTime = endTime;
      job.lastModifiedTime = endTime;
      const errors = status === 'Completed' ? 0 : Math.floor(random() * total * 0.2);
      const processed = status === 'Completed' || status === 'PartiallyCompleted' ? total : Math.floor(random() * total);
      job.processedRecordCount = processed;
      job.successRecordCount = Math.max(0, processed - errors);
      job.errorRecordCount = Math.min(errors, processed);
      if (status === 'Failed') job.message = 'The input file has records that are not valid JSON.';
    }
    jobs.push(job);
  }
  return jobs;
}
