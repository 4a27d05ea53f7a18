import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { RetryEvent } from '../attempts/retry-options.js';
import type { Pacer } from '../pacing/pacer.js';

/** "1 page", "2 pages": a count with its noun, singular for one. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

const WAITING_ON: Record<RetryEvent['reason'], string> = { throttling: 'throttled', transient: 'request failed' };

/** One backoff begun: when, and how long the retry engine said it would wait. */
interface Backoff {
  readonly at: number;
  readonly delayMs: number;
}

/**
 * Pages, items, retries with the time spent in backoff, and the time spent
 * waiting for the pacer's turn, on one line of stderr, redrawn as pages
 * arrive, as requests go out and as a backoff begins (with what it waits
 * for and how long); only when stderr is a terminal, so that logs and
 * pipes stay clean. Backoff and pacing are told apart: the first is the
 * cost of having been throttled, the second what keeps it from happening.
 */
export class Progress {
  readonly #stream: NodeJS.WriteStream;
  readonly #enabled: boolean;
  readonly #pacer: Pacer | undefined;
  #pages = 0;
  #items = 0;
  #retries = 0;
  /** Backoffs that have run their course. */
  #backoffMs = 0;
  /** Backoffs still running: several sources may each be waiting one out. */
  #backoffs: Backoff[] = [];
  /** The backoff being waited out, shown until a request is sent. */
  #backoffNote: string | undefined;
  #shown = false;
  /** The time paced that the line shows now. */
  #pacedShown = 0;

  /** `pacer`: the run's pacer, whose time spent waiting for turns the line shows. */
  constructor(stream: NodeJS.WriteStream, pacer?: Pacer) {
    this.#stream = stream;
    this.#enabled = stream.isTTY === true;
    this.#pacer = pacer;
  }

  /**
   * The client, redrawing the line as each request goes out: the pacer's
   * turn has just come, so the time paced is up to date.
   */
  wrap(client: BedrockClient): BedrockClient {
    const wrapped = Object.create(client) as BedrockClient;
    wrapped.send = ((...args: Parameters<BedrockClient['send']>) => {
      // Redrawn only when something shown has changed: a line drawn before the first page would only flicker.
      if (this.#backoffNote !== undefined || this.#pacedMs() !== this.#pacedShown) {
        this.#backoffNote = undefined;
        this.#draw();
      }
      return (client.send as (...a: unknown[]) => Promise<unknown>)(...args);
    }) as BedrockClient['send'];
    return wrapped;
  }

  retry(event: RetryEvent): void {
    this.#retries++;
    this.#backoffs.push({ at: performance.now(), delayMs: event.delayMs });
    this.#backoffNote = `${WAITING_ON[event.reason]}, retrying page ${event.pageNumber} in ${seconds(event.delayMs)}`;
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

  /**
   * Time spent in backoff so far: each backoff lasts the delay it was told
   * of (the pacer's turn, which may follow it, is not backoff), and one
   * still running counts up to now.
   */
  #backoffSoFar(): number {
    const now = performance.now();
    let running = 0;
    this.#backoffs = this.#backoffs.filter(({ at, delayMs }) => {
      if (now - at < delayMs) {
        running += now - at;
        return true;
      }
      this.#backoffMs += delayMs;
      return false;
    });
    return this.#backoffMs + running;
  }

  /** Read when drawn: the pacer is shared by every source, and counts every wait for a turn. */
  #pacedMs(): number {
    return this.#pacer?.stats().waitedMs ?? 0;
  }

  #draw(): void {
    if (!this.#enabled) return;
    this.#shown = true;
    const retries = count(this.#retries, 'retry', 'retries');
    const parts = [
      count(this.#pages, 'page'),
      count(this.#items, 'item'),
      this.#retries === 0 ? retries : `${retries} (${seconds(this.#backoffSoFar())} in backoff)`,
    ];
    const pacedMs = this.#pacedMs();
    this.#pacedShown = pacedMs;
    if (pacedMs > 0) parts.push(`paced ${seconds(pacedMs)}`);
    if (this.#backoffNote !== undefined) parts.push(this.#backoffNote);
    this.#stream.write(`\r\x1b[K${parts.join(' · ')}`);
  }
}
