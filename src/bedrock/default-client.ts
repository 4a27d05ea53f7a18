import { BedrockClient } from '@aws-sdk/client-bedrock';

let client: BedrockClient | undefined;
const perRegion = new Map<string, BedrockClient>();

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

/**
 * The default client of one region, for `regions: [...]`: made as
 * {@link defaultClient} is (environment credentials and endpoint, retries
 * off), for that region, once per region for the process.
 */
export function defaultClientFor(region: string): BedrockClient {
  let regional = perRegion.get(region);
  if (regional === undefined) {
    regional = new BedrockClient({ region, maxAttempts: 1 });
    perRegion.set(region, regional);
  }
  return regional;
}
