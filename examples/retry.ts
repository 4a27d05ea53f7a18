import { BedrockClient } from '@aws-sdk/client-bedrock';
import { paginateCustomizationJobs } from 'bedrock-customization-jobs';

// Your own client keeps its own retries (3 attempts by default), and each of
// our attempts is one send(): here up to 3 × 3 = 9 HTTP requests a page.
// maxAttempts: 1 leaves the retrying to the paginator alone.
const client = new BedrockClient({ maxAttempts: 1 });

const jobs = await paginateCustomizationJobs(
  { statusEquals: 'InProgress' },
  {
    client,
    retry: {
      retries: 8, // after the first attempt
      minTimeout: 1_000, // 1, 2, 4, 8, 16 s…
      maxTimeout: 30_000, // …capped at 30 s, each with jitter
      maxRetryTime: 120_000, // no new attempt after 2 minutes on one page
      onRetry: ({ reason, attemptNumber, pageNumber, delayMs }) =>
        console.log(`page ${pageNumber}: attempt ${attemptNumber} hit ${reason}, retrying in ${delayMs} ms`),
    },
  },
).toArray();
console.log(`${jobs.length} jobs in progress`);
