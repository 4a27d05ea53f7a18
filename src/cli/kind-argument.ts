/**
 * `bedrock-jobs list [KIND]`: the kind a command line names, from
 * {@link LISTING_KINDS}, and a did-you-mean hint for a name that is not one.
 */
import { LISTING_KINDS } from '../bedrock/kinds/index.js';
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { nearestName } from '../validation/input-errors.js';
import { UsageError } from './usage-error.js';

/** The kind when none is named: the first declared, customization jobs. */
export const DEFAULT_KIND: AnyListingKind = LISTING_KINDS[0] as AnyListingKind;

/** The kind's name closest to `word`, when it is close enough to be a typo (or `word` starts or is part of it). */
function nearest(word: string): string | undefined {
  const names = LISTING_KINDS.map((kind) => kind.name);
  const lower = word.toLowerCase();
  const prefix = names.find((name) => lower.length >= 3 && (name.startsWith(lower) || lower.startsWith(name)));
  if (prefix) return prefix;
  return nearestName(lower, names, 2);
}

/** The kind called `name`; a usage error that lists the kinds, and suggests the nearest, when none is. */
export function kindNamed(name: string): AnyListingKind {
  const kind = LISTING_KINDS.find((candidate) => candidate.name === name);
  if (kind) return kind;
  const guess = nearest(name);
  const hint = guess ? ` Did you mean '${guess}'?` : '';
  throw new UsageError(
    `unknown kind '${name}': the kinds are ${LISTING_KINDS.map((candidate) => candidate.name).join(', ')}.${hint}`,
  );
}
