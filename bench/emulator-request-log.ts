/**
 * Heap that a running emulator retains after 20,000 requests that each carry
 * a 14 KB query: with the request log off, at its default bound, and unbounded
 * (as every log was before it had a bound).
 * Run: node --expose-gc --import tsx bench/emulator-request-log.ts
 */
import { request } from 'node:http';
import { type EmulatorOptions, startEmulator } from '../src/emulator/index.js';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');
const REQUESTS = 20_000;
const query = `nameContains=${'a'.repeat(14_000)}`;

/** Heap in use once what can be collected is: closed sockets need a turn of the event loop first. */
async function heapUsed(): Promise<number> {
  await new Promise((resolve) => setImmediate(resolve));
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

async function retained(options: EmulatorOptions): Promise<string> {
  const emulator = await startEmulator({ jobs: { count: 10, seed: 1 }, ...options });
  const get = () =>
    new Promise<void>((resolve, reject) => {
      const outgoing = request(`${emulator.url}/model-customization-jobs?${query}`, { agent: false }, (response) => {
        response.resume().on('end', resolve);
      });
      outgoing.on('error', reject).end();
    });
  const before = await heapUsed();
  for (let sent = 0; sent < REQUESTS; sent += 50) await Promise.all(Array.from({ length: 50 }, get));
  const after = await heapUsed();
  const line = `| ${options.requestLogSize ?? 'default'} | ${emulator.requests.length} | ${((after - before) / 1e6).toFixed(1)} MB |`;
  await emulator.close();
  return line;
}

console.log(`Node ${process.version}, ${REQUESTS} requests with a 14 KB query`);
console.log('| requestLogSize | records kept | heap retained |');
console.log('|---|---|---|');
for (const options of [{ requestLogSize: 0 }, {}, { requestLogSize: Number.POSITIVE_INFINITY }])
  console.log(await retained(options));
