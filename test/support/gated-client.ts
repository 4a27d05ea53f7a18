import type { BedrockClient } from '@aws-sdk/client-bedrock';

interface Call {
  readonly input: { nextToken?: string; maxResults?: number };
  readonly signal: AbortSignal | undefined;
  settled: 'pending' | 'fulfilled' | 'rejected';
}

/**
 * Wraps a real SDK client so that a test decides when each send() may go on
 * the wire: calls past `open` wait for `release()`. The wire path stays
 * real; only its timing is held, so read-ahead can be observed without races.
 */
export function gatedClient(client: BedrockClient, open = 1) {
  const calls: Call[] = [];
  let allowed = open;
  let inFlight = 0;
  let maxInFlight = 0;
  const waiting: (() => void)[] = [];

  const send = async (command: { input: Call['input'] }, options?: { abortSignal?: AbortSignal }) => {
    const call: Call = { input: command.input, signal: options?.abortSignal, settled: 'pending' };
    calls.push(call);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (calls.length > allowed) {
        await new Promise<void>((resolve, reject) => {
          waiting.push(resolve);
          call.signal?.addEventListener(
            'abort',
            () => reject(Object.assign(new Error('Request aborted'), { name: 'AbortError' })),
            { once: true },
          );
        });
      }
      const output = await client.send(command as never, options as never);
      call.settled = 'fulfilled';
      return output;
    } catch (error) {
      call.settled = 'rejected';
      throw error;
    } finally {
      inFlight--;
    }
  };

  return {
    client: { send } as unknown as BedrockClient,
    calls,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Lets `count` more calls through. */
    release(count = 1) {
      allowed += count;
      for (const resolve of waiting.splice(0, count)) resolve();
    },
  };
}
