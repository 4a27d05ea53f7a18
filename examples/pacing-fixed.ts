import { BedrockClient } from '@aws-sdk/client-bedrock';
import { createPacer, paginateCustomizationJobs } from 'bedrock-customization-jobs';

// Your own client is paced only by a pacer you pass. When the quota is known
// (Service Quotas names it), a fixed pacer keeps under it from the first
// request: here 2 requests a second, one at a time.
const client = new BedrockClient({ maxAttempts: 1 });
const pacer = createPacer({ ratePerSecond: 2, burst: 1 });

// The abort covers the waits for a turn too; the request timeout starts only once the turn has come.
const newest = await paginateCustomizationJobs({}, { client, pacer, pageSize: 100, signal: AbortSignal.timeout(60_000) })
  .take(500)
  .toArray();
const { requests, ratePerSecond, waitedMs } = pacer.stats();
console.log(`${newest.length} jobs in ${requests} requests at ${ratePerSecond}/s`);
console.log(`${(waitedMs / 1000).toFixed(1)} s spent waiting for turns`);
