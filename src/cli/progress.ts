import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { RetryEvent } from '../attempts/retry.js';

/**
 * Pages, items, retries and time spent waiting on throttling, on one line
 * of stderr, redrawn as pages arrive; only when stderr is a terminal, so
 * that logs and pipes stay clean.
 */
export class Progress {
  readonly #stream: NodeJS.WriteStream;
  readonly #enabled: boolean;
  #pages = 0;
  #items = 0;
  #retries = 0;
  #throttledMs = 0;
  #throttledAt: number | undefined;
  #shown = false;

  constructor(stream: NodeJS.WriteStream) {
    this.#stream = stream;
    this.#enabled = stream.isTTY === true;
  }

  /** The client, timing how long each throttled request waits before it is sent again. */
  wrap(client: BedrockClient): BedrockClient {
    const wrapped = Object.create(client) as BedrockClient;
    wrapped.send = ((...args: Parameters<BedrockClient['send']>) => {
      if (this.#throttledAt !== undefined) {
        this.#throttledMs += performance.now() - this.#throttledAt;
        this.#throttledAt = undefined;
      }
      return (client.send as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as BedrockClient['send'];
    return wrapped;
  }

  retry(event: RetryEvent): void {
    this.#retries++;
    if (event.reason === 'throttling') this.#throttledAt = performance.now();
    this.#draw();
  }

  page(items: number): void {
    this.#pages++;
    this.#items += items;
    this.#draw();
  }

  /** Takes the line away, before output that may share the terminal, and at the end. */
  clear(): void {
    if (!this.#shown) return;
    this.#stream.write('\r\x1b[K');
    this.#shown = false;
  }

  #draw(): void {
    if (!this.#enabled) return;
    this.#shown = true;
    const waited = `${(this.#throttledMs / 1000).toFixed(1)} s waiting on throttling`;
    this.#stream.write(
      `\r\x1b[K${this.#pages} pages · ${this.#items.toLocaleString('en-US')} items · ${this.#retries} retries · ${waited}`,
    );
  }
}
