import { JobFailedError, waitForCustomizationJob } from 'bedrock-customization-jobs';

// Waits for a fine-tuning job by name or ARN, for up to 12 hours, with one
// listing a poll; a Get at its end gives what the listing lacks.
try {
  const job = await waitForCustomizationJob('support-bot-v2', { timeout: 12 * 3_600_000 });
  console.log(`${job.jobName} completed: ${job.outputModelArn}`);
} catch (error) {
  if (!(error instanceof JobFailedError)) throw error; // a timeout, an abort, an unknown job, an API failure
  console.log(`${error.identifier} ended ${error.status}: ${error.failureMessage ?? 'no reason given'}`);
}
