/**
 * Case 6: push-down. Items transferred over the wire for take(5),
 * take(1500) and first(), against a loop over the SDK's paginator at its
 * default page size that stops after as many items.
 */
import { type BedrockClient, paginateListModelCustomizationJobs } from '@aws-sdk/client-bedrock';
import { DEFAULT_MAX_RESULTS } from '../../src/emulator/index.js';
import { paginateCustomizationJobs } from '../../src/index.js';
import type { RemoteEmulator } from '../support/remote-emulator.js';
import { fmt, table } from '../support/stats.js';

/** The same client, counting the summaries its responses carry. */
function counting(client: BedrockClient): { client: BedrockClient; transferred: () => number } {
  let transferred = 0;
  const counted = Object.create(client) as BedrockClient;
  counted.send = (async (...args: Parameters<BedrockClient['send']>) => {
    const output = await (client.send as (...a: unknown[]) => Promise<{ modelCustomizationJobSummaries?: unknown[] }>)(...args);
    transferred += output.modelCustomizationJobSummaries?.length ?? 0;
    return output;
  }) as BedrockClient['send'];
  return { client: counted, transferred: () => transferred };
}

async function sdkFirst(client: BedrockClient, wanted: number): Promise<void> {
  let seen = 0;
  for await (const page of paginateListModelCustomizationJobs({ client }, {})) {
    seen += page.modelCustomizationJobSummaries?.length ?? 0;
    if (seen >= wanted) break;
  }
}

export async function pushDown(emulator: RemoteEmulator): Promise<string> {
  const rows: string[][] = [];
  for (const [name, wanted, run] of [
    ['take(5)', 5, (client: BedrockClient) => paginateCustomizationJobs({}, { client }).take(5).toArray()],
    ['take(1500)', 1500, (client: BedrockClient) => paginateCustomizationJobs({}, { client }).take(1500).toArray()],
    ['first()', 1, (client: BedrockClient) => paginateCustomizationJobs({}, { client }).first()],
  ] as const) {
    const library = counting(emulator.client);
    await emulator.clearRequests();
    await run(library.client);
    const requests = (await emulator.requests()).map((request) => request.query.maxResults).join(', ');
    const sdk = counting(emulator.client);
    await sdkFirst(sdk.client, wanted);
    rows.push([name, fmt(wanted), `${fmt(library.transferred())} (maxResults ${requests})`, fmt(sdk.transferred())]);
  }
  return table(
    [
      '',
      'items wanted',
      'library: items transferred',
      `SDK paginator, default page size (${DEFAULT_MAX_RESULTS} on the emulator)`,
    ],
    rows,
  );
}
