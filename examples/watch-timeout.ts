import { watchCustomizationJobs } from 'bedrock-customization-jobs';

// The jobs in progress now, then each job that starts, for a while: a job
// that leaves InProgress no longer matches the filter, so it is seen no more.
// A poll that fails for a passing reason (throttling, a 5xx) is reported and
// the watch goes on; access denied or a bad request ends it.
try {
  for await (const event of watchCustomizationJobs(
    { statusEquals: 'InProgress' },
    { interval: 60_000, timeout: 1_500, onPollError: (error) => console.log(`poll failed, trying again: ${error}`) },
  )) {
    console.log(`${event.type}: ${event.job.jobName} ${event.job.status}`);
  }
} catch (error) {
  if (!(error instanceof DOMException && error.name === 'TimeoutError')) throw error;
  console.log(`stopped: ${error.message}`);
}
