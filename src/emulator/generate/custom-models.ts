import { CustomizationType, ModelStatus } from '@aws-sdk/client-bedrock';
import type { EmulatorCustomModel } from '../emulator-items.js';
import type { EmulatorJob } from '../job-store.js';
import { pick, type Random } from '../random.js';
import { timeMs } from '../time-input.js';
import { creationTimes, itemName, OTHER_ACCOUNT_ID, seededResourceId, weighted } from './vocabulary.js';

/** The foundation model's ID at the end of its ARN: `amazon.nova-lite-v1:0:300k`. */
export function foundationModelId(arn: string): string {
  return arn.slice(arn.indexOf('foundation-model/') + 'foundation-model/'.length);
}

/** The account in an ARN: its fifth field. */
export function accountOf(arn: string): string | undefined {
  return arn.split(':')[4] || undefined;
}

/** The custom model each Completed customization job produced, Active since the job ended. */
export function modelsOfJobs(jobs: readonly EmulatorJob[]): EmulatorCustomModel[] {
  return jobs
    .filter((job) => job.status === 'Completed' && job.customModelArn && job.customModelName)
    .map((job) => ({
      modelArn: job.customModelArn as string,
      modelName: job.customModelName as string,
      creationTime: job.endTime ?? job.creationTime,
      baseModelArn: job.baseModelArn,
      baseModelName: foundationModelId(job.baseModelArn),
      ...(job.customizationType ? { customizationType: job.customizationType } : {}),
      ...(accountOf(job.customModelArn as string) ? { ownerAccountId: accountOf(job.customModelArn as string) } : {}),
      modelStatus: ModelStatus.ACTIVE,
    }));
}

/** Base models of the models that other teams made: customized in this account or shared from another. */
const OTHER_BASES = ['amazon.nova-lite-v1:0:300k', 'amazon.nova-micro-v1:0:128k', 'amazon.titan-text-express-v1:0:8k'];
const OTHER_TYPES = [CustomizationType.FINE_TUNING, CustomizationType.DISTILLATION, CustomizationType.CONTINUED_PRE_TRAINING];

/**
 * `count` custom models that no job of this account's listings made: about
 * one in three shared from another account (`isOwned=false` finds them),
 * the rest this account's own, some still `Creating` or `Failed`.
 */
export function otherModels(
  random: Random,
  count: number,
  where: { region: string; accountId: string; endingAt: number },
): EmulatorCustomModel[] {
  const models: EmulatorCustomModel[] = [];
  const times = creationTimes(random, where.endingAt, 24 * 3_600_000);
  for (let i = 0; i < count; i++) {
    const created = times.next().value as number;
    const shared = random() < 0.35;
    const owner = shared ? OTHER_ACCOUNT_ID : where.accountId;
    const base = pick(random, OTHER_BASES);
    const status = weighted(random, [
      [ModelStatus.ACTIVE, 0.85],
      [ModelStatus.CREATING, 0.1],
      [ModelStatus.FAILED, 0.05],
    ]);
    models.push({
      modelArn: `arn:aws:bedrock:${where.region}:${owner}:custom-model/${base}/${seededResourceId(random)}`,
      modelName: `${itemName(random, shared ? 'shared' : 'model', created, i)}`,
      creationTime: new Date(created),
      baseModelArn: `arn:aws:bedrock:${where.region}::foundation-model/${base}`,
      baseModelName: base,
      customizationType: pick(random, OTHER_TYPES),
      ownerAccountId: owner,
      modelStatus: status,
    });
  }
  return models;
}

/** When a model was created, in ms, for those generators that start from one. */
export function modelCreatedMs(model: EmulatorCustomModel): number {
  return timeMs(model.creationTime, `custom model ${model.modelArn}: creationTime`);
}
