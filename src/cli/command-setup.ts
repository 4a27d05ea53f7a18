/**
 * What list, watch and wait share in setting up a run: the filter read from
 * the command line, and the client of each source.
 */
import type { BedrockClientConfig } from '@aws-sdk/client-bedrock';
import type { AnyListingKind, FilterRule } from '../bedrock/listing-kind.js';
import type { Emulator } from '../emulator/index.js';
import type { CommandLine } from './flags.js';
import { flagOf } from './kind-flags.js';
import { parseTimeFlag } from './relative-time.js';
import type { Source } from './sources.js';

/** The client of one source: the emulator's, or one made as the AWS CLI would from the flags. */
export function clientConfig(source: Source, endpoint: string | undefined, emulator: Emulator | undefined): BedrockClientConfig {
  // The paginator retries each page itself; the SDK's own retries would multiply with it.
  const config: BedrockClientConfig = { maxAttempts: 1 };
  if (emulator) {
    return {
      ...config,
      endpoint: emulator.url,
      region: source.region ?? 'us-east-1',
      credentials: { accessKeyId: 'emulator', secretAccessKey: 'emulator' },
    };
  }
  if (source.region) config.region = source.region;
  if (source.profile) config.profile = source.profile;
  if (endpoint) config.endpoint = endpoint;
  return config;
}

/**
 * The kind's filter from the command line: time flags read as the CLI
 * writes them (`7d`), every other value passed on as given, for the
 * library to check by the same table as any caller's.
 */
export function filterOf(kind: AnyListingKind, given: CommandLine['filter'], now: number): Record<string, unknown> {
  const rules = kind.filters as Readonly<Record<string, FilterRule>>;
  return Object.fromEntries(
    Object.entries(given).map(([field, value]) => [
      field,
      rules[field]?.type === 'time' && typeof value === 'string' ? parseTimeFlag(flagOf(field), value, now) : value,
    ]),
  );
}
