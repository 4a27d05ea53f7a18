import { BedrockClient, type ModelCustomizationJobSummary } from '@aws-sdk/client-bedrock';

/** One realistic page of summaries, made once. */
export function makeSummaries(count: number): ModelCustomizationJobSummary[] {
  return Array.from({ length: count }, (_, i) => ({
    jobArn: `arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.titan-text-lite-v1:0:4k/job${i}`,
    baseModelArn: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.titan-text-lite-v1:0:4k',
    jobName: `job-${i}`,
    status: i % 7 === 0 ? 'Failed' : 'Completed',
    creationTime: new Date(1_700_000_000_000 - i * 1000),
    customizationType: 'FINE_TUNING',
  }));
}

/**
 * A real `BedrockClient` (the SDK paginator insists on one) whose `send`
 * answers from memory: `pages` pages of `pageSize` summaries. With `fresh`,
 * every page is new objects, as parsed responses are.
 */
export function stubClient(pages: number, pageSize: number, fresh = false, tokenPadding = 0): BedrockClient {
  const page = makeSummaries(pageSize);
  const client = new BedrockClient({ region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const send = async (command: { input: { nextToken?: string } }) => {
    const index = command.input.nextToken === undefined ? 0 : Number.parseInt(command.input.nextToken, 10);
    return {
      $metadata: {},
      modelCustomizationJobSummaries: fresh ? page.map((summary) => ({ ...summary })) : page,
      // Tokens as long as a real service's, when asked: the padding follows the page number.
      nextToken: index + 1 < pages ? `${index + 1}`.padEnd(tokenPadding, 'x') : undefined,
    };
  };
  Object.assign(client, { send });
  return client;
}
