import type { ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
import { filter, map, paginateCustomizationJobs, pipe, take, toArray } from 'bedrock-customization-jobs';

const isFailed = (job: ModelCustomizationJobSummary) => job.status === 'Failed';

// The standalone functions, on the listing…
const failed = await toArray(
  pipe(
    paginateCustomizationJobs(),
    filter(isFailed),
    map((job) => job.jobName),
    take(5),
  ),
);
console.log(failed.join(', '));

// …and on any other async or sync iterable.
async function* fromArchive(): AsyncGenerator<ModelCustomizationJobSummary> {
  yield { jobArn: 'arn:1', jobName: 'old-ft-1', baseModelArn: 'b', status: 'Failed', creationTime: new Date(0) };
  yield { jobArn: 'arn:2', jobName: 'old-ft-2', baseModelArn: 'b', status: 'Completed', creationTime: new Date(0) };
}
console.log(
  await toArray(
    pipe(
      fromArchive(),
      filter(isFailed),
      map((job) => job.jobName),
    ),
  ),
);
