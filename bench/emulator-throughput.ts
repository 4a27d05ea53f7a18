/**
 * Requests per second that the emulator serves to the real SDK client on
 * this machine, at page sizes 100 and 1000, one at a time and 4 at once.
 * Run: npm run bench:emulator
 */
import './support/no-sdk-node-warning.js';
import { BedrockClient, ListModelCustomizationJobsCommand } from '@aws-sdk/client-bedrock';
import { startEmulator } from '../src/emulator/index.js';

// No request log: its bookkeeping is no part of what a client waits for.
const emulator = await startEmulator({ jobs: { count: 5000, seed: 1 }, requestLogSize: 0 });
let total = 0;
const client = new BedrockClient({
  endpoint: emulator.url,
  region: 'us-east-1',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
});

async function rate(maxResults: number, concurrency: number, seconds: number): Promise<number> {
  let sent = 0;
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    let nextToken: string | undefined;
    while (performance.now() < until) {
      const page = await client.send(new ListModelCustomizationJobsCommand({ maxResults, nextToken }));
      nextToken = page.nextToken;
      sent++;
      total++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return sent / ((performance.now() - started) / 1000);
}

await rate(100, 1, 1); // warm-up
const rows: string[][] = [];
for (const maxResults of [100, 1000]) {
  for (const concurrency of [1, 4]) {
    const runs = [
      await rate(maxResults, concurrency, 2),
      await rate(maxResults, concurrency, 2),
      await rate(maxResults, concurrency, 2),
    ];
    runs.sort((a, b) => a - b);
    rows.push([
      String(maxResults),
      String(concurrency),
      runs[1]?.toFixed(0) ?? '',
      `${runs[0]?.toFixed(0)}–${runs[2]?.toFixed(0)}`,
    ]);
  }
}
console.log(`Node ${process.version}, ${total} requests in all`);
console.log('| maxResults | in flight | requests/s (median of 3) | min–max |');
console.log('|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
await emulator.close();
