import { createPacer, paginateCustomizationJobs, paginateModelImportJobs } from 'bedrock-customization-jobs';

// Three listings at once, one pacer: the two customization listings share
// the ListModelCustomizationJobs quota's pace, the import listing has its own.
const pacer = createPacer();
const [failed, stopped, imports] = await Promise.all([
  paginateCustomizationJobs({ statusEquals: 'Failed' }, { pacer }).toArray(),
  paginateCustomizationJobs({ statusEquals: 'Stopped' }, { pacer }).toArray(),
  paginateModelImportJobs({}, { pacer }).toArray(),
]);
console.log(`${failed.length} failed and ${stopped.length} stopped jobs, ${imports.length} import jobs`);

const { requests, throttled, waitedMs, quotas } = pacer.stats();
console.log(`${requests} requests, ${throttled} throttled, ${Math.round(waitedMs)} ms waiting for a turn`);
for (const [quota, stats] of Object.entries(quotas)) {
  // The key is the operation, the region and the access key.
  console.log(`${quota.split(' ')[0]}, requests: ${stats.requests}`);
}
