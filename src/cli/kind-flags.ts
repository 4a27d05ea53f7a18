/**
 * A kind's filter flags, made from its declaration's `filters` table: the
 * AWS CLI's names (the kebab-case of the request member: `nameContains` is
 * `--name-contains`), help from each rule's description and what it allows,
 * and the way back from a library message's `filter.x` to the flag `--x`.
 * Nothing here names a kind or a field.
 */
import { allowedBy } from '../bedrock/filter-validation.js';
import type { AnyListingKind, FilterRule } from '../bedrock/listing-kind.js';

/** One filter flag of a kind. A boolean field has two: `--is-owned` and `--no-is-owned`. */
export interface FilterFlag {
  /** The flag, without its dashes: `name-contains`, `no-is-owned`. */
  readonly flag: string;
  /** The request member it sets. */
  readonly field: string;
  readonly rule: FilterRule;
  /** For a boolean field, the value this flag gives it. */
  readonly sets?: boolean;
}

/** The AWS CLI's name of a request member: `targetModelNameContains` → `target-model-name-contains`. */
export function flagOf(field: string): string {
  return field.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** Every filter flag of `kind`, in the order of its table. */
export function filterFlags(kind: AnyListingKind): readonly FilterFlag[] {
  return Object.entries(kind.filters as Readonly<Record<string, FilterRule>>).flatMap(([field, rule]): FilterFlag[] =>
    rule.type === 'boolean'
      ? [
          { flag: flagOf(field), field, rule, sets: true },
          { flag: `no-${flagOf(field)}`, field, rule, sets: false },
        ]
      : [{ flag: flagOf(field), field, rule }],
  );
}

/** A time flag's forms, in the CLI's terms (the library's also takes a `Date`, which a command line cannot). */
export const TIME_FORMS = 'an ISO-8601 time such as 2026-01-31T12:00:00Z, or a duration back from now such as 30m, 12h, 7d or 2w';

/** The help of one filter field's flag (or, for a boolean, its two flags): how it is written, what it keeps, what it takes. */
export function filterFlagHelp(field: string, rule: FilterRule): { usage: string; help: string; example?: string } {
  const flag = flagOf(field);
  const keeps = rule.description.charAt(0).toUpperCase() + rule.description.slice(1);
  switch (rule.type) {
    case 'boolean':
      return {
        usage: `--${flag}, --no-${flag}`,
        help: `The first sets it to true, the second to false. ${keeps}.`,
        example: `--${flag}`,
      };
    case 'time':
      return { usage: `--${flag} TIME`, help: `${keeps}: ${TIME_FORMS}.`, example: `--${flag} 7d` };
    case 'enum':
      return { usage: `--${flag} VALUE`, help: `${keeps}: ${allowedBy(rule)}.`, example: `--${flag} ${rule.values[0]}` };
    case 'text':
      return { usage: `--${flag} TEXT`, help: `${keeps}: ${allowedBy(rule)}.` };
  }
}

/**
 * A library message in the command line's words: each `filter.someField` of
 * the kind becomes its flag, `--some-field`.
 */
export function inFlagTerms(kind: AnyListingKind, message: string): string {
  const fields = Object.keys(kind.filters);
  return message.replace(/\bfilter\.(\w+)/g, (whole, field: string) => (fields.includes(field) ? `--${flagOf(field)}` : whole));
}
