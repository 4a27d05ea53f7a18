import type { FineTuningJobStatus } from '@aws-sdk/client-bedrock';
import type { EmulatorJob } from '../../src/emulator/index.js';

export interface ReferenceFilter {
  statusEquals?: FineTuningJobStatus;
  nameContains?: string;
  creationTimeAfter?: Date;
  creationTimeBefore?: Date;
  sortOrder?: 'Ascending' | 'Descending';
}

const ms = (time: Date | string) => new Date(time).getTime();

/**
 * What ListModelCustomizationJobs must return for `filter`, all pages
 * together, worked out independently of the emulator: the documented
 * filters, creation-time order (Descending by default), ties by ARN.
 */
export function referenceListing(jobs: readonly EmulatorJob[], filter: ReferenceFilter = {}): string[] {
  const selected = jobs.filter(
    (job) =>
      (filter.statusEquals === undefined || job.status === filter.statusEquals) &&
      (filter.nameContains === undefined || job.jobName.includes(filter.nameContains)) &&
      (filter.creationTimeAfter === undefined || ms(job.creationTime) > filter.creationTimeAfter.getTime()) &&
      (filter.creationTimeBefore === undefined || ms(job.creationTime) < filter.creationTimeBefore.getTime()),
  );
  selected.sort((a, b) => ms(a.creationTime) - ms(b.creationTime) || (a.jobArn < b.jobArn ? -1 : a.jobArn > b.jobArn ? 1 : 0));
  if ((filter.sortOrder ?? 'Descending') === 'Descending') selected.reverse();
  return selected.map((job) => job.jobArn);
}
