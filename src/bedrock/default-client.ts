import { BedrockClient } from '@aws-sdk/client-bedrock';

let client: BedrockClient | undefined;

/**
 * The client used when the caller passes none: one for the process, made on
 * first use from the environment's region, credentials and endpoint
 * (`AWS_ENDPOINT_URL_BEDROCK` included). Its own retries are off
 * (`maxAttempts: 1`), because the paginator retries each page itself and
 * the two layers would multiply.
 */
export function defaultClient(): BedrockClient {
  client ??= new BedrockClient({ maxAttempts: 1 });
  return client;
}
