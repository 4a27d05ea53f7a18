import { ModelCopyJobStatus, ModelStatus } from '@aws-sdk/client-bedrock';
import type { EmulatorCopyJob, EmulatorCustomModel } from '../emulator-items.js';
import { pick, type Random } from '../random.js';
import { accountOf, modelCreatedMs } from './custom-models.js';
import { HOUR, seededResourceId, weighted } from './vocabulary.js';

const COPY_FAILURES = [
  'The KMS key of the target model is not accessible.',
  'The source model is not shared with this account.',
  'Internal error while copying the model. Retry the job.',
];

/** `custom-model/<base>/` or `custom-model/imported/`: the part of a model ARN that its copy keeps. */
function modelPath(arn: string): string {
  const path = arn.slice(arn.indexOf(':custom-model/') + ':custom-model/'.length);
  return path.slice(0, path.lastIndexOf('/'));
}

/**
 * `count` model copy jobs, each copying one of `sources` (models that
 * exist: this account's or shared with it), created after its source, and
 * the model each Completed one made: this account's copy, under the job's
 * `targetModelArn` and `targetModelName`.
 */
export function generateCopyJobs(
  random: Random,
  count: number,
  sources: readonly EmulatorCustomModel[],
  where: { region: string; accountId: string; endingAt: number },
): { jobs: EmulatorCopyJob[]; models: EmulatorCustomModel[] } {
  const jobs: EmulatorCopyJob[] = [];
  const models: EmulatorCustomModel[] = [];
  const ready = sources.filter((model) => model.modelStatus === undefined || model.modelStatus === 'Active');
  // Copying is how a model shared from another account becomes this one's: half the copies are of those.
  const shared = ready.filter((model) => (model.ownerAccountId ?? where.accountId) !== where.accountId);
  for (let i = 0; i < count && ready.length > 0; i++) {
    const source = shared.length > 0 && random() < 0.5 ? pick(random, shared) : pick(random, ready);
    const sourceCreated = modelCreatedMs(source);
    // Within three days after its source, never after `endingAt`.
    const created = Math.floor(sourceCreated + random() * Math.max(0, Math.min(72 * HOUR, where.endingAt - sourceCreated)));
    const recent = where.endingAt - created < 2 * HOUR;
    const status = recent
      ? weighted(random, [
          [ModelCopyJobStatus.IN_PROGRESS, 0.7],
          [ModelCopyJobStatus.COMPLETED, 0.3],
        ])
      : weighted(random, [
          [ModelCopyJobStatus.COMPLETED, 0.9],
          [ModelCopyJobStatus.FAILED, 0.1],
        ]);
    const targetModelName = `${(source.modelName as string).slice(0, 50).replace(/[-_]+$/, '')}-copy${i}`;
    const targetModelArn = `arn:aws:bedrock:${where.region}:${where.accountId}:custom-model/${modelPath(source.modelArn as string)}/${seededResourceId(random)}`;
    const job: EmulatorCopyJob = {
      jobArn: `arn:aws:bedrock:${where.region}:${where.accountId}:model-copy-job/${seededResourceId(random)}`,
      status,
      creationTime: new Date(created),
      targetModelArn,
      targetModelName,
      sourceAccountId: source.ownerAccountId ?? accountOf(source.modelArn as string) ?? where.accountId,
      sourceModelArn: source.modelArn,
      sourceModelName: source.modelName,
    };
    if (status === 'Failed') job.failureMessage = pick(random, COPY_FAILURES);
    if (status === 'Completed') {
      models.push({
        modelArn: targetModelArn,
        modelName: targetModelName,
        // A copy takes minutes; it is done before `endingAt`.
        creationTime: new Date(Math.min(where.endingAt, created + random() * HOUR)),
        baseModelArn: source.baseModelArn,
        baseModelName: source.baseModelName,
        ...(source.customizationType ? { customizationType: source.customizationType } : {}),
        ownerAccountId: where.accountId,
        modelStatus: ModelStatus.ACTIVE,
      });
    }
    jobs.push(job);
  }
  // Newest first, as the other generators give them.
  jobs.sort((a, b) => (b.creationTime as Date).getTime() - (a.creationTime as Date).getTime());
  return { jobs, models };
}
