import { paginateCustomizationJobs } from 'bedrock-customization-jobs';

// Every failed job, newest first, however many pages that takes.
for await (const job of paginateCustomizationJobs({ statusEquals: 'Failed' })) {
  console.log(job.creationTime?.toISOString(), job.jobName);
}
