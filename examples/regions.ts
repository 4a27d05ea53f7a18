import { arnParts, paginateCustomizationJobs } from 'bedrock-customization-jobs';

// Every job in progress in two regions, newest first, as one listing.
const jobs = paginateCustomizationJobs({ statusEquals: 'InProgress' }, { regions: ['us-east-1', 'us-west-2'] });
for await (const job of jobs) {
  const { region, accountId } = arnParts(job.jobArn as string);
  console.log(job.creationTime?.toISOString(), region, accountId, job.jobName);
}
