import { JobFailedError, waitForCustomizationJob } from 'bedrock-customization-jobs';

// Waits for a fine-tuning job by name or ARN, up to 12 hours: one listing a poll, one Get at its end.
try {
  const job = await waitForCustomizationJob('support-bot-v2', { timeout: 12 * 3_600_000 });
  console.log(`${job.jobName} completed: ${job.outputModelArn}`);
} catch (error) {
  if (!(error instanceof JobFailedError)) throw error; // a timeout, an abort, an unknown job, an API failure
  console.log(`${error.identifier} ended ${error.status}: ${error.failureMessage ?? 'no reason given'}`);
}
