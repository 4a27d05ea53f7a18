import { CustomizationType, ModelImportJobStatus, ModelStatus } from '@aws-sdk/client-bedrock';
import type { EmulatorCustomModel, EmulatorImportJob } from '../emulator-items.js';
import { pick, type Random } from '../random.js';
import { creationTimes, endTimeOf, HOUR, itemName, seededResourceId, weighted } from './vocabulary.js';

/** The architectures that Bedrock imports models as. */
const IMPORT_ARCHITECTURES = ['meta.llama3-2-3b-instruct-v1:0:128k', 'mistral.mistral-7b-instruct-v0:2'];

/**
 * `count` model import jobs, newest first, and the model each Completed one
 * imported: a custom model with `customizationType: 'IMPORTED'`, created when
 * the job ended, which the job names in `importedModelArn` and `importedModelName`.
 */
export function generateImportJobs(
  random: Random,
  count: number,
  where: { region: string; accountId: string; endingAt: number },
): { jobs: EmulatorImportJob[]; models: EmulatorCustomModel[] } {
  const jobs: EmulatorImportJob[] = [];
  const models: EmulatorCustomModel[] = [];
  const times = creationTimes(random, where.endingAt, 12 * HOUR);
  for (let i = 0; i < count; i++) {
    const created = times.next().value as number;
    const recent = where.endingAt - created < 6 * HOUR;
    const status = recent
      ? weighted(random, [
          [ModelImportJobStatus.IN_PROGRESS, 0.6],
          [ModelImportJobStatus.COMPLETED, 0.3],
          [ModelImportJobStatus.FAILED, 0.1],
        ])
      : weighted(random, [
          [ModelImportJobStatus.COMPLETED, 0.85],
          [ModelImportJobStatus.FAILED, 0.15],
        ]);
    const jobName = itemName(random, 'import', created, i);
    const job: EmulatorImportJob = {
      jobArn: `arn:aws:bedrock:${where.region}:${where.accountId}:model-import-job/${seededResourceId(random)}`,
      jobName,
      status,
      creationTime: new Date(created),
      lastModifiedTime: new Date(created),
    };
    if (status !== 'InProgress') {
      const endTime = endTimeOf(random, created, where.endingAt);
      job.endTime = endTime;
      job.lastModifiedTime = endTime;
    }
    if (status === 'Completed') {
      const architecture = pick(random, IMPORT_ARCHITECTURES);
      job.importedModelArn = `arn:aws:bedrock:${where.region}:${where.accountId}:custom-model/imported/${seededResourceId(random)}`;
      job.importedModelName = `${jobName}-model`;
      models.push({
        modelArn: job.importedModelArn,
        modelName: job.importedModelName,
        creationTime: job.endTime as Date,
        baseModelArn: `arn:aws:bedrock:${where.region}::foundation-model/${architecture}`,
        baseModelName: architecture,
        customizationType: CustomizationType.IMPORTED,
        ownerAccountId: where.accountId,
        modelStatus: ModelStatus.ACTIVE,
      });
    }
    jobs.push(job);
  }
  return { jobs, models };
}
