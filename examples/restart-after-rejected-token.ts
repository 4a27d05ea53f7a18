import type { ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
import { paginateCustomizationJobs, RejectedTokenError } from 'bedrock-customization-jobs';

// Tokens can expire. When the service refuses one, resuming from it cannot
// work: start a new listing at the creation time of the last job you saw.
const seen: ModelCustomizationJobSummary[] = [];
try {
  for await (const job of paginateCustomizationJobs({ sortOrder: 'Descending' })) seen.push(job);
} catch (error) {
  if (!(error instanceof RejectedTokenError)) throw error;
  console.log(`token rejected after ${seen.length} jobs; restarting from the last creation time`);
  // Descending, what is left was created at or before the last job seen: jobs
  // of that same millisecond may come again, so skip the ARNs already seen.
  const last = seen.at(-1)?.creationTime ?? new Date();
  const known = new Set(seen.map((job) => job.jobArn));
  const rest = paginateCustomizationJobs({ sortOrder: 'Descending', creationTimeBefore: new Date(last.getTime() + 1) });
  for await (const job of rest.filter((job) => !known.has(job.jobArn))) seen.push(job);
}
console.log(`${seen.length} jobs, ${new Set(seen.map((job) => job.jobArn)).size} distinct`);
