/**
 * `wait`'s view of its jobs: on a terminal, one status line per job,
 * rewritten in place as the polls see changes; elsewhere (a pipe, a CI
 * log), one line per change of a job's status, never rewritten.
 */
import type { WatchEvent } from '../watch/watch-event.js';
import { text } from './output-formats.js';

/** A job summary as the listing gives it. */
type Summary = Readonly<Record<string, unknown>>;

/** A job the polls have not found yet (the first poll finds every job, or fails the wait). */
const PENDING = 'waiting…';

/** The status lines of the jobs of one wait. */
export class StatusLines {
  readonly #stream: NodeJS.WriteStream;
  readonly #live: boolean;
  readonly #identifiers: readonly string[];
  readonly #names: (job: Summary, identifier: string) => boolean;
  /** Each identifier's line after its name, as last shown. */
  readonly #status = new Map<string, string>();
  #drawn = false;

  /**
   * `names(job, identifier)` says whether a listed job is the one an
   * identifier (name, ID or ARN) names; `live` rewrites the lines in place.
   * Nothing is drawn before the first poll has seen a job.
   */
  constructor(
    stream: NodeJS.WriteStream,
    identifiers: readonly string[],
    names: (job: Summary, identifier: string) => boolean,
    live: boolean,
  ) {
    this.#stream = stream;
    this.#identifiers = [...new Set(identifiers)];
    this.#names = names;
    this.#live = live;
    for (const identifier of this.#identifiers) this.#status.set(identifier, PENDING);
  }

  /** A job found or changed: its lines say so, if its status is news. */
  update(event: WatchEvent<Summary>): void {
    const status = text(event.job.status);
    const since = text(event.job.lastModifiedTime ?? event.job.endTime);
    for (const identifier of this.#identifiers) {
      if (!this.#names(event.job, identifier)) continue;
      const before = event.type === 'changed' ? text(event.previous.status) : undefined;
      if (before === status) continue;
      this.#status.set(identifier, since ? `${status} (since ${since})` : status);
      if (!this.#live) this.#stream.write(`${identifier}: ${before === undefined ? status : `${before} → ${status}`}\n`);
    }
    this.#draw();
  }

  #draw(): void {
    if (!this.#live) return;
    const width = Math.max(...this.#identifiers.map((identifier) => identifier.length));
    // Back up over the lines drawn before, then write each again.
    const up = this.#drawn ? `\x1b[${this.#identifiers.length}A` : '';
    const lines = this.#identifiers.map(
      (identifier) => `\r\x1b[2K${identifier.padEnd(width)}  ${this.#status.get(identifier)}\n`,
    );
    this.#stream.write(up + lines.join(''));
    this.#drawn = true;
  }
}
