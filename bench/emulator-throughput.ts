/**
 * Requests per second that the emulator serves to the real SDK client on
 * this machine: for ListModelCustomizationJobs at page sizes 100 and 1000,
 * one at a time and 4 at once; then for each kind's list at page size 100,
 * one at a time.
 * Run: npm run bench:emulator
 */
import './support/no-sdk-node-warning.js';
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { customizationJobs, LISTING_KINDS } from '../src/bedrock/kinds/index.js';
import type { AnyListingKind } from '../src/bedrock/listing-kind.js';
import { startEmulator } from '../src/emulator/index.js';

// No request log: its bookkeeping is no part of what a client waits for.
const emulator = await startEmulator({
  jobs: { count: 5000, seed: 1 },
  customModels: { count: 2000, seed: 1 },
  importJobs: { count: 2000, seed: 1 },
  copyJobs: { count: 2000, seed: 1 },
  invocationJobs: { count: 5000, seed: 1 },
  evaluationJobs: { count: 5000, seed: 1 },
  requestLogSize: 0,
});
let total = 0;
const client = new BedrockClient({
  endpoint: emulator.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
});

async function rate(kind: AnyListingKind, maxResults: number, concurrency: number, seconds: number): Promise<number> {
  let sent = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    let nextToken: string | undefined;
    while (performance.now() < until) {
      // biome-ignore lint/suspicious/noExplicitAny: every kind's command goes to the one client.
      const page = (await client.send(new kind.command({ maxResults, nextToken }) as any)) as { nextToken?: string };
      nextToken = page.nextToken;
      sent++;
      total++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return sent / ((performance.now() - started) / 1000);
}

/** The median of three runs, and their range. */
async function medianOf3(kind: AnyListingKind, maxResults: number, concurrency: number): Promise<[string, string]> {
  const runs = [
    await rate(kind, maxResults, concurrency, 2),
    await rate(kind, maxResults, concurrency, 2),
    await rate(kind, maxResults, concurrency, 2),
  ];
  runs.sort((a, b) => a - b);
  return [runs[1]?.toFixed(0) ?? '', `${runs[0]?.toFixed(0)}–${runs[2]?.toFixed(0)}`];
}

await rate(customizationJobs, 100, 1, 1); // warm-up
const rows: string[][] = [];
for (const maxResults of [100, 1000]) {
  for (const concurrency of [1, 4]) {
    rows.push([String(maxResults), String(concurrency), ...(await medianOf3(customizationJobs, maxResults, concurrency))]);
  }
}
const kindRows: string[][] = [];
for (const kind of LISTING_KINDS) kindRows.push([kind.operation, ...(await medianOf3(kind, 100, 1))]);

console.log(`Node ${process.version}, ${total} requests in all`);
console.log('| maxResults | in flight | requests/s (median of 3) | min–max |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
console.log('\nEach kind, maxResults 100, one request at a time:');
console.log('| operation | requests/s (median of 3) | min–max |');
console.log('|---|---|---|');
for (const row of kindRows) console.log(`| ${row.join(' | ')} |`);
await emulator.close();
