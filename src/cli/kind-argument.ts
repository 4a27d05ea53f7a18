/**
 * `bedrock-jobs list [KIND]`: the kind a command line names, from
 * {@link LISTING_KINDS}, and a did-you-mean hint for a name that is not one.
 */
import { LISTING_KINDS } from '../bedrock/kinds/index.js';
import type { AnyListingKind } from '../bedrock/listing-kind.js';
import { UsageError } from './usage-error.js';

/** The kind when none is named: the first declared, customization jobs. */
export const DEFAULT_KIND: AnyListingKind = LISTING_KINDS[0] as AnyListingKind;

/** The number of single-character edits from `a` to `b` (Levenshtein). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] as number;
}

/** The kind's name closest to `word`, when it is close enough to be a typo (or `word` starts or is part of it). */
function nearest(word: string): string | undefined {
  const names = LISTING_KINDS.map((kind) => kind.name);
  const lower = word.toLowerCase();
  const prefix = names.find((name) => lower.length >= 3 && (name.startsWith(lower) || lower.startsWith(name)));
  if (prefix) return prefix;
  const [best] = names.map((name) => [name, editDistance(lower, name)] as const).sort((x, y) => x[1] - y[1]);
  return best && best[1] <= Math.max(2, Math.floor(best[0].length / 3)) ? best[0] : undefined;
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
