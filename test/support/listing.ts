import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.js';
import { clientFor, useEmulator } from './emulator-client.js';

/** Retries without waiting, so fault tests stay fast; the backoff itself is p-retry's. */
export const FAST_RETRY = { minTimeout: 0, randomize: false } as const;

/** An emulator and a real SDK client on it, with the SDK's own retries off unless asked. */
export async function setup(
  options: EmulatorOptions = {},
  maxAttempts = 1,
): Promise<{ emulator: Emulator; client: BedrockClient }> {
  const emulator = await useEmulator(options);
  return { emulator, client: clientFor(emulator, { maxAttempts }) };
}

export const listRequests = (emulator: Emulator) =>
  emulator.requests.filter((request) => request.operation === 'ListModelCustomizationJobs');

export const arnsOf = (jobs: readonly { jobArn?: string | undefined }[]) => jobs.map((job) => job.jobArn);
