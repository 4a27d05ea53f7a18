import { BedrockClient, type BedrockClientConfig } from '@aws-sdk/client-bedrock';
import { NodeHttpHandler } from '@smithy/node-http-handler';

/** One HTTP request as the client saw it answered: when (performance.now(), ms) and with what status (0: no answer). */
export interface AnsweredRequest {
  readonly at: number;
  readonly status: number;
}

/**
 * A real SDK client on `url` that notes when each HTTP request it sends is
 * answered, and with what status: the emulator's log has the statuses but
 * no times, and the per-second chart needs times. The note is taken below
 * the SDK's retry layer, so that each of its own retries counts too.
 */
export function recordingClient(
  url: string,
  config: Omit<BedrockClientConfig, 'endpoint' | 'region' | 'credentials' | 'requestHandler'> = {},
): { client: BedrockClient; answered: AnsweredRequest[] } {
  const answered: AnsweredRequest[] = [];
  const inner = new NodeHttpHandler();
  const requestHandler = {
    handle: async (...args: Parameters<NodeHttpHandler['handle']>) => {
      try {
        const result = await inner.handle(...args);
        answered.push({ at: performance.now(), status: result.response.statusCode });
        return result;
      } catch (error) {
        answered.push({ at: performance.now(), status: 0 });
        throw error;
      }
    },
    updateHttpClientConfig: inner.updateHttpClientConfig.bind(inner),
    httpHandlerConfigs: inner.httpHandlerConfigs.bind(inner),
    destroy: () => inner.destroy(),
  };
  const client = new BedrockClient({
    maxAttempts: 1,
    ...config,
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
    requestHandler,
  });
  return { client, answered };
}
