import type { BedrockClient } from '@aws-sdk/client-bedrock';

/**
 * Anything with the SDK client's `send`: a `BedrockClient`, or a stand-in in tests.
 *
 * @example
 * ```ts
 * import { BedrockClient } from '@aws-sdk/client-bedrock';
 * import { type BedrockClientLike, paginateCustomizationJobs } from 'bedrock-customization-jobs';
 *
 * const client: BedrockClientLike = new BedrockClient({ region: 'eu-west-1', maxAttempts: 1 });
 * const jobs = paginateCustomizationJobs({}, { client });
 * ```
 */
export type BedrockClientLike = Pick<BedrockClient, 'send'>;

/** Whether `value` can send: what every `client` and `clients[i]` option is checked against. */
export function isClientLike(value: unknown): value is BedrockClientLike {
  return typeof (value as Partial<BedrockClientLike> | null)?.send === 'function';
}

/**
 * The region a client sends to, when its config says: a `BedrockClient`'s
 * `config.region()`, or a plain `config.region` string. `undefined` for a
 * stand-in without one, or a client whose region cannot be resolved.
 */
export async function regionOfClient(client: BedrockClientLike): Promise<string | undefined> {
  const region = (client as { config?: { region?: unknown } }).config?.region;
  try {
    const value = typeof region === 'function' ? await (region as () => unknown)() : region;
    return typeof value === 'string' && value !== '' ? value : undefined;
  } catch {
    return undefined;
  }
}
