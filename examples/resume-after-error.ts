import { PaginationError, paginateCustomizationJobs } from 'bedrock-customization-jobs';

const filter = { sortOrder: 'Ascending', creationTimeAfter: '2026-01-01T00:00:00Z' } as const;
const seen: string[] = [];

try {
  for await (const job of paginateCustomizationJobs(filter, { retry: { retries: 1, minTimeout: 10 } })) {
    seen.push(job.jobName ?? '');
  }
} catch (error) {
  if (!(error instanceof PaginationError)) throw error;
  console.log(`stopped after ${error.itemsDelivered} jobs on ${error.pagesDelivered} pages: ${error.cause}`);
  // The same filter, from the failed page: nothing lost, nothing repeated.
  for await (const job of paginateCustomizationJobs(filter, { startingToken: error.resumeToken })) {
    seen.push(job.jobName ?? '');
  }
}
console.log(`${seen.length} jobs, ${new Set(seen).size} distinct`);
