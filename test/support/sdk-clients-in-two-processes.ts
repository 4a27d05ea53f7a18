/**
 * Run by test/sdk-node-warning.test.ts: makes an SDK client, which is when
 * the SDK warns about Node 20, then starts itself once more as a child
 * process that makes one too. The child gets only `--import tsx`, not this
 * process's other flags, so only the environment carries a switch over.
 */
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { BedrockClient } from '@aws-sdk/client-bedrock';

new BedrockClient({ region: 'us-east-1' }).destroy();
if (process.argv[2] !== 'child') {
  const child = fork(fileURLToPath(import.meta.url), ['child'], { execArgv: ['--import', 'tsx'] });
  await once(child, 'exit');
}
