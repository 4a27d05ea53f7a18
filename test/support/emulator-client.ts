import { BedrockClient, type BedrockClientConfig } from '@aws-sdk/client-bedrock';
import { afterEach } from 'vitest';
import { type Emulator, type EmulatorOptions, startEmulator } from '../../src/emulator/index.js';

export const TEST_CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

/** A real SDK client pointed at the emulator, with dummy credentials. */
export function clientFor(emulator: Emulator, config: BedrockClientConfig = {}): BedrockClient {
  return new BedrockClient({ endpoint: emulator.url, region: 'us-east-1', credentials: TEST_CREDENTIALS, ...config });
}

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((emulator) => emulator.close()));
});

/** Starts an emulator that closes itself after the test. */
export async function useEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = await startEmulator(options);
  running.push(emulator);
  return emulator;
}
