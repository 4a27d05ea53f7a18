import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { type PlannedEnd, planEnd, type StoreClock, storeClock, summaryMembers } from './lifecycle.js';
import { timeMs } from './time-input.js';

/** One stored item: the caller's summary, kept as given, and its sort key. */
export interface StoredItem<Item extends object = Record<string, unknown>> {
  readonly item: Item;
  /** The kind's time field (`creationTime`, `submitTime`) in ms: it orders the listing. */
  readonly timeMs: number;
  /** The kind's ARN field: it breaks ties, so that one order holds across requests and pages. */
  readonly arn: string;
  /** The summary as JSON, cached: turning Dates into strings is most of a page's cost. */
  json?: string;
  /** Why the job failed, when its lifecycle failed it: only its Get output shows it, never its summary. */
  failureMessage?: string;
}

/** Orders items by time, then by ARN, so that items of the same millisecond keep one order. */
export function compareAscending(a: StoredItem<object>, b: StoredItem<object>): number {
  return a.timeMs - b.timeMs || (a.arn < b.arn ? -1 : a.arn > b.arn ? 1 : 0);
}

/**
 * The items of one listing kind, sorted by the kind's time field and ARN,
 * as its list operation pages through them. Which fields those are comes
 * from the kind's declaration; nothing here knows a kind.
 */
export class KindStore<Item extends object = Record<string, unknown>> {
  readonly kind: AnyListingKind;
  readonly #items: StoredItem<Item>[] = [];
  readonly #byArn = new Map<string, StoredItem<Item>>();
  /** The summary fields a page shows, in order; all of an item's fields when absent. */
  readonly #summaryFields: readonly string[] | undefined;
  #ascending: StoredItem<Item>[] | undefined;
  /** The clock that running jobs end by, and the draws that decide how. */
  readonly #clock: StoreClock;
  /** When each running job that has a duration ends, and how. */
  readonly #ends = new Map<StoredItem<Item>, PlannedEnd>();

  constructor(kind: AnyListingKind, items: readonly Item[] = [], summaryFields?: readonly string[], clock?: StoreClock) {
    this.kind = kind;
    this.#summaryFields = summaryFields;
    this.#clock = clock ?? storeClock(Date.now);
    for (const item of items) this.add(item);
  }

  /**
   * Adds an item; a running job with a `durationMs`, or without one in an
   * emulator with a `lifecycle`, runs that long from now, then ends (see lifecycle.ts).
   */
  add(item: Item): StoredItem<Item> {
    const { durationMs, ...fields } = item as Record<string, unknown>;
    const arn = fields[this.kind.arnField];
    const { noun } = this.kind;
    if (typeof arn !== 'string' || arn === '') {
      throw new TypeError(`emulator ${noun}: ${this.kind.arnField} must be a non-empty string, got ${String(arn)}`);
    }
    if (this.#byArn.has(arn)) throw new TypeError(`emulator: two ${noun}s share the ARN ${arn}`);
    if (durationMs !== undefined && (typeof durationMs !== 'number' || !(durationMs >= 0))) {
      throw new TypeError(`emulator ${noun} ${arn}: durationMs must be a number of ms ≥ 0, got ${String(durationMs)}`);
    }
    const stored: StoredItem<Item> = {
      item: fields as Item,
      timeMs: timeMs(fields[this.kind.timeField], `emulator ${noun} ${arn}: ${this.kind.timeField}`),
      arn,
    };
    this.#items.push(stored);
    this.#byArn.set(arn, stored);
    this.#ascending = undefined;
    const duration = (durationMs as number | undefined) ?? this.#clock.durationMs;
    const lifecycle = this.kind.lifecycle;
    if (duration !== undefined && lifecycle?.running.includes(String(fields.status))) {
      const stopping = fields.status === 'Stopping' && lifecycle.failed.includes('Stopped');
      this.#ends.set(stored, planEnd(this.#clock, duration, stopping));
    }
    return stored;
  }

  /** Every item, oldest first, jobs whose time is up ended; the array is cached until the next `add`. */
  ascending(): readonly StoredItem<Item>[] {
    this.settle();
    this.#ascending ??= [...this.#items].sort(compareAscending);
    return this.#ascending;
  }

  findByArn(arn: string): StoredItem<Item> | undefined {
    this.settle();
    return this.#byArn.get(arn);
  }

  /** Forgets when a job was to end: it was stopped, and ends otherwise. */
  cancelEnd(stored: StoredItem<Item>): void {
    this.#ends.delete(stored);
  }

  /**
   * Ends every job whose time is up: `Completed`, `Failed` with a failure
   * message, or `Stopped` (one that was `Stopping`), its `endTime` and `lastModifiedTime` set where its summary has them.
   */
  settle(): void {
    if (this.#ends.size === 0) return;
    const now = this.#clock.now();
    const members = summaryMembers(this.kind);
    for (const [stored, end] of this.#ends) {
      if (end.atMs > now) continue;
      this.#ends.delete(stored);
      const fields = stored.item as Record<string, unknown>;
      fields.status = end.status;
      const at = new Date(end.atMs);
      for (const field of ['endTime', 'lastModifiedTime']) if (members.has(field)) fields[field] = at;
      if (end.failureMessage !== undefined) {
        stored.failureMessage = end.failureMessage;
        if (members.has('failureMessage')) fields.failureMessage = end.failureMessage;
      }
      this.changed(stored);
    }
  }

  /** The summary's JSON, as the service writes it: Dates become ISO-8601 strings, strings stay as given. */
  summaryJson(stored: StoredItem<Item>): string {
    if (stored.json === undefined) {
      const fields = stored.item as Record<string, unknown>;
      if (this.#summaryFields === undefined) stored.json = JSON.stringify(fields);
      else {
        const summary: Record<string, unknown> = {};
        for (const field of this.#summaryFields) if (fields[field] !== undefined) summary[field] = fields[field];
        stored.json = JSON.stringify(summary);
      }
    }
    return stored.json;
  }

  /** Forgets the cached JSON of an item whose fields changed. */
  changed(stored: StoredItem<Item>): void {
    delete stored.json;
  }
}
