import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { RetryEvent } from '../attempts/retry-options.js';

/** "1 page", "2 pages": a count with its noun, singular for one. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const WAITING_ON: Record<RetryEvent['reason'], string> = { throttling: 'throttled', transient: 'request failed' };

/**
 * Pages, items, retries and time spent waiting on throttling, on one line
 * of stderr, redrawn as pages arrive and as a backoff begins (with what it
 * waits for and how long); only when stderr is a terminal, so that logs and
 * pipes stay clean.
 */
export class Progress {
  readonly #stream: NodeJS.WriteStream;
  readonly #enabled: boolean;
  #pages = 0;
  #items = 0;
  #retries = 0;
  #throttledMs = 0;
  #throttledAt: number | undefined;
  /** The backoff being waited out, shown until the retry is sent. */
  #backoff: string | undefined;
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
      if (this.#backoff !== undefined) {
        this.#backoff = undefined;
        this.#draw();
      }
      return (client.send as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as BedrockClient['send'];
    return wrapped;
  }

  retry(event: RetryEvent): void {
    this.#retries++;
    if (event.reason === 'throttling') this.#throttledAt = performance.now();
    this.#backoff = `${WAITING_ON[event.reason]}, retrying page ${event.pageNumber} in ${seconds(event.delayMs)}`;
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
    const parts = [
      count(this.#pages, 'page'),
      count(this.#items, 'item'),
      count(this.#retries, 'retry', 'retries'),
      `${seconds(this.#throttledMs)} waiting on throttling`,
    ];
    if (this.#backoff !== undefined) parts.push(this.#backoff);
    this.#stream.write(`\r\x1b[K${parts.join(' · ')}`);
  }
}
