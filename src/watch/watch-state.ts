import type { WatchEvent } from './watch-event.js';

/** What makes two sightings of one item the same item, and the same state. */
export interface StateRules<T> {
  /** The item's identity: the same across polls. */
  readonly key: (item: T) => string;
  /** The parts of the item whose change is an event: two sightings with equal states are one state. */
  readonly state: (item: T) => string;
}

/**
 * The last state seen of each item, and the events that a new sighting
 * makes: what turns polls of the current state into changes. It knows
 * nothing of the service; what is compared is `rules.state`.
 */
export class WatchState<T> {
  readonly #rules: StateRules<T>;
  /** Each item's last sighting that made an event (or began the record), by key. */
  readonly #last = new Map<string, { readonly item: T; readonly state: string }>();

  constructor(rules: StateRules<T>) {
    this.#rules = rules;
  }

  /**
   * Records `items` and returns their events, in their order: `added` for
   * a key not seen before (when `announce`; else it is recorded quietly),
   * `changed` for one whose state differs from its last.
   */
  observe(items: readonly T[], announce = true): WatchEvent<T>[] {
    const events: WatchEvent<T>[] = [];
    for (const item of items) {
      const key = this.#rules.key(item);
      const state = this.#rules.state(item);
      const last = this.#last.get(key);
      if (last === undefined) {
        if (announce) events.push({ type: 'added', job: item });
      } else if (last.state !== state) {
        events.push({ type: 'changed', job: item, previous: last.item });
      } else {
        continue;
      }
      this.#last.set(key, { item, state });
    }
    return events;
  }

  /** Forgets an item: one that can no longer change, or no longer matches. */
  forget(key: string): void {
    this.#last.delete(key);
  }
}
