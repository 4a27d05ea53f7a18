import { waitForCustomizationJobs } from 'bedrock-customization-jobs';

// Any number of jobs (up to 1000), still one listing a poll. A job's failure
// does not reject: each result says how its job ended, in the input's order.
const results = await waitForCustomizationJobs(['support-bot-v1', 'support-bot-v2', 'support-bot-v4'], {
  interval: 60_000,
  onChange: (event) => console.log(`seen: ${event.job.jobName} ${event.job.status}`),
});
for (const { identifier, status, job } of results) {
  console.log(`${identifier}: ${status}${job.failureMessage ? ` (${job.failureMessage})` : ''}`);
}
