import type { BedrockClient } from '@aws-sdk/client-bedrock';
import { LISTING_KINDS } from '../../src/bedrock/kinds/index.js';
import type { AnyListingKind } from '../../src/bedrock/listing-kind.js';
import { type Paginator, paginatorOf } from '../../src/bedrock/paginate.js';
import type { Emulator, EmulatorOptions } from '../../src/emulator/index.js';
import { clientFor, useEmulator } from './emulator-client.js';

/** The `startEmulator` option that holds each kind's items. */
export const EMULATOR_OPTION: Readonly<Record<string, keyof EmulatorOptions>> = {
  customization: 'jobs',
  'custom-models': 'customModels',
  import: 'importJobs',
  copy: 'copyJobs',
  invocation: 'invocationJobs',
  evaluation: 'evaluationJobs',
};

/** Every kind with its paginator, for `describe.each`. */
export const KINDS: readonly { name: string; kind: AnyListingKind; paginate: Paginator<object, Record<string, unknown>> }[] =
  LISTING_KINDS.map((kind) => ({
    name: kind.name,
    kind,
    paginate: paginatorOf(kind) as Paginator<object, Record<string, unknown>>,
  }));

/** An emulator holding `count` generated items of `kind`, and a real SDK client on it (its own retries off unless asked). */
export async function setupKind(
  kind: AnyListingKind,
  count: number,
  options: Omit<EmulatorOptions, 'jobs'> = {},
  maxAttempts = 1,
): Promise<{ emulator: Emulator; client: BedrockClient }> {
  const option = EMULATOR_OPTION[kind.name] as string;
  const emulator = await useEmulator({ ...options, [option]: { count, seed: 7, endingAt: new Date('2026-11-01T00:00:00Z') } });
  return { emulator, client: clientFor(emulator, { maxAttempts }) };
}

/** The requests of the kind's list operation, as the emulator logged them. */
export const kindRequests = (emulator: Emulator, kind: AnyListingKind) =>
  emulator.requests.filter((request) => request.operation === kind.operation);

/**
 * The reference: every item as the SDK itself pages through them, one raw
 * `send` per page of 1000, no faults. The paginator must give exactly this.
 */
export async function sdkListing(
  kind: AnyListingKind,
  client: BedrockClient,
  filter: object = {},
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let nextToken: string | undefined;
  do {
    const output = (await client.send(
      new kind.command({ ...filter, maxResults: 1000, nextToken }) as never,
    )) as unknown as Record<string, unknown>;
    items.push(...((output[kind.itemsKey] as Record<string, unknown>[] | undefined) ?? []));
    nextToken = output.nextToken as string | undefined;
  } while (nextToken);
  return items;
}

export const arnsOfKind = (kind: AnyListingKind, items: readonly Record<string, unknown>[]) =>
  items.map((item) => item[kind.arnField]);
