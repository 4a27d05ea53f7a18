import { type Emulator, startEmulator } from '../emulator/index.js';

/**
 * `--emulator`: the embedded emulator with a generated account. The same
 * account for a whole hour, so that a --starting-token from one demo run
 * continues in the next.
 */
export function startDemoEmulator(): Promise<Emulator> {
  const endingAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  return startEmulator({ jobs: { count: 2500, seed: 1, endingAt } });
}
