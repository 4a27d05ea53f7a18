/**
 * `npm run demo`: a local Bedrock emulator with a few thousand realistic
 * jobs, listed with paginateCustomizationJobs and summed up.
 */
import { BedrockClient, type ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';
import { paginateCustomizationJobs } from 'bedrock-customization-jobs';
import { startEmulator } from 'bedrock-customization-jobs/emulator';

// Node 20 is still supported by this SDK release; its reminder is noise in a demo.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const emulator = await startEmulator({
  jobs: { count: 3_000, seed: 2026, endingAt: new Date() },
  faults: { seed: 1, throttle: { probability: 0.3 } },
});
const client = new BedrockClient({
  endpoint: emulator.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'demo', secretAccessKey: 'demo' },
  maxAttempts: 1,
});

const started = performance.now();
let retried = 0;
const byStatus = new Map<string, number>();
const byType = new Map<string, number>();
const failures: ModelCustomizationJobSummary[] = [];

for await (const job of paginateCustomizationJobs({}, { client, retry: { minTimeout: 50, onRetry: () => retried++ } })) {
  byStatus.set(job.status ?? '?', (byStatus.get(job.status ?? '?') ?? 0) + 1);
  byType.set(job.customizationType ?? '?', (byType.get(job.customizationType ?? '?') ?? 0) + 1);
  if (job.status === 'Failed' && failures.length < 5) failures.push(job);
}
const seconds = ((performance.now() - started) / 1000).toFixed(2);
const total = [...byStatus.values()].reduce((sum, count) => sum + count, 0);
const pages = emulator.requests.filter((request) => request.status === 200).length;

const table = (title: string, counts: Map<string, number>) =>
  [
    `  ${title}`,
    ...[...counts].sort((a, b) => b[1] - a[1]).map(([key, count]) => `    ${key.padEnd(26)}${String(count).padStart(6)}`),
  ].join('\n');

console.log(`Listed ${total.toLocaleString('en-US')} customization jobs from a local Bedrock emulator in ${seconds} s`);
console.log(`(${pages} pages; ${retried} throttled request${retried === 1 ? '' : 's'} retried with backoff)\n`);
console.log(table('By status', byStatus));
console.log();
console.log(table('By customization type', byType));
console.log('\n  Most recent failures');
for (const job of failures) {
  console.log(`    ${job.creationTime?.toISOString().slice(0, 16).replace('T', ' ')}  ${job.jobName}`);
}
await emulator.close();
