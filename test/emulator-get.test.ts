import { type BedrockClient, ResourceNotFoundException } from '@aws-sdk/client-bedrock';
import { describe, expect, test } from 'vitest';
import { LISTING_KINDS } from '../src/bedrock/kinds/index.js';
import type { AnyListingKind } from '../src/bedrock/listing-kind.js';
import { clientFor, useEmulator } from './support/emulator-client.js';

/** Each job kind's emulator option, and how the SDK's Get output says why a job failed. */
const JOB_KINDS = [
  { name: 'customization', option: 'jobs', failure: (out: Out) => out.failureMessage },
  { name: 'import', option: 'importJobs', failure: (out: Out) => out.failureMessage },
  { name: 'copy', option: 'copyJobs', failure: (out: Out) => out.failureMessage },
  { name: 'invocation', option: 'invocationJobs', failure: (out: Out) => out.message },
  { name: 'evaluation', option: 'evaluationJobs', failure: (out: Out) => (out.failureMessages as string[] | undefined)?.[0] },
] as const;

type Out = Record<string, unknown>;

/** Sends a kind's command, built from its class and input, and answers its output as plain fields. */
async function send(client: BedrockClient, command: new (input: never) => object, input: Out): Promise<Out> {
  return (await client.send(new command(input as never) as never)) as unknown as Out;
}

function kindNamed(name: string): AnyListingKind & { get: NonNullable<AnyListingKind['get']> } {
  const kind = LISTING_KINDS.find((each) => each.name === name);
  if (!kind?.get) throw new Error(`no Get for ${name}`);
  return kind as AnyListingKind & { get: NonNullable<AnyListingKind['get']> };
}

/** The Get request's one member, as the SDK names it: `jobIdentifier`, or `jobArn` for copy jobs. */
function labelOf(kind: AnyListingKind & { get: NonNullable<AnyListingKind['get']> }): string {
  return (kind.get.schemas.request[4] as readonly string[])[0] as string;
}

describe('Get of every job kind, through the SDK', () => {
  test.each(JOB_KINDS)(
    '$name: Get by ARN answers what List shows; an unknown one is a 404',
    async ({ name, option, failure }) => {
      const kind = kindNamed(name);
      const emulator = await useEmulator({ [option]: { count: 60, seed: 5 } });
      const client = clientFor(emulator);
      const page = await send(client, kind.command, { maxResults: 1000 });
      const summaries = page[kind.itemsKey] as Out[];
      expect(summaries.length).toBe(60);
      const get = (identifier: string) => send(client, kind.get.command, { [labelOf(kind)]: identifier });

      for (const summary of summaries.slice(0, 5)) {
        const out = await get(summary.jobArn as string);
        expect(out).toMatchObject({ jobArn: summary.jobArn, status: summary.status });
        expect(out[kind.timeField]).toEqual(summary[kind.timeField]);
      }
      const failed = summaries.find((summary) => summary.status === 'Failed');
      expect(failed).toBeDefined();
      expect(failure(await get((failed as Out).jobArn as string))).toEqual(expect.any(String));
      const completed = summaries.find((summary) => summary.status === 'Completed') as Out;
      expect(failure(await get(completed.jobArn as string))).toBeUndefined();

      const unknown = ((summaries[0] as Out).jobArn as string).replace(/[a-z0-9]{12}$/, 'zzzzzzzzzzzz');
      const error = await get(unknown).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(404);
      expect(emulator.requests.at(-1)).toMatchObject({ method: 'GET', operation: kind.get.operation, status: 404 });
    },
  );

  test.each([
    ['customization', 'jobs', (summary: Out) => summary.jobName as string],
    ['import', 'importJobs', (summary: Out) => summary.jobName as string],
    ['invocation', 'invocationJobs', (summary: Out) => (summary.jobArn as string).split('/').at(-1) as string],
  ] as const)('%s: Get also by the identifier the API takes besides the ARN', async (name, option, identifierOf) => {
    const kind = kindNamed(name);
    const emulator = await useEmulator({ [option]: { count: 10, seed: 9 } });
    const client = clientFor(emulator);
    const summaries = (await send(client, kind.command, {}))[kind.itemsKey] as Out[];
    const summary = summaries[3] as Out;
    const out = await send(client, kind.get.command, { jobIdentifier: identifierOf(summary) });
    expect(out.jobArn).toBe(summary.jobArn);
    await expect(send(client, kind.get.command, { jobIdentifier: 'no-such-job' })).rejects.toBeInstanceOf(
      ResourceNotFoundException,
    );
  });

  test('evaluation: the Get output carries the members its schema requires beyond the summary', async () => {
    const kind = kindNamed('evaluation');
    const emulator = await useEmulator({ evaluationJobs: { count: 3, seed: 1 } });
    const client = clientFor(emulator);
    const [summary] = (await send(client, kind.command, {}))[kind.itemsKey] as Out[];
    const out = await send(client, kind.get.command, { jobIdentifier: summary?.jobArn });
    expect(out).toMatchObject({
      jobName: summary?.jobName,
      roleArn: expect.stringMatching(/^arn:aws:iam::123456789012:role\//),
      outputDataConfig: { s3Uri: expect.any(String) },
      inferenceConfig: expect.any(Object),
      evaluationConfig: expect.any(Object),
    });
  });
});
