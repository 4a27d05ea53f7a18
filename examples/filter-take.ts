import { paginateCustomizationJobs } from 'bedrock-customization-jobs';

// The 10 most recent fine-tuning jobs. take(10) stops the listing at 10 items,
// so no request asks for more than are still wanted.
const recent = await paginateCustomizationJobs({ sortOrder: 'Descending' })
  .filter((job) => job.customizationType === 'FINE_TUNING')
  .take(10)
  .toArray();
console.log(recent.map((job) => job.jobName).join('\n'));

// One request, with maxResults=1.
const newest = await paginateCustomizationJobs().first();
console.log(`newest: ${newest?.jobName}`);
