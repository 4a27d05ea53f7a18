import { createPacer, type Pacer } from '../pacing/pacer.js';

let pacer: Pacer | undefined;

/**
 * The pacer of the library's default clients: one adaptive pacer for the
 * process, so that every listing, watch and wait made without a client of
 * the caller's shares each quota's pace. A caller's own client is paced
 * only by a pacer the caller passes.
 */
export function defaultPacer(): Pacer {
  pacer ??= createPacer();
  return pacer;
}

/**
 * The pacer of a listing, watch or wait: the one its options pass; else,
 * when it sends with the library's own clients (no `client`, no
 * `clients`), the process's; else none.
 */
export function pacerOf(options: {
  readonly pacer?: Pacer | undefined;
  readonly client?: unknown;
  readonly clients?: unknown;
}): Pacer | undefined {
  return options.pacer ?? (options.client === undefined && options.clients === undefined ? defaultPacer() : undefined);
}
