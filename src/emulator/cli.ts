#!/usr/bin/env node
/**
 * Runs the emulator on its own: `npm run emulator -- --port 4010 --jobs 2000 --seed 7`.
 * It prints the endpoint, then serves until interrupted.
 */
import { parseArgs } from 'node:util';
import { startEmulator } from './server.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4010' },
    jobs: { type: 'string', default: '2000' },
    seed: { type: 'string', default: '1' },
    latency: { type: 'string', default: '0' },
  },
});

const emulator = await startEmulator({
  port: Number(values.port),
  jobs: { count: Number(values.jobs), seed: Number(values.seed), endingAt: new Date() },
  faults: { latency: Number(values.latency) },
});
console.log(`Bedrock emulator listening on ${emulator.url} with ${values.jobs} jobs`);
console.log(`  export AWS_ENDPOINT_URL_BEDROCK=${emulator.url}`);

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
